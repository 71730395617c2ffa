import Geo

/// A drivable street edge: one segment of `streets.geojson` that is not scan-only.
public struct StreetEdge: Sendable, Hashable {
    public let osmWayID: Int64
    let featureIndexRaw: Int32
    let fromNodeRaw: Int32
    let toNodeRaw: Int32
    let forwardArcRaw: Int32
    let backwardArcRaw: Int32
    let nameIDRaw: Int32
    let highwayIDRaw: Int32
    public let oneway: Oneway
    public let lengthMetres: Double
    public let speedKmPerHour: Double
    public let durationSeconds: Double

    /// Index of the feature in the file it was read from, or nil when built from arrays.
    public var featureIndex: Int? { featureIndexRaw < 0 ? nil : Int(featureIndexRaw) }
    /// Node index (into the network's nodes) where the geometry starts.
    public var fromNode: Int { Int(fromNodeRaw) }
    /// Node index where the geometry ends.
    public var toNode: Int { Int(toNodeRaw) }
    /// The arc driving along the drawing direction, or nil when the one-way forbids it.
    public var forwardArc: Int? { forwardArcRaw < 0 ? nil : Int(forwardArcRaw) }
    /// The arc driving against the drawing direction, or nil when the one-way forbids it.
    public var backwardArc: Int? { backwardArcRaw < 0 ? nil : Int(backwardArcRaw) }
    public var nameID: Int { Int(nameIDRaw) }
    public var highwayID: Int { Int(highwayIDRaw) }
}

/// A directed arc: one allowed direction of a drivable edge.
public struct Arc: Sendable, Hashable {
    public let id: Int
    public let edge: Int
    public let tail: Int
    public let head: Int
    /// True when the arc runs along the edge's drawing direction.
    public let forward: Bool
    public let lengthMetres: Double
    public let durationSeconds: Double
}

/// A scan-only segment (footway, path, alley, steps, …): scanned from the car, never driven.
public struct ScanPath: Sendable, Hashable {
    public let osmWayID: Int64
    public let featureIndex: Int?
    public let fromOSMNode: Int64
    public let toOSMNode: Int64
    /// Node indices in the drivable network when the path's end points are on it.
    public let fromNode: Int?
    public let toNode: Int?
    public let name: String
    public let highway: String
    public let lengthMetres: Double
    public let geometry: [GridPoint]
}

/// The road graph: nodes in British National Grid keyed by OSM node id, drivable edges, and directed arcs
/// (one per allowed direction) with travel times from a speed profile. Scan-only segments are kept aside.
///
/// Storage is columnar (flat arrays, compressed adjacency), so a city of a million edges fits in a few
/// hundred megabytes and Dijkstra walks contiguous memory.
public struct StreetNetwork: Sendable {
    public let profile: SpeedProfile
    /// Node positions in BNG metres, by node index.
    public let nodePoints: [GridPoint]
    /// OSM node id of each node index.
    public let nodeOSMIDs: [Int64]
    let nodeIndexByOSM: [Int64: Int32]
    public let edges: [StreetEdge]
    /// Interned street names (`edges[e].nameID` indexes this) and highway classes.
    public let names: [String]
    public let highways: [String]
    public let scanPaths: [ScanPath]

    // Geometry of edge e: geometryPoints[geometryStart[e] ..< geometryStart[e + 1]].
    let geometryPoints: [GridPoint]
    let geometryStart: [Int32]

    // Arcs, columnar.
    let arcEdge: [Int32]
    let arcTail: [Int32]
    let arcHead: [Int32]
    let arcLength: [Double]
    let arcTime: [Double]

    // Compressed adjacency: out-arcs of v are outArcs[outStart[v] ..< outStart[v + 1]]; likewise in-arcs.
    let outStart: [Int32]
    let outArcs: [Int32]
    let inStart: [Int32]
    let inArcs: [Int32]
    /// Edge ends at each node (a loop counts twice): 1 means a dead end.
    let nodeDegree: [Int32]

    public var nodeCount: Int { nodePoints.count }
    public var edgeCount: Int { edges.count }
    public var arcCount: Int { arcEdge.count }

