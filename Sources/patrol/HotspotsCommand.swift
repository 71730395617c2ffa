import ArgumentParser
import Foundation
import Geo
import Hotspots

struct HotspotsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hotspots",
        abstract: "Weight hotspots from past stops and write a heat map.",
        discussion: """
            Stops snap to the nearest hotspot within --radius; the rest are clustered (DBSCAN) into proposed \
            hotspots. Weight = Σ 2^(−age/half-life) × reason weight; the rank uses stops per patrol-hour shrunk \
            toward the patch mean (empirical Bayes). The hex grid carries quartic-kernel KDE and Getis-Ord Gi*, and \
            the `score` of the map method chosen by prediction: each candidate (counts, planar or street-network KDE, \
            Gi*, counts shrunk toward a KDE; hex size, bandwidth, half-life) is fitted without the last quarter of \
            the history and scored on it by PAI at 5 % of the area; the best is refitted on all stops.

              patrol hotspots --as-of 2026-11-24 --out hotspots.geojson
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var map: MapOptions

    @Option(name: .customLong("as-of"), help: "Use stops before this date (default: the day after the latest stop).")
    var asOf: String?

    @Option(help: "Output GeoJSON file.")
    var out: String

    func run() throws {
        let projection = try Projection.bng()
        let opened = try store.openStore()
        let stops = try opened.allStops()
        let asOf = try self.asOf.map { try parseDate($0, option: "as-of") } ?? (stops.last?.time.nextDay ?? LocalDateTime(year: 1970, month: 1, day: 1))
        let network = try StreetGraph.load(dataDirectory: URL(fileURLWithPath: store.data), projection: projection)
        let result = try HotspotMap.buildChoosingMethod(stops: stops, gazetteer: try store.gazetteer(projection: projection),
                                                        visits: try opened.visits(), asOf: asOf, weightOptions: try map.weightOptions(),
                                                        heatOptions: map.heatOptions, network: network, projection: projection)
        try writeOutput(GeoJSONWriter.string(try result.featureCollection(projection: projection)), to: out)
        let hot = result.heat.giBins.filter { $0 == 3 }.count
        print("\(out): \(result.hotspots.count) hotspots, \(result.proposed.count) proposed, \(result.heat.grid.count) hexes (\(hot) at Gi* +3), as of \(asOf.dateString)")
        for line in result.selection?.summaryLines ?? [] { print(line) }
        print(HotspotStability.summaryLine(result.stability))
    }
}
