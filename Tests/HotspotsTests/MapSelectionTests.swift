import Base
import Geo
import Testing
@testable import Hotspots

/// A stop at a BNG position; lon/lat are not used by the maps.
func stopAt(_ easting: Double, _ northing: Double, _ time: String, reason: StopReason = .truanting) -> Stop {
    Stop(hash: "\(easting),\(northing),\(time)", time: LocalDateTime(iso: time)!, lon: 0, lat: 0,
         easting: easting, northing: northing, reason: reason)
}

func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

@Suite struct NetworkKernelDensityTests {
    /// Street A runs east along y = 0 with a spur south at x = 500; street B runs parallel 120 m north and
    /// meets nothing. Stops are on A.
    static let network = StreetGraph(lines: [
        [GridPoint(easting: 0, northing: 0), GridPoint(easting: 500, northing: 0)],
        [GridPoint(easting: 500, northing: 0), GridPoint(easting: 1000, northing: 0)],
        [GridPoint(easting: 500, northing: 0), GridPoint(easting: 500, northing: -300)],
        [GridPoint(easting: 0, northing: 120), GridPoint(easting: 1000, northing: 120)],
    ])

    @Test func massStaysOnConnectedStreetsAndIntegratesToThePointCount() {
        let points = [GridPoint(easting: 300, northing: 0), GridPoint(easting: 480, northing: 2), GridPoint(easting: 700, northing: -1)]
        let grid = HexGrid(covering: points + [GridPoint(easting: 0, northing: 150), GridPoint(easting: 1000, northing: -350)],
                           cellSizeMetres: 50, paddingMetres: 250)
        let result = NetworkKernelDensity.massPerCell(grid: grid, network: Self.network, points: points,
                                                      weights: [1, 1, 1], bandwidthMetres: 200)
        #expect(result.snappedPoints == 3)
        let total = result.massPerCell.reduce(0, +)
        #expect(abs(total - 3) / 3 < 0.01)
        // Cells around street B (its hexagons reach no closer than 60 m to A) hold nothing: no street joins them.
        let nearB = (0..<grid.count).filter { abs(grid.centre($0).northing - 120) < 30 }
        #expect(!nearB.isEmpty)
        #expect(nearB.allSatisfy { result.massPerCell[$0] == 0 })
        // The planar kernel of the same bandwidth does cross the gap, which is why the network one exists.
        let planar = KernelDensity.intensity(at: nearB.map(grid.centre), points: points, weights: [1, 1, 1], bandwidthMetres: 200)
        #expect(planar.contains { $0 > 0 })
        // Mass does flow down the spur, which is connected.
        let onSpur = (0..<grid.count).filter { abs(grid.centre($0).easting - 500) < 25 && grid.centre($0).northing < -60 }
        #expect(onSpur.contains { result.massPerCell[$0] > 0 })
    }

    @Test func networkDistanceFollowsTheStreetsNotTheCrowFlies() {
        // From x = 480 on A, the spur's far end is 20 + 300 m away by street.
        let origin = try! #require(Self.network.snap(GridPoint(easting: 480, northing: 2), withinMetres: 10))
        let start = Self.network.edges[origin.edge]
        let distances = NetworkKernelDensity.nodeDistances(
            network: Self.network, sources: [(start.from, origin.offsetMetres), (start.to, start.lengthMetres - origin.offsetMetres)],
            limitMetres: 1000)
        let spurEnd = Self.network.nodes.firstIndex { $0.northing == -300 }!
        #expect(abs(distances[spurEnd]! - 320) < 1e-6)
        let streetB = Self.network.nodes.firstIndex { $0.northing == 120 }!
        #expect(distances[streetB] == nil)
    }
}