    /// Builds the network. Scan-only segments become `scanPaths`; the rest become edges and arcs.
    public init(segments: [StreetSegment], profile: SpeedProfile = .ukUrban) throws {
        var builder = NetworkBuilder(capacity: segments.count)
        var scans: [(Int, StreetSegment)] = []
        for (index, segment) in segments.enumerated() {
            try Self.check(segment, index: index)
            if segment.scanOnly {
                scans.append((index, segment))
                continue
            }
            let speed = profile.speedKmPerHour(highway: segment.highway, maxspeedKmPerHour: segment.maxspeedKmPerHour)
            builder.addEdge(osmWayID: segment.osmWayID, featureIndex: segment.featureIndex ?? -1,
                            fromOSM: segment.fromNode, toOSM: segment.toNode, name: segment.name,
                            highway: segment.highway, oneway: segment.oneway, lengthMetres: segment.lengthMetres,
                            speedKmPerHour: speed, geometry: segment.geometry[...])
        }
        self.init(builder: builder, profile: profile, scanPaths: scans.map { _, segment in
            ScanPath(osmWayID: segment.osmWayID, featureIndex: segment.featureIndex,
                     fromOSMNode: segment.fromNode, toOSMNode: segment.toNode,
                     fromNode: builder.nodeIndex[segment.fromNode].map(Int.init),
                     toNode: builder.nodeIndex[segment.toNode].map(Int.init),
                     name: segment.name, highway: segment.highway, lengthMetres: segment.lengthMetres,
                     geometry: segment.geometry)
        })
    }

    static func check(_ segment: StreetSegment, index: Int) throws {
        guard segment.geometry.count >= 2 else {
            throw StreetsError.badSegment(index: index, message: "a segment needs at least two points")
        }
        guard segment.geometry.allSatisfy(\.isFinite) else {
            throw StreetsError.badSegment(index: index, message: "geometry has a non-finite coordinate")
        }
        guard segment.lengthMetres.isFinite, segment.lengthMetres >= 0 else {
            throw StreetsError.badSegment(index: index, message: "length \(segment.lengthMetres) m is not a non-negative number")
        }
        if let cap = segment.maxspeedKmPerHour, !(cap.isFinite && cap > 0) {
            throw StreetsError.badSegment(index: index, message: "maxspeed \(cap) km/h is not a positive number")
        }
    }

    init(builder: NetworkBuilder, profile: SpeedProfile, scanPaths: [ScanPath]) {
        self.profile = profile
        self.scanPaths = scanPaths
        nodePoints = builder.nodePoints
        nodeOSMIDs = builder.nodeOSMIDs
        nodeIndexByOSM = builder.nodeIndex
        edges = builder.edges
        names = builder.names.values
        highways = builder.highways.values
        geometryPoints = builder.geometryPoints
        geometryStart = builder.geometryStart
        arcEdge = builder.arcEdge
        arcTail = builder.arcTail
        arcHead = builder.arcHead
        arcLength = builder.arcLength
        arcTime = builder.arcTime
        let nodeCount = builder.nodePoints.count
        (outStart, outArcs) = Self.adjacency(nodeCount: nodeCount, keys: builder.arcTail)
        (inStart, inArcs) = Self.adjacency(nodeCount: nodeCount, keys: builder.arcHead)
        var degree = [Int32](repeating: 0, count: nodeCount)
        for edge in builder.edges {
            degree[edge.fromNode] += 1
            degree[edge.toNode] += 1
        }
        nodeDegree = degree
    }

    /// Counting sort of arc ids by key (tail or head): arcs of one node stay in id order.
    static func adjacency(nodeCount: Int, keys: [Int32]) -> ([Int32], [Int32]) {
        var start = [Int32](repeating: 0, count: nodeCount + 1)
        for key in keys { start[Int(key) + 1] += 1 }
        for v in 0..<nodeCount { start[v + 1] += start[v] }
        var fill = start
        var list = [Int32](repeating: 0, count: keys.count)
        for (arc, key) in keys.enumerated() {
            list[Int(fill[Int(key)])] = Int32(arc)
            fill[Int(key)] += 1
        }
        return (start, list)
    }

    // MARK: Look-ups

    /// The node index of an OSM node id, if the node is on the drivable network.
    public func node(osmID: Int64) -> Int? {
        nodeIndexByOSM[osmID].map(Int.init)
    }

    public func arc(_ id: Int) -> Arc {
        let edge = Int(arcEdge[id])
        return Arc(id: id, edge: edge, tail: Int(arcTail[id]), head: Int(arcHead[id]),
                   forward: edges[edge].forwardArcRaw == Int32(id),
                   lengthMetres: arcLength[id], durationSeconds: arcTime[id])
    }

    public func tail(ofArc id: Int) -> Int { Int(arcTail[id]) }
    public func head(ofArc id: Int) -> Int { Int(arcHead[id]) }
    public func edge(ofArc id: Int) -> Int { Int(arcEdge[id]) }
    public func durationSeconds(ofArc id: Int) -> Double { arcTime[id] }
    public func lengthMetres(ofArc id: Int) -> Double { arcLength[id] }

    /// The arc of the same edge in the other direction, if that direction may be driven.
    public func reverse(ofArc id: Int) -> Int? {
        let edge = edges[Int(arcEdge[id])]
        return edge.forwardArcRaw == Int32(id) ? edge.backwardArc : edge.forwardArc
    }

