import Geo

/// Where a point meets the drivable network.
public struct Snap: Sendable, Hashable {
    public let edge: Int
    /// An arc of the edge: the forward one when the edge may be driven forward, else the backward one.
    public let arc: Int
    /// Metres along the edge's drawing direction (planar BNG geometry) from its start to `point`.
    public let offsetMetres: Double
    /// `offsetMetres` over the edge's geometry length, 0...1; scale `lengthMetres` of the edge by it.
    public let fraction: Double
    /// The nearest point on the edge.
    public let point: GridPoint
    public let distanceMetres: Double
}

/// Snaps points to the nearest drivable segment. Build once per network; immutable and Sendable.
public struct StreetSnapper: Sendable {
    public let network: StreetNetwork
    let index: any NearestSegmentIndex
    /// For each indexed segment, the index of its first point in the network's geometry.
    let segmentFirstPoint: [Int32]
    let segmentEdge: [Int32]

    public init(network: StreetNetwork) {
        self.network = network
        var starts: [GridPoint] = [], ends: [GridPoint] = [], first: [Int32] = [], owner: [Int32] = []
        for edge in 0..<network.edgeCount {
            let lower = Int(network.geometryStart[edge]), upper = Int(network.geometryStart[edge + 1])
            for k in lower..<(upper - 1) {
                starts.append(network.geometryPoints[k])
                ends.append(network.geometryPoints[k + 1])
                first.append(Int32(k))
                owner.append(Int32(edge))
            }
        }
        segmentFirstPoint = first
        segmentEdge = owner
        index = GridSegmentIndex(starts: starts, ends: ends)
    }

    /// The nearest point on any drivable edge, or nil for an empty network.
    public func snap(_ point: GridPoint) -> Snap? {
        guard let found = index.nearest(to: point) else { return nil }
        return snap(point, segment: found.segment)
    }

    func snap(_ point: GridPoint, segment: Int) -> Snap {
        let edge = Int(segmentEdge[segment])
        let k = Int(segmentFirstPoint[segment])
        let points = network.geometryPoints
        let closest = SegmentGeometry.closest(point, points[k], points[k + 1])
        let lower = Int(network.geometryStart[edge]), upper = Int(network.geometryStart[edge + 1])
        var before = 0.0
        for i in lower..<k { before += points[i].distanceMetres(to: points[i + 1]) }
        let offset = before + closest.t * points[k].distanceMetres(to: points[k + 1])
        let total = Polyline.lengthMetres(points[lower..<upper])
        let record = network.edges[edge]
        return Snap(edge: edge, arc: record.forwardArc ?? record.backwardArc!, offsetMetres: offset,
                    fraction: total > 0 ? min(1, offset / total) : 0, point: closest.point,
                    distanceMetres: closest.distanceSquared.squareRoot())
    }

    /// Brute force over every segment: the reference the index is tested against.
    func snapByScanningEverySegment(_ point: GridPoint) -> Snap? {
        var best = -1
        var bestDistance = Double.infinity
        let points = network.geometryPoints
        for segment in 0..<segmentEdge.count {
            let k = Int(segmentFirstPoint[segment])
            let d = SegmentGeometry.closest(point, points[k], points[k + 1]).distanceSquared
            if d < bestDistance { bestDistance = d; best = segment }
        }
        return best >= 0 ? snap(point, segment: best) : nil
    }
}
