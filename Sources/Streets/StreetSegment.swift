import Geo

/// Which directions a segment may be driven, relative to the direction its geometry is drawn in.
public enum Oneway: String, Sendable, Hashable {
    /// Both directions.
    case no
    /// Only along the drawing direction (`"yes"`; roundabouts too).
    case yes
    /// Only against the drawing direction (`"-1"`).
    case reverse = "-1"

    public var allowsForward: Bool { self != .reverse }
    public var allowsBackward: Bool { self != .yes }
}

/// One street segment between junctions, as plain values: the unit `streets.geojson` holds one of per
/// feature, and the input for building a `StreetNetwork` without a file (tests, synthetic cities).
public struct StreetSegment: Sendable, Hashable {
    public var osmWayID: Int64
    public var fromNode: Int64
    public var toNode: Int64
    public var name: String
    public var highway: String
    public var oneway: Oneway
    /// Tagged speed limit in km/h; caps the profile's speed.
    public var maxspeedKmPerHour: Double?
    public var lengthMetres: Double
    public var scanOnly: Bool
    /// Vertices in British National Grid metres, in drawing order (from `fromNode` to `toNode`).
    public var geometry: [GridPoint]
    /// Index of the feature this came from in its file, or nil when built from arrays.
    public var featureIndex: Int?

    public init(osmWayID: Int64 = 0, fromNode: Int64, toNode: Int64, name: String = "", highway: String = "residential",
                oneway: Oneway = .no, maxspeedKmPerHour: Double? = nil, lengthMetres: Double? = nil,
                scanOnly: Bool = false, geometry: [GridPoint], featureIndex: Int? = nil) {
        self.osmWayID = osmWayID
        self.fromNode = fromNode
        self.toNode = toNode
        self.name = name
        self.highway = highway
        self.oneway = oneway
        self.maxspeedKmPerHour = maxspeedKmPerHour
        self.lengthMetres = lengthMetres ?? Polyline.lengthMetres(geometry)
        self.scanOnly = scanOnly
        self.geometry = geometry
        self.featureIndex = featureIndex
    }
}

/// Planar helpers on BNG polylines.
enum Polyline {
    static func lengthMetres<C: Collection>(_ points: C) -> Double where C.Element == GridPoint {
        var total = 0.0
        var previous: GridPoint?
        for point in points {
            if let previous { total += previous.distanceMetres(to: point) }
            previous = point
        }
        return total
    }
}
