import Foundation
import Geo
import Hotspots

/// Gives the area's hotspots their weights from the stop history, through the Hotspots module.
/// The history is the store when there is one, else the area's illustrative `stops.csv`.
public enum HotspotWeights {
    public struct Outcome: Sendable {
        public var source: String
        public var stopCount: Int
    }

    /// Weight = expected stops per hour at the place (exposure-adjusted, shrunk toward the patch mean),
    /// with a small floor so a place with no history still counts for something.
    public static func apply(to area: inout Area, store: String?, date: PlanDate, projection: Projection) throws -> Outcome {
        let gazetteer = try Gazetteer.load(dataDirectory: area.folder, projection: projection)
        var stops: [Stop] = []
        var visits: [Visit] = []
        var source = "no stop history: every hotspot weighs the same"
        let storePath = store ?? area.folder.appendingPathComponent("stops.sqlite").path
        let csv = area.folder.appendingPathComponent("stops.csv")
        if store != nil || FileManager.default.fileExists(atPath: storePath) {
            let opened = try StoreLocator.open(storePath)
            stops = try opened.allStops()
            visits = try opened.visits()
            source = "stop store \(opened.location)"
        } else if FileManager.default.fileExists(atPath: csv.path) {
            let parsed = try StopFileParser(gazetteer: gazetteer, projection: projection).parse(fileAt: csv, format: .stops)
            if let first = parsed.errors.first {
                throw AreaError(file: csv.path, message: "\(first)", hint: "fix the row, or import the file with `patrol stops import --skip-bad`")
            }
            stops = parsed.stops
            source = "\(csv.lastPathComponent) (illustrative history, read without a store)"
        }
        guard !stops.isEmpty else { return Outcome(source: source, stopCount: 0) }
        let asOf = LocalDateTime(year: date.year, month: date.month, day: date.day)
        let result = try HotspotWeighting().score(stops: stops, hotspots: gazetteer.hotspots, visits: visits, asOf: asOf, projection: projection)
        var byID: [String: HotspotScore] = [:]
        for score in result.hotspots { byID[score.id] = score }
        for index in area.hotspots.indices {
            guard let score = byID[area.hotspots[index].id] else { continue }
            area.hotspots[index].weight = max(0.05, score.shrunkRatePerHour)
        }
        return Outcome(source: source, stopCount: stops.count)
    }
}
