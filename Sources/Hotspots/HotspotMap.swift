import Geo

/// `patrol hotspots`: hotspot scores plus the heat map, as of a time, from the store's history.
public struct HotspotMap: Sendable {
    public var asOf: LocalDateTime
    public var hotspots: [HotspotScore]
    public var proposed: [HotspotScore]
    public var heat: HeatMap
    /// The map method chosen by prediction, and its fit on every stop before `asOf` over `heat.grid`.
    public var selection: MapSelection?
    public var fitted: FittedMap?
    /// Month-to-month overlap of the chosen map's top cells.
    public var stability: [MonthlyOverlap] = []

    public init(asOf: LocalDateTime, hotspots: [HotspotScore], proposed: [HotspotScore], heat: HeatMap,
                selection: MapSelection? = nil, fitted: FittedMap? = nil) {
        self.asOf = asOf
        self.hotspots = hotspots
        self.proposed = proposed
        self.heat = heat
        self.selection = selection
        self.fitted = fitted
    }

    /// Uses stops strictly before `asOf`. `extent` adds points the grid must cover (e.g. later stops being scored).
    /// With a `selection`, the hexes take the chosen method's size (and bandwidth, for a planar KDE) and carry
    /// its fitted scores.
    public static func build(stops: [Stop], gazetteer: Gazetteer, visits: [Visit], asOf: LocalDateTime,
                             weightOptions: WeightOptions, heatOptions givenHeatOptions: HeatMapOptions,
                             extent: [GridPoint] = [], selection: MapSelection? = nil, network: StreetGraph? = nil,
                             projection: Projection) throws -> HotspotMap {
        var heatOptions = givenHeatOptions
        if let method = selection?.method {
            heatOptions.cellSizeMetres = method.cellSizeMetres
            if method.kind == .kde { heatOptions.bandwidthMetres = method.bandwidthMetres }
        }
        let weighting = HotspotWeighting(options: weightOptions)
        let result = try weighting.score(stops: stops, hotspots: gazetteer.hotspots, visits: visits, asOf: asOf,
                                         projection: projection)
        let before = stops.filter { $0.time < asOf }
        let points = before.map { GridPoint(easting: $0.easting, northing: $0.northing) }
        let weights = before.map { weighting.stopWeight($0, asOf: asOf) }
        let heat = HeatMap(points: points, weights: weights, extent: extent + gazetteer.hotspots.map(\.grid),
                           options: heatOptions)
        let fitted = selection.map {
            FittedMap.fit($0.method, stops: before, asOf: asOf, grid: heat.grid, reasonWeights: weightOptions.reasonWeights,
                          network: network)
        }
        return HotspotMap(asOf: asOf, hotspots: result.hotspots, proposed: result.proposed, heat: heat,
                          selection: selection, fitted: fitted)
    }

    public func featureCollection(projection: Projection) throws -> FeatureCollection {
        var features: [Feature] = []
        let ranked = hotspots.sorted { $0.rank < $1.rank }
        for score in ranked + proposed {
            features.append(Self.feature(score, of: ranked.count))
        }
        features += try heat.features(projection: projection, fitted: fitted)
        var members: [String: JSONValue] = [
            "name": "patrol hotspots",
            "as_of": .string(asOf.description),
            "note": "hotspot weights: decayed, reason-weighted stops; rank: empirical-Bayes stops per patrol-hour; hexes: quartic KDE and Getis-Ord Gi*",
        ]
        if let selection { members["map_method"] = selection.json }
        if !stability.isEmpty { members["stability"] = HotspotStability.json(stability) }
        return FeatureCollection(features: features, foreignMembers: members)
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