    public func outgoingArcs(of node: Int) -> [Int] {
        outArcs[Int(outStart[node])..<Int(outStart[node + 1])].map(Int.init)
    }

    public func incomingArcs(of node: Int) -> [Int] {
        inArcs[Int(inStart[node])..<Int(inStart[node + 1])].map(Int.init)
    }

    /// Edge ends at the node; a loop counts twice. 1 is a dead end.
    public func degree(of node: Int) -> Int { Int(nodeDegree[node]) }
    public func isDeadEnd(_ node: Int) -> Bool { nodeDegree[node] == 1 }

    public func name(ofEdge edge: Int) -> String { names[Int(edges[edge].nameIDRaw)] }
    public func highway(ofEdge edge: Int) -> String { highways[Int(edges[edge].highwayIDRaw)] }

    /// Edge geometry in drawing order, BNG metres.
    public func geometry(ofEdge edge: Int) -> ArraySlice<GridPoint> {
        geometryPoints[Int(geometryStart[edge])..<Int(geometryStart[edge + 1])]
    }

    /// Arc geometry in driving order.
    public func geometry(ofArc id: Int) -> [GridPoint] {
        let edge = Int(arcEdge[id])
        let points = geometry(ofEdge: edge)
        return edges[edge].forwardArcRaw == Int32(id) ? Array(points) : points.reversed()
    }

    /// Total drivable length in metres (each edge once).
    public var totalLengthMetres: Double { edges.reduce(0) { $0 + $1.lengthMetres } }
}

/// Accumulates nodes, edges, arcs and geometry in flat arrays.
struct NetworkBuilder {
    var nodePoints: [GridPoint] = []
    var nodeOSMIDs: [Int64] = []
    var nodeIndex: [Int64: Int32] = [:]
    var edges: [StreetEdge] = []
    var names = Interner()
    var highways = Interner()
    var geometryPoints: [GridPoint] = []
    var geometryStart: [Int32] = [0]
    var arcEdge: [Int32] = []
    var arcTail: [Int32] = []
    var arcHead: [Int32] = []
    var arcLength: [Double] = []
    var arcTime: [Double] = []

    init(capacity: Int) {
        edges.reserveCapacity(capacity)
        geometryStart.reserveCapacity(capacity + 1)
        arcEdge.reserveCapacity(capacity * 2)
        arcTail.reserveCapacity(capacity * 2)
        arcHead.reserveCapacity(capacity * 2)
        arcLength.reserveCapacity(capacity * 2)
        arcTime.reserveCapacity(capacity * 2)
        nodeIndex.reserveCapacity(capacity)
    }

    mutating func node(_ osmID: Int64, at point: GridPoint) -> Int32 {
        if let index = nodeIndex[osmID] { return index }
        let index = Int32(nodePoints.count)
        nodeIndex[osmID] = index
        nodePoints.append(point)
        nodeOSMIDs.append(osmID)
        return index
    }

    mutating func addEdge(osmWayID: Int64, featureIndex: Int, fromOSM: Int64, toOSM: Int64, name: String,
                          highway: String, oneway: Oneway, lengthMetres: Double, speedKmPerHour: Double,
                          geometry: ArraySlice<GridPoint>) {
        let from = node(fromOSM, at: geometry.first!)
        let to = node(toOSM, at: geometry.last!)
        let edgeID = Int32(edges.count)
        let duration = lengthMetres / (speedKmPerHour / 3.6)
        var forward: Int32 = -1
        var backward: Int32 = -1
        func addArc(_ tail: Int32, _ head: Int32) -> Int32 {
            let id = Int32(arcEdge.count)
            arcEdge.append(edgeID)
            arcTail.append(tail)
            arcHead.append(head)
            arcLength.append(lengthMetres)
            arcTime.append(duration)
            return id
        }
        if oneway.allowsForward { forward = addArc(from, to) }
        if oneway.allowsBackward { backward = addArc(to, from) }
        geometryPoints.append(contentsOf: geometry)
        geometryStart.append(Int32(geometryPoints.count))
        edges.append(StreetEdge(osmWayID: osmWayID, featureIndexRaw: Int32(featureIndex), fromNodeRaw: from,
                                toNodeRaw: to, forwardArcRaw: forward, backwardArcRaw: backward,
                                nameIDRaw: names.id(name), highwayIDRaw: highways.id(highway), oneway: oneway,
                                lengthMetres: lengthMetres, speedKmPerHour: speedKmPerHour,
                                durationSeconds: duration))
    }
}

/// Gives each distinct string a small integer, so a million edges share a few thousand names.
struct Interner {
    var values: [String] = []
    var ids: [String: Int32] = [:]

    mutating func id(_ value: String) -> Int32 {
        if let id = ids[value] { return id }
        let id = Int32(values.count)
        ids[value] = id
        values.append(value)
        return id
    }
}
