import Base
import Foundation
import Geo
import Testing
@testable import Hotspots

@Suite struct WeightTests {
    @Test func decayHalvesAWeightAtTheHalfLife() throws {
        let decay = Decay(halfLifeDays: 90)
        #expect(abs(decay.factor(ageDays: 90) - 0.5) < 1e-12)
        #expect(abs(decay.factor(ageDays: 180) - 0.25) < 1e-12)
        #expect(decay.factor(ageDays: 0) == 1)
        #expect(decay.factor(ageDays: -1) == 0)
        // Through the weighting: a truanting stop exactly 90 days before the as-of date weighs half of one that day.
        let asOf = try #require(LocalDateTime(iso: "2026-11-24T00:00"))
        let old = try #require(LocalDateTime(iso: "2026-08-26T00:00"))
        #expect(asOf.dayNumber - old.dayNumber == 90)
        let weighting = HotspotWeighting()
        func stop(_ time: LocalDateTime) -> Stop {
            Stop(hash: "x", time: time, lon: 0, lat: 0, easting: 0, northing: 0, reason: .truanting)
        }
        #expect(abs(weighting.stopWeight(stop(old), asOf: asOf) - 0.5 * weighting.stopWeight(stop(asOf), asOf: asOf)) < 1e-12)
    }

    @Test func shrinkageRanksTenStopsInTenVisitsAboveOneStopInOneVisit() {
        // A patch whose other places yield about one stop in five visits; visits of 12 minutes.
        let hour = 0.2
        let counts: [Double] = [10, 1, 2, 1, 1, 3, 0, 2]
        let visits: [Double] = [10, 1, 10, 5, 5, 15, 5, 10]
        let rates = Shrinkage.shrunkRates(counts: counts, exposures: visits.map { $0 * hour })
        #expect(rates[0] > rates[1])
        // The raw rates are equal, so it is the shrinkage that separates them, and both move toward the patch mean.
        let mean = counts.reduce(0, +) / (visits.reduce(0, +) * hour)
        #expect(rates[1] < 1 / hour && rates[1] > mean)
        #expect(rates[0] < 1 / hour && rates[0] > rates[1])
    }

    @Test func dbscanMatchesBruteForceOnRandomPoints() {
        var random = SplitMix64(seed: 5)
        let points = (0..<300).map { _ in (x: random.unit() * 2000, y: random.unit() * 2000) }
        let eps = 120.0, minPoints = 4
        let labels = DBSCAN.labels(points, eps: eps, minPoints: minPoints)
        // Brute force: core points and their connected components under the eps relation.
        let n = points.count
        func close(_ a: Int, _ b: Int) -> Bool {
            let dx = points[a].x - points[b].x, dy = points[a].y - points[b].y
            return dx * dx + dy * dy <= eps * eps
        }
        let core = (0..<n).map { i in (0..<n).filter { close(i, $0) }.count >= minPoints }
        for i in 0..<n {
            if core[i] { #expect(labels[i] != nil) }
            let nearCore = (0..<n).contains { core[$0] && close(i, $0) }
            if !core[i] && !nearCore { #expect(labels[i] == nil) }
            for j in 0..<n where core[i] && core[j] && close(i, j) { #expect(labels[i] == labels[j]) }
        }
    }

    @Test func stopsSnapToTheNearestHotspotWithinTheRadius() throws {
        let projection = try Projection.bng()
        let a = NamedPlace(id: "a", name: "A", position: LonLat(lon: 0, lat: 0), grid: GridPoint(easting: 0, northing: 0), isHotspot: true)
        let b = NamedPlace(id: "b", name: "B", position: LonLat(lon: 0, lat: 0), grid: GridPoint(easting: 200, northing: 0), isHotspot: true)
        let time = try #require(LocalDateTime(iso: "2026-11-01"))
        let stops = [120.0, 90.0, 360.0, -149.0, -151.0].map {
            Stop(hash: "\($0)", time: time, lon: 0, lat: 0, easting: $0, northing: 0, reason: .sick)
        }
        #expect(HotspotWeighting().snap(stops, to: [a, b]) == [1, 0, nil, 0, nil])
        _ = projection
    }
}

@Suite struct ExposureRankingTests {
    /// Through the whole weighting: recorded visits are the exposure, and the patch holds a third, quiet place.
    @Test func tenStopsInTenVisitsOutrankOneStopInOneVisit() throws {
        let projection = try Projection.bng()
        func place(_ id: String, _ easting: Double) throws -> NamedPlace {
            let grid = GridPoint(easting: easting, northing: 112_000)
            return NamedPlace(id: id, name: id, patch: "p", dwellMinutes: 12, position: try projection.lonLat(grid), grid: grid, isHotspot: true)
        }
        let hotspots = [try place("often", 440_000), try place("once", 441_000), try place("quiet", 442_000)]
        var stops: [Stop] = []
        var visits: [Visit] = []
        for day in 1...10 {
            let date = try #require(LocalDateTime(iso: "2026-11-\(day < 10 ? "0" : "")\(day)T10:00"))
            stops.append(Stop(hash: "often-\(day)", time: date, lon: 0, lat: 0, easting: 440_000, northing: 112_000, reason: .truanting))
            visits.append(Visit(date: date.dateString, hotspotID: "often", pair: "pair-1", visitSeq: 1, minutes: 12, source: "test"))
            visits.append(Visit(date: date.dateString, hotspotID: "quiet", pair: "pair-1", visitSeq: 2, minutes: 12, source: "test"))
        }
        let day3 = try #require(LocalDateTime(iso: "2026-11-03T11:00"))
        stops.append(Stop(hash: "once", time: day3, lon: 0, lat: 0, easting: 441_000, northing: 112_000, reason: .truanting))
        visits.append(Visit(date: day3.dateString, hotspotID: "once", pair: "pair-1", visitSeq: 3, minutes: 12, source: "test"))
        var options = WeightOptions()
        options.decay = Decay(halfLifeDays: .infinity)
        let result = try HotspotWeighting(options: options).score(stops: stops, hotspots: hotspots, visits: visits,
                                                                 asOf: try #require(LocalDateTime(iso: "2026-11-20")), projection: projection)
        let byID = Dictionary(uniqueKeysWithValues: result.hotspots.map { ($0.id, $0) })
        let often = try #require(byID["often"]), once = try #require(byID["once"]), quiet = try #require(byID["quiet"])
        #expect(often.visits == 10 && once.visits == 1 && quiet.visits == 10)
        #expect(abs((often.rawRatePerHour ?? 0) - (once.rawRatePerHour ?? 1)) < 1e-9)
        #expect(often.shrunkRatePerHour > once.shrunkRatePerHour + 0.1)
        #expect(often.rank == 1 && once.rank == 2 && quiet.rank == 3)
    }
}
