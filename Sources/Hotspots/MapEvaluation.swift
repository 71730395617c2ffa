import Geo

/// PAI of the three surfaces of a map made before a period, scored against the events of that period.
public struct MapEvaluation: Hashable, Sendable, Codable {
    public var trainingStops: Int
    public var testStops: Int
    public var testStopsInGrid: Int
    public var cells: Int
    public var cellSizeMetres: Double
    public var bandwidthMetres: Double
    /// method ("kde", "gi", "counts") → results at each area fraction, in the order asked.
    public var results: [String: [PAIResult]]

    public static let methods = ["kde", "gi", "counts"]

    /// The map is the heat map of `map`; `test` are the later stops, counted in its cells.
    public static func evaluate(map: HotspotMap, test: [Stop], areaFractions: [Double] = [0.05, 0.10],
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
            results[name] = areaFractions.map { PAI.evaluate(scores: scores, eventsPerCell: events, areaFraction: $0) }
        }
        return MapEvaluation(trainingStops: trainingStops, testStops: test.count, testStopsInGrid: inGrid,
                             cells: heat.grid.count, cellSizeMetres: heatOptions.cellSizeMetres,
                             bandwidthMetres: heatOptions.effectiveBandwidthMetres, results: results)
    }
}