@Suite struct CellShrinkageTests {
    @Test func oneStopMovesToThePriorAndABusyCellKeepsItsCount() {
        let counts: [Double] = [1, 30, 10, 0]
        let expected: [Double] = [0.2, 20, 18, 2]
        // ν = Σμ² / Σ[(y − μ)² − μ] = 728.04 / 128.44 by hand.
        let nu = CellShrinkage.strengthByMoments(counts: counts, expected: expected)
        #expect(abs(nu - 728.04 / 128.44) < 1e-9)
        let posterior = CellShrinkage.posteriorMeans(counts: counts, expected: expected, strength: nu)
        for i in counts.indices {
            let w = expected[i] / (expected[i] + nu)
            #expect(abs(posterior[i] - (w * counts[i] + (1 - w) * expected[i])) < 1e-12)
            // The closed form (y + ν) / (1 + ν/μ) as well.
            #expect(abs(posterior[i] - (counts[i] + nu) / (1 + nu / expected[i])) < 1e-12)
        }
        // The lone stop (1, where the map expects 0.2) ends near the prior; the busy cell (30) keeps most of it.
        #expect(abs(posterior[0] - 0.2) < 0.05)
        #expect(posterior[1] > 27 && posterior[1] < 30)
    }

    @Test func countsWithinPoissonNoiseOfTheMapGiveTheMap() {
        let nu = CellShrinkage.strengthByMoments(counts: [2, 3, 1], expected: [2, 3, 1])
        #expect(nu == CellShrinkage.maximumStrength)
    }

    @Test func aHotspotDoesNotFlipOnOneStop() throws {
        // A busy shopping parade (40 stops over two months) and, 1.5 km away, one stop on a quiet street.
        var stops: [Stop] = []
        for k in 0..<40 {
            stops.append(stopAt(1000 + Double(k % 5) * 10, 1000, "2026-\(k % 2 == 0 ? "09" : "10")-\(twoDigits(1 + k % 28))T10:00:00"))
        }
        stops.append(stopAt(2500, 1000, "2026-10-20T10:00:00"))
        let grid = HexGrid(covering: stops.map { GridPoint(easting: $0.easting, northing: $0.northing) }, cellSizeMetres: 150,
                           paddingMetres: 150)
        let asOf = try #require(LocalDateTime(iso: "2026-11-01"))
        let shrunk = MapMethod(kind: .shrunk, cellSizeMetres: 150, bandwidthMetres: 300, uniformReasons: true)
        let scores = FittedMap.fit(shrunk, stops: stops, asOf: asOf, grid: grid, reasonWeights: ReasonWeights(), network: nil).scores
        let lone = try #require(grid.cell(containing: GridPoint(easting: 2500, northing: 1000)))
        let parade = try #require(grid.cell(containing: GridPoint(easting: 1020, northing: 1000)))
        let counts = FittedMap.fit(MapSelection.countsBaseline(.init()), stops: stops, asOf: asOf, grid: grid,
                                   reasonWeights: ReasonWeights(), network: nil).scores
        // Raw counts put the lone stop's cell level with the parade's neighbours; the shrunk map keeps it well
        // below the parade and below its own count of 1.
        #expect(counts[lone] == 1)
        #expect(scores[lone] < 0.5)
        #expect(scores[parade] > 10 * scores[lone])
    }
}

@Suite struct HitRateMeasureTests {
    @Test func paiPeiAndRriByHandOnATinyGrid() throws {
        // 10 cells; the map ranks cells 0, 1, 2, …; later events [3, 0, 5, 1, 0, 0, 0, 0, 1, 0] (10 in all).
        let scores: [Double] = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
        let later = [3, 0, 5, 1, 0, 0, 0, 0, 1, 0]
        let earlier = [4, 2, 1, 1, 0, 0, 0, 0, 0, 2]
        let r = PAI.evaluate(scores: scores, eventsPerCell: later, areaFraction: 0.2, earlierEventsPerCell: earlier)
        // Top 2 cells (0 and 1): 3 of 10 events in 20 % of the area: PAI = 30 / 20 = 1.5.
        #expect(r.cellsSelected == 2 && r.hits == 3 && abs(r.pai - 1.5) < 1e-12)
        // The best 2 cells hold 5 + 3 = 8 events: best PAI 4, PEI = 1.5 / 4 = 3 / 8.
        #expect(r.bestHits == 8 && abs(r.pei - 0.375) < 1e-12)
        // RRI = (3 later / 6 earlier inside) / (10 later / 10 earlier overall) = 0.5.
        #expect(abs(try #require(r.rri) - 0.5) < 1e-12)
        #expect(r.areaPercent == 20)
    }

