import Foundation
import Geo

extension HotspotMap {
    /// `patrol hotspots`: chooses the map method by prediction on the stops before `asOf` (`MapSelection`),
    /// refits it on all of them, and reports how stable its top cells are month to month.
    public static func buildChoosingMethod(stops: [Stop], gazetteer: Gazetteer, visits: [Visit], asOf: LocalDateTime,
                                           weightOptions: WeightOptions, heatOptions: HeatMapOptions,
                                           network: StreetGraph?, projection: Projection) throws -> HotspotMap {
        let extent = gazetteer.hotspots.map(\.grid)
        let context = MapSelection.Context(reasonWeights: weightOptions.reasonWeights, network: network, extent: extent,
                                           cellSizeMetres: heatOptions.cellSizeMetres)
        let selection = MapSelection.choose(stops: stops, asOf: asOf, context: context)
        var map = try build(stops: stops, gazetteer: gazetteer, visits: visits, asOf: asOf, weightOptions: weightOptions,
                            heatOptions: heatOptions, selection: selection, network: network, projection: projection)
        map.stability = HotspotStability.monthly(stops: stops, asOf: asOf, method: selection.method,
                                                 reasonWeights: weightOptions.reasonWeights, network: network, extent: extent)
        return map
    }
}

extension StreetGraph {
    /// The area's `streets.geojson`, or nil when the area has none.
    public static func load(dataDirectory: URL, projection: Projection) throws -> StreetGraph? {
        let url = dataDirectory.appendingPathComponent("streets.geojson")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try load(streetsAt: url, projection: projection)
    }
}
