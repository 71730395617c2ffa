import Geo

/// A patch: the area one pair sweeps, around a school and its feeders.
public struct Patch: Hashable, Sendable {
    public var id: String
    public var name: String
    public var schools: [String]
    public var outline: GeoJSONGeometry
    public var overlapAllowed: [String]

    public init(id: String, name: String, schools: [String], outline: GeoJSONGeometry, overlapAllowed: [String] = []) {
        self.id = id
        self.name = name
        self.schools = schools
        self.outline = outline
        self.overlapAllowed = overlapAllowed
    }
}

/// A place worth watching: a supermarket and its parade, a district centre, a park.
public struct Hotspot: Hashable, Sendable {
    public var id: String
    public var name: String
    public var kind: String
    public var patch: String?
    public var position: LonLat
    public var dwellSeconds: Int
    /// Weight from the stop history (1 when there is none).
    public var weight: Double

    public init(id: String, name: String, kind: String, patch: String?, position: LonLat, dwellSeconds: Int = 720, weight: Double = 1) {
        self.id = id
        self.name = name
        self.kind = kind
        self.patch = patch
        self.position = position
        self.dwellSeconds = dwellSeconds
        self.weight = weight
    }
}

public struct School: Hashable, Sendable {
    public var name: String
    public var phase: String
    public var capacity: Int?
    public var position: LonLat
}
