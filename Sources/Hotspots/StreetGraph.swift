import Foundation
import Geo

/// The street network as the network kernel density needs it: nodes at BNG positions and undirected edges
/// with their shape and length in metres. It is a plain graph built from `streets.geojson` with Geo alone,
/// so Hotspots stays a sibling of Streets (which routes; this only measures distance along streets).
public struct StreetGraph: Sendable {
    public struct Edge: Hashable, Sendable {
        public var from: Int
        public var to: Int
        /// The street's course from `from` to `to`, endpoints included.
        public var shape: [GridPoint]
        public var lengthMetres: Double
    }

    public private(set) var nodes: [GridPoint]
    public private(set) var edges: [Edge]
    /// For each node, the edges that meet there.
    public private(set) var incident: [[Int]]
    private var segmentIndex: SegmentIndex

    /// Lines whose ends lie within 0.1 m of each other share a node; a line's inner vertices are shape only.
    public init(lines: [[GridPoint]]) {
        var nodes: [GridPoint] = []
        var nodeByKey: [NodeKey: Int] = [:]
        func node(_ point: GridPoint) -> Int {
            let key = NodeKey(point)
            if let known = nodeByKey[key] { return known }
            nodes.append(point)
            nodeByKey[key] = nodes.count - 1
            return nodes.count - 1
        }
        var edges: [Edge] = []
        for line in lines where line.count >= 2 {
            let length = zip(line, line.dropFirst()).reduce(0) { $0 + $1.0.distanceMetres(to: $1.1) }
            guard length > 0 else { continue }
            edges.append(Edge(from: node(line[0]), to: node(line[line.count - 1]), shape: line, lengthMetres: length))
        }
        var incident = [[Int]](repeating: [], count: nodes.count)
        for (index, edge) in edges.enumerated() {
            incident[edge.from].append(index)
            if edge.to != edge.from { incident[edge.to].append(index) }
        }
        self.nodes = nodes
        self.edges = edges
        self.incident = incident
        segmentIndex = SegmentIndex(edges: edges)
    }

    /// The LineString and MultiLineString features of a GeoJSON file (e.g. an area's `streets.geojson`).
    public static func load(streetsAt url: URL, projection: Projection) throws -> StreetGraph {
        let object: GeoJSONObject
        do {
            object = try GeoJSONReader.read(contentsOf: url)
        } catch {
            throw HotspotsError.unreadableFile(path: url.path, message: "\(error)")
        }
        var lines: [[GridPoint]] = []
        for feature in object.features {
            switch feature.geometry {
            case let .lineString(line)?: lines.append(try projection.grid(line))
            case let .multiLineString(parts)?: lines += try parts.map { try projection.grid($0) }
            default: continue
            }
        }
        return StreetGraph(lines: lines)
    }

    /// Where a point meets the nearest street within `withinMetres`: the edge and the distance along it from `from`.
    public func snap(_ point: GridPoint, withinMetres radius: Double) -> (edge: Int, offsetMetres: Double)? {
        var best: (edge: Int, offset: Double, distance: Double)?
        for candidate in segmentIndex.segments(near: point, radius: radius) {
            let edge = edges[candidate.edge]
            let a = edge.shape[candidate.segment], b = edge.shape[candidate.segment + 1]
            let (t, distance) = Self.project(point, ontoSegmentFrom: a, to: b)
            guard distance <= radius, best == nil || distance < best!.distance else { continue }
            let before = (0..<candidate.segment).reduce(0) { $0 + edge.shape[$1].distanceMetres(to: edge.shape[$1 + 1]) }
            best = (candidate.edge, before + t * a.distanceMetres(to: b), distance)
        }
        return best.map { ($0.edge, $0.offset) }
    }

    /// The point `offsetMetres` along edge `index` from its `from` node.
    public func point(onEdge index: Int, atMetres offsetMetres: Double) -> GridPoint {
        let shape = edges[index].shape
        var remaining = offsetMetres
        for (a, b) in zip(shape, shape.dropFirst()) {
            let length = a.distanceMetres(to: b)
            if remaining <= length, length > 0 {
                let t = remaining / length
                return GridPoint(easting: a.easting + t * (b.easting - a.easting), northing: a.northing + t * (b.northing - a.northing))
            }
            remaining -= length
        }
        return shape[shape.count - 1]
    }

    static func project(_ p: GridPoint, ontoSegmentFrom a: GridPoint, to b: GridPoint) -> (t: Double, distanceMetres: Double) {
        let dx = b.easting - a.easting, dy = b.northing - a.northing
        let lengthSquared = dx * dx + dy * dy
        let t = lengthSquared > 0 ? min(1, max(0, ((p.easting - a.easting) * dx + (p.northing - a.northing) * dy) / lengthSquared)) : 0
        let foot = GridPoint(easting: a.easting + t * dx, northing: a.northing + t * dy)
        return (t, foot.distanceMetres(to: p))
    }
}

/// Street ends are joined where they meet to a tenth of a metre.
private struct NodeKey: Hashable {
    var x: Int64
    var y: Int64
    init(_ point: GridPoint) {
        x = Int64((point.easting * 10).rounded())
        y = Int64((point.northing * 10).rounded())
    }
}

/// Street segments in square buckets, so snapping looks only at segments near the point.
private struct SegmentIndex: Sendable {
    struct Entry: Hashable, Sendable { var edge: Int; var segment: Int }
    struct Bucket: Hashable, Sendable { var i: Int; var j: Int }
    static let bucketMetres = 100.0
    var buckets: [Bucket: [Entry]] = [:]

    init(edges: [StreetGraph.Edge]) {
        for (edgeIndex, edge) in edges.enumerated() {
            for segment in 0..<(edge.shape.count - 1) {
                let a = edge.shape[segment], b = edge.shape[segment + 1]
                for bucket in Self.buckets(from: min(a.easting, b.easting), to: max(a.easting, b.easting),
                                           from: min(a.northing, b.northing), to: max(a.northing, b.northing)) {
                    buckets[bucket, default: []].append(Entry(edge: edgeIndex, segment: segment))
                }
            }
        }
    }

    func segments(near point: GridPoint, radius: Double) -> [Entry] {
        var seen = Set<Entry>()
        var out: [Entry] = []
        for bucket in Self.buckets(from: point.easting - radius, to: point.easting + radius,
                                   from: point.northing - radius, to: point.northing + radius) {
            for entry in buckets[bucket] ?? [] where seen.insert(entry).inserted { out.append(entry) }
        }
        return out
    }

    static func buckets(from minX: Double, to maxX: Double, from minY: Double, to maxY: Double) -> [Bucket] {
        let i0 = Int((minX / bucketMetres).rounded(.down)), i1 = Int((maxX / bucketMetres).rounded(.down))
        let j0 = Int((minY / bucketMetres).rounded(.down)), j1 = Int((maxY / bucketMetres).rounded(.down))
        var out: [Bucket] = []
        for i in i0...i1 { for j in j0...j1 { out.append(Bucket(i: i, j: j)) } }
        return out
    }
}
