import Geo

/// PAI of the three surfaces of a map made before a period, scored against the events of that period.
public struct MapEvaluation: Hashable, Sendable, Codable {
    public var trainingStops: Int
    public var testStops: Int
    public var testStopsInGrid: Int
    public var cells: Int
    public var cellSizeMetres: Double
    public var bandwidthMetres: Double
    /// method ("kde", "gi", "counts", and "selected" when a map was chosen) → results at each area fraction,
    /// in the order asked.
    public var results: [String: [PAIResult]]
    /// How the "selected" map was chosen, on the stops before the period alone.
    public var selection: MapSelection? = nil

    public static let methods = ["kde", "gi", "counts"]
    public static let selected = "selected"
    public static let areaFractions = MapSelection.reportedAreaFractions

    /// The map is the heat map of `map`; `test` are the later stops, counted in its cells.
    public static func evaluate(map: HotspotMap, test: [Stop], areaFractions: [Double] = areaFractions,
                                heatOptions: HeatMapOptions, trainingStops: Int) -> MapEvaluation {
        let heat = map.heat
        var events = [Int](repeating: 0, count: heat.grid.count)
        var inGrid = 0
        for stop in test {
            if let cell = heat.grid.cell(containing: GridPoint(easting: stop.easting, northing: stop.northing)) {
                events[cell] += 1
                inGrid += 1
            }
        }
        let surfaces: [String: [Double]] = [
            "kde": heat.kdePerSquareKm,
            "gi": heat.giZ,
            "counts": heat.counts.map(Double.init),
        ]
        var results: [String: [PAIResult]] = [:]
        for (name, scores) in surfaces {
            results[name] = areaFractions.map {
                PAI.evaluate(scores: scores, eventsPerCell: events, areaFraction: $0, earlierEventsPerCell: heat.counts)
            }
        }
        return MapEvaluation(trainingStops: trainingStops, testStops: test.count, testStopsInGrid: inGrid,
                             cells: heat.grid.count, cellSizeMetres: heatOptions.cellSizeMetres,
                             bandwidthMetres: heatOptions.effectiveBandwidthMetres, results: results)
    }

    /// Adds the chosen map, fitted on the stops before the period, scored on `test` over its own grid.
    public mutating func addSelected(_ fitted: FittedMap, selection: MapSelection, training: [Stop], test: [Stop],
                                     areaFractions: [Double] = areaFractions) {
        let later = MapSelection.eventsPerCell(test, grid: fitted.grid)
        let earlier = MapSelection.eventsPerCell(training, grid: fitted.grid)
        results[Self.selected] = areaFractions.map {
            PAI.evaluate(scores: fitted.scores, eventsPerCell: later, areaFraction: $0, earlierEventsPerCell: earlier)
        }
        self.selection = selection
    }

    /// The surfaces present, in reading order.
    public var methodsPresent: [String] { Self.methods + (results[Self.selected] == nil ? [] : [Self.selected]) }

    /// Chooses a map by prediction on the stops before `asOf` alone, refits it on all of them, and adds it as
    /// "selected".
    public mutating func addChosenMap(stops: [Stop], asOf: LocalDateTime, test: [Stop], extent: [GridPoint],
                                      reasonWeights: ReasonWeights, cellSizeMetres: Double, network: StreetGraph?) {
        let training = stops.filter { $0.time < asOf }
        let context = MapSelection.Context(reasonWeights: reasonWeights, network: network, extent: extent, cellSizeMetres: cellSizeMetres)
        let selection = MapSelection.choose(stops: training, asOf: asOf, context: context)
        // The margin is the other surfaces' (one user hex size at the default bandwidth), so PAI compares like with like.
        let grid = HexGrid(covering: extent + (training + test).map { GridPoint(easting: $0.easting, northing: $0.northing) },
                           cellSizeMetres: selection.method.cellSizeMetres, paddingMetres: cellSizeMetres)
        let fitted = FittedMap.fit(selection.method, stops: training, asOf: asOf, grid: grid, reasonWeights: reasonWeights, network: network)
        addSelected(fitted, selection: selection, training: training, test: test)
    }
}
