import Geo

/// `patrol hotspots`: hotspot scores plus the heat map, as of a time, from the store's history.
public struct HotspotMap: Sendable {
    public var asOf: LocalDateTime
    public var hotspots: [HotspotScore]
    public var proposed: [HotspotScore]
    public var heat: HeatMap

    public init(asOf: LocalDateTime, hotspots: [HotspotScore], proposed: [HotspotScore], heat: HeatMap) {
        self.asOf = asOf
        self.hotspots = hotspots
        self.proposed = proposed
        self.heat = heat
    }

    /// Uses stops strictly before `asOf`. `extent` adds points the grid must cover (e.g. later stops being scored).
    public static func build(stops: [Stop], gazetteer: Gazetteer, visits: [Visit], asOf: LocalDateTime,
                             weightOptions: WeightOptions, heatOptions: HeatMapOptions, extent: [GridPoint] = [],
                             projection: Projection) throws -> HotspotMap {
        let weighting = HotspotWeighting(options: weightOptions)
        let result = try weighting.score(stops: stops, hotspots: gazetteer.hotspots, visits: visits, asOf: asOf,
                                         projection: projection)
        let before = stops.filter { $0.time < asOf }
        let points = before.map { GridPoint(easting: $0.easting, northing: $0.northing) }
        let weights = before.map { weighting.stopWeight($0, asOf: asOf) }
        let heat = HeatMap(points: points, weights: weights, extent: extent + gazetteer.hotspots.map(\.grid),
                           options: heatOptions)
        return HotspotMap(asOf: asOf, hotspots: result.hotspots, proposed: result.proposed, heat: heat)
    }

    public func featureCollection(projection: Projection) throws -> FeatureCollection {
        var features: [Feature] = []
        let ranked = hotspots.sorted { $0.rank < $1.rank }
        for score in ranked + proposed {
            features.append(Self.feature(score, of: ranked.count))
        }
        features += try heat.features(projection: projection)
        return FeatureCollection(features: features, foreignMembers: [
            "name": "patrol hotspots",
            "as_of": .string(asOf.description),
            "note": "hotspot weights: decayed, reason-weighted stops; rank: empirical-Bayes stops per patrol-hour; hexes: quartic KDE and Getis-Ord Gi*",
        ])
    }

    static func feature(_ score: HotspotScore, of total: Int) -> Feature {
        // Top third red, middle orange, rest yellow; proposed ones purple so they stand out for review.
        let colour: String
        if score.proposed {
            colour = "#7b3294"
        } else if score.rank <= max(1, total / 3) {
            colour = "#d7191c"
        } else if score.rank <= max(1, 2 * total / 3) {
            colour = "#fdae61"
        } else {
            colour = "#ffffbf"
        }
        var properties: [String: JSONValue] = [
            "layer": score.proposed ? "proposed_hotspot" : "hotspot",
            "id": .string(score.id),
            "name": .string(score.name),
            "proposed": .bool(score.proposed),
            "weight": .number(rounded(score.weight, 4)),
            "stops": .number(Double(score.stops)),
            "visits": .number(Double(score.visits)),
            "hours": .number(rounded(score.hours, 3)),
            "rank": .number(Double(score.rank)),
            "marker-color": .string(colour),
            "marker-size": .string(score.rank <= 3 && !score.proposed ? "large" : "medium"),
            "title": .string(score.name),
            "description": .string("rank \(score.rank), weight \(formatFixed(score.weight, decimals: 2)), \(score.stops) stops, \(score.visits) visits"),
        ]
        if !score.patch.isEmpty { properties["patch"] = .string(score.patch) }
        properties["rate_per_hour"] = score.rawRatePerHour.map { .number(rounded($0, 4)) } ?? .null
        properties["shrunk_rate_per_hour"] = .number(rounded(score.shrunkRatePerHour, 4))
        return Feature(id: .string(score.id), geometry: .point(score.position), properties: properties)
    }
}
