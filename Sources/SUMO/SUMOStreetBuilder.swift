import Geo

/// Turns directed SUMO edges into undirected streets.
///
/// A street is two-way when an edge runs the other way between the same two junctions, whatever
/// the edges' ids say (netconvert numbers the pieces of each direction on its own). Where several
/// edges join the same two junctions, each is paired with at most one reverse edge: first of the
/// same OSM way, then the one whose geometry lies closest (discrete Hausdorff distance).
public enum SUMOStreetBuilder {
    public struct Result: Sendable {
        public var streets: [SUMOStreet]
        /// Non-internal edges whose type is not `highway.*` (railways, waterways), left out.
        public var skippedEdgeIDs: [String]
        /// Junction ids that are not OSM node ids and got a hashed negative number.
        public var nonIntegerJunctionIDs: [String]
    }

    /// A directed edge, placed on the map.
    struct PlacedEdge {
        var edge: SUMOEdge
        var way: Int64
        var isReverse: Bool
        var grid: [GridPoint]
        var coordinates: [LonLat]
    }

    public static func build(_ network: SUMONetwork, georeference: SUMOGeoreference, fileName: String = "network") throws -> Result {
        let junctions = network.junctionsByID
        var placed: [PlacedEdge] = []
        var skipped: [String] = []
        for edge in network.edges {
            guard edge.highwayClass != nil else {
                skipped.append(edge.id)
                continue
            }
            let shape = try geometry(of: edge, junctions: junctions, fileName: fileName)
            let grid = try shape.map { try georeference.grid($0) }
            let coordinates = try shape.map { try georeference.lonLat($0) }
            let parsed = SUMOEdgeID(edge.id)
            placed.append(PlacedEdge(edge: edge, way: parsed?.osmWayID ?? wayFallback(edge.id),
                                     isReverse: parsed?.isReverse ?? edge.id.hasPrefix("-"),
                                     grid: grid, coordinates: coordinates))
        }

        var streets: [SUMOStreet] = []
        for (forward, reverse) in pairs(placed) {
            streets.append(street(forward, reverse, types: network.types))
        }
        streets.sort { ($0.osmWayID, $0.edgeIDs[0]) < ($1.osmWayID, $1.edgeIDs[0]) }

        var nonInteger = Set<String>()
        for street in streets {
            if street.fromNode < 0 { nonInteger.insert(street.fromJunction) }
            if street.toNode < 0 { nonInteger.insert(street.toJunction) }
        }
        try checkNoCollisions(network.junctions.map(\.id), fileName: fileName)
        return Result(streets: streets, skippedEdgeIDs: skipped, nonIntegerJunctionIDs: nonInteger.sorted())
    }

    /// The edge's `shape`; without one SUMO means the straight line between its junctions.
    /// Lane shapes are the last resort: they sit half a lane to the side and stop short of the junctions.
    static func geometry(of edge: SUMOEdge, junctions: [String: SUMOJunction], fileName: String) throws -> [NetPoint] {
        if let shape = edge.shape { return shape }
        if let from = junctions[edge.from], let to = junctions[edge.to] { return [from.position, to.position] }
        if let lane = edge.lanes.first, lane.shape.count >= 2 { return lane.shape }
        let missing = junctions[edge.from] == nil ? edge.from : edge.to
        throw SUMOError.invalidElement(file: fileName, line: edge.line, element: "edge", field: "from/to",
                                       expected: "junction \"\(missing)\" of edge \"\(edge.id)\" to exist, or a shape on the edge or its lane")
    }

