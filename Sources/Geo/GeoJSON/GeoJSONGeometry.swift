/// An RFC 7946 geometry in WGS84 lon/lat.
public enum GeoJSONGeometry: Hashable, Sendable {
    case point(LonLat)
    case multiPoint([LonLat])
    case lineString([LonLat])
    case multiLineString([[LonLat]])
    /// Rings: the first is the exterior, the rest are holes; each ring is closed (first == last).
    case polygon([[LonLat]])
    case multiPolygon([[[LonLat]]])
    case geometryCollection([GeoJSONGeometry])

    public var typeName: String {
        switch self {
        case .point: "Point"
        case .multiPoint: "MultiPoint"
        case .lineString: "LineString"
        case .multiLineString: "MultiLineString"
        case .polygon: "Polygon"
        case .multiPolygon: "MultiPolygon"
        case .geometryCollection: "GeometryCollection"
        }
    }

    /// Every position, in order, for bounding boxes and range checks.
    public var allPositions: [LonLat] {
        switch self {
        case let .point(p): [p]
        case let .multiPoint(ps), let .lineString(ps): ps
        case let .multiLineString(lines), let .polygon(lines): lines.flatMap { $0 }
        case let .multiPolygon(polygons): polygons.flatMap { $0.flatMap { $0 } }
        case let .geometryCollection(members): members.flatMap(\.allPositions)
        }
    }

    /// The same geometry with RFC 7946 winding: exterior rings counter-clockwise, holes clockwise.
    public var withRFC7946Winding: GeoJSONGeometry {
        switch self {
        case let .polygon(rings): .polygon(Self.wound(rings))
        case let .multiPolygon(polygons): .multiPolygon(polygons.map(Self.wound))
        case let .geometryCollection(members): .geometryCollection(members.map(\.withRFC7946Winding))
        default: self
        }
    }

    /// True when every polygon already follows the right-hand rule.
    public var hasRFC7946Winding: Bool {
        self == withRFC7946Winding
    }

    static func wound(_ rings: [[LonLat]]) -> [[LonLat]] {
        rings.enumerated().map { index, ring in
            let area = signedArea(ring)
            let wantCounterClockwise = index == 0
            if area == 0 || (area > 0) == wantCounterClockwise { return ring }
            return ring.reversed()
        }
    }

    /// Shoelace area in degrees²: positive for counter-clockwise rings. Only the sign is used.
    static func signedArea(_ ring: [LonLat]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var sum = 0.0
        for i in 0..<(ring.count - 1) {
            sum += ring[i].lon * ring[i + 1].lat - ring[i + 1].lon * ring[i].lat
        }
        return sum / 2
    }
}

/// A feature id: RFC 7946 allows a string or a number.
public enum FeatureID: Hashable, Sendable {
    case string(String)
    case number(Double)
}

public struct Feature: Hashable, Sendable {
    public var id: FeatureID?
    /// RFC 7946 allows a feature without geometry (`"geometry": null`).
    public var geometry: GeoJSONGeometry?
    public var properties: [String: JSONValue]

    public init(id: FeatureID? = nil, geometry: GeoJSONGeometry?, properties: [String: JSONValue] = [:]) {
        self.id = id
        self.geometry = geometry
        self.properties = properties
    }

    public subscript(property: String) -> JSONValue? {
        get { properties[property] }
        set { properties[property] = newValue }
    }
}

public struct FeatureCollection: Hashable, Sendable {
    public var features: [Feature]
    /// Members beside `type` and `features`, such as `name` or `attribution`; written after them.
    public var foreignMembers: [String: JSONValue]

    public init(features: [Feature] = [], foreignMembers: [String: JSONValue] = [:]) {
        self.features = features
        self.foreignMembers = foreignMembers
    }
}

/// Any top-level GeoJSON text.
public enum GeoJSONObject: Hashable, Sendable {
    case geometry(GeoJSONGeometry)
    case feature(Feature)
    case featureCollection(FeatureCollection)

    /// The object as a collection of features, so callers can treat every file alike.
    public var features: [Feature] {
        switch self {
        case let .geometry(geometry): [Feature(geometry: geometry)]
        case let .feature(feature): [feature]
        case let .featureCollection(collection): collection.features
        }
    }
}
