/// A position in a SUMO network's own plane: projected metres shifted by the network's `netOffset`.
public struct NetPoint: Hashable, Sendable, CustomStringConvertible {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    public var description: String { "(\(x), \(y))" }
}

/// The `<location>` element: how network coordinates relate to the projection.
public struct SUMOLocation: Hashable, Sendable {
    /// SUMO adds this to projected coordinates: x_net = x_projected + netOffset.x.
    public var netOffset: NetPoint
    /// xmin, ymin, xmax, ymax of the network, in network coordinates.
    public var convBoundary: [Double]
    /// The input's bounding box: lon/lat (xmin, ymin, xmax, ymax) when the input was geographic.
    public var origBoundary: [Double]
    /// The PROJ definition of the projection; "!" means the network has none.
    public var projParameter: String

    public init(netOffset: NetPoint, convBoundary: [Double], origBoundary: [Double], projParameter: String) {
        self.netOffset = netOffset
        self.convBoundary = convBoundary
        self.origBoundary = origBoundary
        self.projParameter = projParameter
    }
}

public struct SUMOLane: Hashable, Sendable {
    public var id: String
    public var speedMetresPerSecond: Double
    public var lengthMetres: Double
    public var shape: [NetPoint]

    public init(id: String, speedMetresPerSecond: Double, lengthMetres: Double, shape: [NetPoint]) {
        self.id = id
        self.speedMetresPerSecond = speedMetresPerSecond
        self.lengthMetres = lengthMetres
        self.shape = shape
    }
}

/// A non-internal directed edge.
public struct SUMOEdge: Hashable, Sendable {
    public var id: String
    public var from: String
    public var to: String
    /// The edge type, such as `highway.residential`; "" when absent.
    public var type: String
    /// `function` attribute ("normal" when absent); internal edges are never kept.
    public var function: String
    /// The edge's own shape from junction to junction, when the file gives one.
    public var shape: [NetPoint]?
    public var lanes: [SUMOLane]
    /// The line in the file where the edge starts, for messages.
    public var line: Int

    public init(id: String, from: String, to: String, type: String, function: String = "normal",
                shape: [NetPoint]?, lanes: [SUMOLane], line: Int = 0) {
        self.id = id
        self.from = from
        self.to = to
        self.type = type
        self.function = function
        self.shape = shape
        self.lanes = lanes
        self.line = line
    }

    /// The OSM highway class from `type="highway.X"`, or nil for other types.
    public var highwayClass: String? {
        guard type.hasPrefix("highway."), type.count > "highway.".count else { return nil }
        return String(type.dropFirst("highway.".count))
    }
}

public struct SUMOJunction: Hashable, Sendable {
    public var id: String
    public var position: NetPoint
    public var type: String

    public init(id: String, position: NetPoint, type: String) {
        self.id = id
        self.position = position
        self.type = type
    }
}

/// An edge type's defaults (`<type id="highway.residential" speed="13.89" …/>`).
public struct SUMOEdgeType: Hashable, Sendable {
    public var id: String
    public var speedMetresPerSecond: Double?

    public init(id: String, speedMetresPerSecond: Double?) {
        self.id = id
        self.speedMetresPerSecond = speedMetresPerSecond
    }
}

/// What `SUMOReader` keeps of a `.net.xml` file: no internal edges or junctions, no connections.
public struct SUMONetwork: Hashable, Sendable {
    public var location: SUMOLocation
    public var types: [String: SUMOEdgeType]
    /// In file order.
    public var edges: [SUMOEdge]
    /// In file order.
    public var junctions: [SUMOJunction]

    public init(location: SUMOLocation, types: [String: SUMOEdgeType], edges: [SUMOEdge], junctions: [SUMOJunction]) {
        self.location = location
        self.types = types
        self.edges = edges
        self.junctions = junctions
    }

    public var junctionsByID: [String: SUMOJunction] {
        Dictionary(junctions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