    @Test func peiIsOneForAMapRankingByTheTestCounts() {
        let later = [0, 7, 1, 0, 4, 4, 0, 2, 9, 0, 0, 3, 1, 0, 0, 5, 0, 0, 0, 1]
        for fraction in [0.05, 0.1, 0.25, 0.5] {
            let r = PAI.evaluate(scores: later.map(Double.init), eventsPerCell: later, areaFraction: fraction)
            #expect(r.pei == 1)
        }
    }
}

@Suite struct MapSelectionTests {
    /// Weekly sweeps over eight weeks at three shopping parades, plus scattered stops.
    static func history() -> [Stop] {
        var stops: [Stop] = []
        var random = SplitMix64(seed: 7)
        for week in 0..<8 {
            let day = 1 + week * 7
            let date = day <= 30 ? "2026-09-\(twoDigits(day))T10:00:00" : "2026-10-\(twoDigits(day - 30))T10:00:00"
            for (e, n, perWeek) in [(1000.0, 1000.0, 4), (1800.0, 1300.0, 3), (1300.0, 2200.0, 2)] {
                for _ in 0..<perWeek {
                    stops.append(stopAt(e + Double(random.next() % 60), n + Double(random.next() % 60), date))
                }
            }
            stops.append(stopAt(500 + Double(random.next() % 2500), 500 + Double(random.next() % 2500), date))
        }
        return stops
    }

