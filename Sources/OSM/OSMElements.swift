/// An OpenStreetMap coordinate in nanodegrees, exactly as PBF stores it.
///
/// Both readers produce integers, so the same data read from `.osm` and `.osm.pbf` gives
/// bit-identical doubles and therefore identical output files.
public struct OSMCoordinate: Hashable, Sendable {
    public var lonNanodegrees: Int64
    public var latNanodegrees: Int64

    public init(lonNanodegrees: Int64, latNanodegrees: Int64) {
        self.lonNanodegrees = lonNanodegrees
        self.latNanodegrees = latNanodegrees
    }

    public var lon: Double { Double(lonNanodegrees) / 1e9 }
    public var lat: Double { Double(latNanodegrees) / 1e9 }

    public var isValid: Bool {
        // Ranges, not abs(): abs(Int64.min) traps, and a crafted file can produce that value.
        (-180_000_000_000...180_000_000_000).contains(lonNanodegrees)
            && (-90_000_000_000...90_000_000_000).contains(latNanodegrees)
    }
}

public struct OSMNode: Hashable, Sendable {
    public var id: Int64
    public var coordinate: OSMCoordinate
    public var tags: [String: String]

    public init(id: Int64, coordinate: OSMCoordinate, tags: [String: String] = [:]) {
        self.id = id
        self.coordinate = coordinate
        self.tags = tags
    }

    public var lon: Double { coordinate.lon }
    public var lat: Double { coordinate.lat }
}

public struct OSMWay: Hashable, Sendable {
    public var id: Int64
    /// Node ids in drawing order.
    public var refs: [Int64]
    public var tags: [String: String]

    public init(id: Int64, refs: [Int64], tags: [String: String] = [:]) {
        self.id = id
        self.refs = refs
        self.tags = tags
    }
}

public enum OSMMemberType: String, Hashable, Sendable {
    case node, way, relation
}

public struct OSMMember: Hashable, Sendable {
    public var type: OSMMemberType
    public var ref: Int64
    public var role: String

    public init(type: OSMMemberType, ref: Int64, role: String) {
        self.type = type
        self.ref = ref
        self.role = role
    }
}

public struct OSMRelation: Hashable, Sendable {
    public var id: Int64
    public var members: [OSMMember]
    public var tags: [String: String]

    public init(id: Int64, members: [OSMMember], tags: [String: String] = [:]) {
        self.id = id
        self.members = members
        self.tags = tags
    }
}

/// One element of the stream both readers produce, in file order.
public enum OSMElement: Hashable, Sendable {
    case node(OSMNode)
    case way(OSMWay)
    case relation(OSMRelation)
}

/// Which kinds a pass wants; readers skip decoding the rest (dense node groups are never unpacked
/// on a ways-only pass, which is most of the cost of a PBF file).
public struct OSMElementKinds: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let nodes = OSMElementKinds(rawValue: 1)
    public static let ways = OSMElementKinds(rawValue: 2)
    public static let relations = OSMElementKinds(rawValue: 4)
    public static let all: OSMElementKinds = [.nodes, .ways, .relations]
}

/// Called with the number of bytes consumed so far and the file size.
public typealias OSMProgress = (_ bytesRead: Int, _ totalBytes: Int) -> Void