    /// Pairs each edge with at most one reverse edge between the same junctions; unpaired edges come back alone.
    static func pairs(_ edges: [PlacedEdge]) -> [(PlacedEdge, PlacedEdge?)] {
        var groups: [JunctionPair: [Int]] = [:]
        var order: [JunctionPair] = []
        for (index, placed) in edges.enumerated() {
            let key = JunctionPair(placed.edge.from, placed.edge.to)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        var result: [(PlacedEdge, PlacedEdge?)] = []
        for key in order {
            let members = groups[key]!
            // A loop edge (same junction at both ends) has no meaningful reverse: it stays one-way.
            guard key.low != key.high else {
                result += members.map { (edges[$0], nil) }
                continue
            }
            let ahead = members.filter { edges[$0].edge.from == key.low }
            let back = members.filter { edges[$0].edge.from != key.low }
            var candidates: [(differentWay: Int, distance: Double, a: Int, b: Int)] = []
            for a in ahead {
                for b in back {
                    let distance = hausdorffMetres(edges[a].grid, Array(edges[b].grid.reversed()))
                    candidates.append((edges[a].way == edges[b].way ? 0 : 1, distance, a, b))
                }
            }
            candidates.sort { ($0.differentWay, $0.distance, $0.a, $0.b) < ($1.differentWay, $1.distance, $1.a, $1.b) }
            var used = Set<Int>()
            for candidate in candidates where !used.contains(candidate.a) && !used.contains(candidate.b) {
                used.insert(candidate.a)
                used.insert(candidate.b)
                result.append((edges[candidate.a], edges[candidate.b]))
            }
            for index in members where !used.contains(index) {
                result.append((edges[index], nil))
            }
        }
        return result
    }

    /// The street drawn along the OSM way's own direction where one of the pair has it.
    static func street(_ first: PlacedEdge, _ second: PlacedEdge?, types: [String: SUMOEdgeType]) -> SUMOStreet {
        var drawn = first
        var other = second
        if let second, (second.isReverse ? 1 : 0, second.edge.id) < (first.isReverse ? 1 : 0, first.edge.id) {
            drawn = second
            other = first
        }
        let edge = drawn.edge
        var speed: Double?
        if let laneSpeed = edge.lanes.first?.speedMetresPerSecond {
            let typeDefault = types[edge.type]?.speedMetresPerSecond
            if typeDefault == nil || abs(laneSpeed - typeDefault!) > 0.005 {
                speed = (laneSpeed * 3.6 * 100).rounded() / 100
            }
        }
        return SUMOStreet(
            osmWayID: drawn.way,
            edgeIDs: [edge.id] + (other.map { [$0.edge.id] } ?? []),
            fromJunction: edge.from,
            toJunction: edge.to,
            fromNode: JunctionNodeID.integer(for: edge.from),
            toNode: JunctionNodeID.integer(for: edge.to),
            highway: edge.highwayClass ?? "road",
            isOneWay: other == nil,
            maxspeedKilometresPerHour: speed,
            lengthMetres: (polylineLengthMetres(drawn.grid) * 100).rounded() / 100,
            grid: drawn.grid,
            coordinates: drawn.coordinates
        )
    }

    /// An edge id that carries no OSM way id gets a stable negative number from its base (without "-" and "#n").
    static func wayFallback(_ id: String) -> Int64 {
        var base = Substring(id)
        if base.hasPrefix("-") { base = base.dropFirst() }
        if let hash = base.lastIndex(of: "#"), Int(base[base.index(after: hash)...]) != nil { base = base[..<hash] }
        return JunctionNodeID.integer(for: "way:" + base)
    }

    static func checkNoCollisions(_ ids: [String], fileName: String) throws {
        var seen: [Int64: String] = [:]
        for id in ids {
            let number = JunctionNodeID.integer(for: id)
            if let previous = seen[number], previous != id {
                throw SUMOError.invalidNetwork(file: fileName, message: "junctions \"\(previous)\" and \"\(id)\" map to the same node number \(number)")
            }
            seen[number] = id
        }
    }
}

/// An unordered pair of junction ids.
struct JunctionPair: Hashable {
    let low: String
    let high: String

    init(_ a: String, _ b: String) {
        if a <= b { low = a; high = b } else { low = b; high = a }
    }
}

func polylineLengthMetres(_ points: [GridPoint]) -> Double {
    zip(points, points.dropFirst()).reduce(0) { $0 + $1.0.distanceMetres(to: $1.1) }
}

/// Distance from a point to the segment a–b.
func distanceMetres(_ p: GridPoint, segment a: GridPoint, _ b: GridPoint) -> Double {
    let dx = b.easting - a.easting
    let dy = b.northing - a.northing
    let squared = dx * dx + dy * dy
    var t = squared == 0 ? 0 : ((p.easting - a.easting) * dx + (p.northing - a.northing) * dy) / squared
    t = min(1, max(0, t))
    return p.distanceMetres(to: GridPoint(easting: a.easting + t * dx, northing: a.northing + t * dy))
}

func distanceMetres(_ p: GridPoint, polyline: [GridPoint]) -> Double {
    guard polyline.count > 1 else { return polyline.first.map { p.distanceMetres(to: $0) } ?? .infinity }
    var best = Double.infinity
    for (a, b) in zip(polyline, polyline.dropFirst()) {
        best = min(best, distanceMetres(p, segment: a, b))
    }
    return best
}

/// The larger of the two one-sided vertex-to-line distances: 0 for the same line drawn either way.
func hausdorffMetres(_ a: [GridPoint], _ b: [GridPoint]) -> Double {
    let ab = a.map { distanceMetres($0, polyline: b) }.max() ?? 0
    let ba = b.map { distanceMetres($0, polyline: a) }.max() ?? 0
    return max(ab, ba)
}