    @Test func theTimeSplitNeverLetsATestStopIntoTheFit() throws {
        var stops = Self.history()
        // A test-period stop 3 km from everything else.
        stops.append(stopAt(6000, 6000, "2026-10-22T10:00:00"))
        guard case let .split(split) = TimeSplit.lastQuarter(of: stops) else { Issue.record("no split"); return }
        #expect(split.test.contains { $0.easting == 6000 })
        #expect(split.training.allSatisfy { $0.time < split.testStart })
        let context = MapSelection.Context()
        let far = GridPoint(easting: 6000, northing: 6000)
        for method in MapSelection.candidates(for: split, context: context) {
            let (grid, scores) = MapSelection.heldOutSurface(method, on: split, context: context)
            let cell = try #require(grid.cell(containing: far))
            // Gi* z-scores are relative (an empty cell scores below the mean); every mass surface is zero there.
            if method.kind == .gi {
                #expect(scores[cell] <= 0)
            } else {
                #expect(scores[cell] == 0, "\(method)")
            }
        }
        let selection = MapSelection.choose(stops: stops, asOf: try #require(LocalDateTime(iso: "2026-11-01")), context: context)
        #expect(selection.chosenByPrediction)
        #expect(selection.testStops == split.test.count && selection.trainingStops == split.training.count)
        #expect((selection.chosen.first { $0.areaFraction == 0.05 }?.pai ?? 0) >= (selection.counts.first { $0.areaFraction == 0.05 }?.pai ?? 0))
    }

    @Test func tooLittleHistoryFallsBackToTheDefaultMapAndSaysWhy() throws {
        let stops = Array(Self.history().prefix(12))
        let selection = MapSelection.choose(stops: stops, asOf: try #require(LocalDateTime(iso: "2026-11-01")), context: .init())
        #expect(!selection.chosenByPrediction)
        #expect(selection.method == MapMethod.fallback())
        #expect(selection.reason.contains("fewer than the 30"))
        let oneWeek = (0..<40).map { stopAt(1000 + Double($0), 1000, "2026-09-01T10:00:00") }
        let weekly = MapSelection.choose(stops: oneWeek, asOf: try #require(LocalDateTime(iso: "2026-11-01")), context: .init())
        #expect(!weekly.chosenByPrediction && weekly.reason.contains("distinct weeks"))
    }

    @Test func monthlyStabilityComparesConsecutiveMonthsTopCells() throws {
        let stops = Self.history()
        let overlaps = HotspotStability.monthly(stops: stops, asOf: try #require(LocalDateTime(iso: "2026-11-01")),
                                                method: MapMethod(kind: .shrunk, cellSizeMetres: 150, bandwidthMetres: 300),
                                                reasonWeights: ReasonWeights(), network: nil, extent: [])
        #expect(overlaps.map(\.month) == ["2026-10"])
        #expect(overlaps.allSatisfy { (0...1).contains($0.jaccard) && (0...1).contains($0.countsJaccard) })
        #expect(HotspotStability.jaccard([1, 2, 3], [2, 3, 4]) == 0.5)
    }
}

@Suite struct HotspotsCommandMapMethodTests {
    @Test func patrolHotspotsPrintsAndWritesTheChosenMethodAndItsMeasures() throws {
        let area = try TestArea()
        let file = try area.write("history.csv", TestArea.generatedRows(120, seed: 11))
        #expect(try TestArea.runPatrol(["stops", "import", file.path, "--data", area.folder.path], in: area.folder).status == 0)
        let out = area.folder.appendingPathComponent("hotspots.geojson")
        let result = try TestArea.runPatrol(["hotspots", "--data", area.folder.path, "--out", out.path], in: area.folder)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("chosen by prediction"))
        #expect(result.output.contains("raw counts"))
        guard case let .featureCollection(collection) = try GeoJSONReader.read(contentsOf: out) else {
            Issue.record("not a feature collection")
            return
        }
        let method = try #require(collection.foreignMembers["map_method"])
        #expect(method["chosen_by_prediction"] == .bool(true))
        for share in ["1pct", "5pct", "10pct"] {
            let measures = try #require(method["held_out"]?[share])
            #expect(measures["area_pct"]?.doubleValue != nil && measures["pai"]?.doubleValue != nil && measures["pei"]?.doubleValue != nil)
        }
        let hexes = collection.features.filter { $0["layer"] == "hex" }
        #expect(hexes.contains { $0["top_pct"] == .number(1) })
        #expect(hexes.allSatisfy { $0["score"]?.doubleValue != nil })
    }
}

@Suite struct ReviewMeasuresTests {
    @Test func reviewReportsPaiPeiAndRriAtThreeAreaSharesForEverySurface() throws {
        let area = try TestArea()
        let projection = try Projection.bng()
        let file = try area.write("history.csv", TestArea.generatedRows(120, seed: 5))
        let stops = try area.parser().parse(fileAt: file, format: .stops).stops
        let gazetteer = try Gazetteer.load(dataDirectory: area.folder, projection: projection)
        let review = try Review.build(date: try #require(LocalDateTime(iso: "2026-10-27")), stops: stops, gazetteer: gazetteer,
                                      visits: [], plan: nil, weightOptions: WeightOptions(), heatOptions: HeatMapOptions(),
                                      projection: projection)
        #expect(review.evaluation.methodsPresent == ["kde", "gi", "counts", "selected"])
        for method in review.evaluation.methodsPresent {
            let results = try #require(review.evaluation.results[method])
            #expect(results.map(\.areaFraction) == [0.01, 0.05, 0.10])
            #expect(results.allSatisfy { (0...1).contains($0.pei) && $0.pai >= 0 })
        }
        let text = review.markdown()
        #expect(text.contains("| surface | area % | hits | hit rate % | PAI | PEI | RRI |"))
        #expect(text.contains("| selected | 5.0 |"))
        let members = review.featureCollection().foreignMembers
        #expect(members["measures"]?["selected"]?["5pct"]?["pei"]?.doubleValue != nil)
        #expect(members["map_method"]?["chosen_by_prediction"] == .bool(true))
    }
}
