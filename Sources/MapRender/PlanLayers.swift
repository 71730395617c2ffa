import Geo

/// What the map draws, read from the feature collections by their `layer` property, still in lon/lat.
/// Reading files rather than the planner's types keeps the renderer usable on any plan.geojson.
struct PlanLayers {
    struct Patch {
        var name: String
        var polygons: [[[LonLat]]]
    }

    struct Leg {
        var seq: Int
        var kind: String
        var street: String
        var eta: String
        var etd: String
        var distanceMetres: Double
        var path: [LonLat]
    }

    struct Visit {
        var seq: Int
        var visitSeq: Int
        var hotspotID: String
        var name: String
        var eta: String
        var dwellMinutes: Double
        var weight: Double
        var revisit: Bool
        var position: LonLat
    }

    struct Route {
        var pair: String
        var colour: String
        var base: LonLat?
        var baseName: String
        var legs: [Leg] = []
        var visits: [Visit] = []
    }

    var patches: [Patch] = []
    var routes: [Route] = []
    var attribution: String?
    var name: String?

    init(plan: FeatureCollection) throws {
        attribution = plan.foreignMembers["attribution"]?.stringValue
        name = plan.foreignMembers["name"]?.stringValue
        var routeIndex: [String: Int] = [:]
        func route(_ pair: String, colour: String?) -> Int {
            if let index = routeIndex[pair] {
                if let colour, routes[index].colour.isEmpty { routes[index].colour = colour }
                return index
            }
            routeIndex[pair] = routes.count
            routes.append(Route(pair: pair, colour: colour ?? "", base: nil, baseName: ""))
            return routes.count - 1
        }
        for (index, feature) in plan.features.enumerated() {
            let layer = feature["layer"]?.stringValue ?? ""
            let pair = feature["pair"]?.stringValue
            switch (layer, feature.geometry) {
            case let ("patch", .polygon(rings)?):
                patches.append(Patch(name: Self.name(feature, fallback: "patch \(index + 1)"), polygons: [rings]))
            case let ("patch", .multiPolygon(polygons)?):
                patches.append(Patch(name: Self.name(feature, fallback: "patch \(index + 1)"), polygons: polygons))
            case let ("base", .point(position)?):
                let at = route(try Self.required(pair, "pair", index), colour: feature["marker-color"]?.stringValue)
                routes[at].base = position
                routes[at].baseName = feature["name"]?.stringValue ?? ""
            case let ("route", .lineString(path)?):
                let at = route(try Self.required(pair, "pair", index), colour: feature["stroke"]?.stringValue)
                routes[at].legs.append(Leg(seq: feature["seq"]?.intValue ?? routes[at].legs.count,
                                           kind: feature["kind"]?.stringValue ?? "sweep",
                                           street: feature["street"]?.stringValue ?? "",
                                           eta: feature["eta"]?.stringValue ?? "", etd: feature["etd"]?.stringValue ?? "",
                                           distanceMetres: feature["distance_m"]?.doubleValue ?? 0, path: path))
            case let ("hotspot", .point(position)?):
                let at = route(try Self.required(pair, "pair", index), colour: nil)
                let visitSeq = feature["visit_seq"]?.intValue ?? (routes[at].visits.count + 1)
                routes[at].visits.append(Visit(seq: feature["seq"]?.intValue ?? visitSeq, visitSeq: visitSeq,
                                               hotspotID: feature["id"]?.stringValue ?? Self.name(feature, fallback: "\(index)"),
                                               name: Self.name(feature, fallback: "hotspot"),
                                               eta: feature["eta"]?.stringValue ?? "",
                                               dwellMinutes: feature["dwell_min"]?.doubleValue ?? 0,
                                               weight: feature["weight"]?.doubleValue ?? 0,
                                               revisit: feature["revisit"]?.boolValue ?? false, position: position))
            default:
                continue
            }
        }
        for index in routes.indices {
            routes[index].legs.sort { $0.seq < $1.seq }
            routes[index].visits.sort { $0.visitSeq < $1.visitSeq }
            if routes[index].colour.isEmpty { routes[index].colour = MapStyle.pairColour(index) }
        }
    }

    static func name(_ feature: Feature, fallback: String) -> String {
        let text = feature["name"]?.stringValue ?? feature["title"]?.stringValue ?? ""
        return text.isEmpty ? fallback : text
    }

    static func required(_ value: String?, _ field: String, _ index: Int) throws -> String {
        guard let value, !value.isEmpty else {
            throw MapRenderError.badFeature(layer: "plan", featureIndex: index, message: "property '\(field)' is missing")
        }
        return value
    }

    /// Every position the plan itself draws: the map is framed on these.
    var positions: [LonLat] {
        var out: [LonLat] = []
        for patch in patches { out += patch.polygons.flatMap { $0.flatMap { $0 } } }
        for route in routes {
            if let base = route.base { out.append(base) }
            out += route.legs.flatMap(\.path)
            out += route.visits.map(\.position)
        }
        return out
    }

    /// The routes' positions only (bases, legs, visits), for a map of one pair.
    var routePositions: [LonLat] {
        routes.flatMap { route in (route.base.map { [$0] } ?? []) + route.legs.flatMap(\.path) + route.visits.map(\.position) }
    }

    /// "2026-11-25" from the first time in the plan, if any.
    var date: String? {
        for route in routes {
            for time in route.legs.map(\.eta) + route.visits.map(\.eta) where time.count >= 10 {
                return String(time.prefix(10))
            }
        }
        return nil
    }
}
