import Geo

/// Kernel density along streets (Okabe, Satoh and Sugihara 2009; Xie and Yan 2008): a stop's mass spreads
/// along the street network by network distance, so it stays on the streets where children walk and never
/// crosses a river, a railway or a park with no street through it.
///
/// Each stop snaps to its nearest street (within `snapMetres`); Dijkstra from that point gives the network
/// distance d to every street within the bandwidth h; the one-dimensional quartic kernel
/// 15/(16h)·(1 − d²/h²)² is integrated along every street piece it reaches. Where streets branch or end, the
/// kernel's integral over the reached network differs from 1, so each stop's mass is rescaled to exactly its
/// weight: the surface integrates to the total weight of the stops that snapped, and a cell's value is the
/// weighted stops its street pieces hold.
public enum NetworkKernelDensity {
    public struct Result: Sendable {
        /// Weighted stops per cell of the grid.
        public var massPerCell: [Double]
        public var snappedPoints: Int
        /// Indices of the points with no street within the snap distance; they add no mass here.
        public var unsnapped: [Int]
    }

    public static func quartic1D(distanceMetres d: Double, bandwidthMetres h: Double) -> Double {
        guard d < h else { return 0 }
        let u = 1 - (d * d) / (h * h)
        return 15 / (16 * h) * u * u
    }

    /// Street pieces are at most `stepMetres` long (default a tenth of the cell size, at most 10 m).
    public static func massPerCell(grid: HexGrid, network: StreetGraph, points: [GridPoint], weights: [Double],
                                   bandwidthMetres h: Double, snapMetres: Double = 100,
                                   stepMetres: Double? = nil) -> Result {
        let step = stepMetres ?? min(10, grid.cellSizeMetres / 10)
        var mass = [Double](repeating: 0, count: grid.count)
        var snapped = 0
        var unsnapped: [Int] = []
        for (index, (point, weight)) in zip(points, weights).enumerated() where weight > 0 {
            guard let origin = network.snap(point, withinMetres: snapMetres) else {
                unsnapped.append(index)
                continue
            }
            snapped += 1
            let pieces = kernelPieces(network: network, origin: origin, bandwidthMetres: h, stepMetres: step)
            let total = pieces.reduce(0) { $0 + $1.mass }
            guard total > 0 else { continue }
            for piece in pieces {
                if let cell = grid.cell(containing: piece.midpoint) { mass[cell] += weight * piece.mass / total }
            }
        }
        return Result(massPerCell: mass, snappedPoints: snapped, unsnapped: unsnapped)
    }

    /// The share of points within `snapMetres` of a street.
    public static func coverage(network: StreetGraph, points: [GridPoint], snapMetres: Double = 100) -> Double {
        guard !points.isEmpty else { return 0 }
        return Double(points.filter { network.snap($0, withinMetres: snapMetres) != nil }.count) / Double(points.count)
    }

    struct Piece { var midpoint: GridPoint; var mass: Double }

    /// Kernel mass of street pieces within h of the origin, by network distance.
    static func kernelPieces(network: StreetGraph, origin: (edge: Int, offsetMetres: Double),
                             bandwidthMetres h: Double, stepMetres: Double) -> [Piece] {
        let start = network.edges[origin.edge]
        let distance = nodeDistances(network: network, sources: [(start.from, origin.offsetMetres),
                                                                  (start.to, start.lengthMetres - origin.offsetMetres)],
                                     limitMetres: h)
        var edgesReached = Set([origin.edge])
        for node in distance.keys { edgesReached.formUnion(network.incident[node]) }
        var pieces: [Piece] = []
        for index in edgesReached.sorted() {
            let edge = network.edges[index]
            let fromDistance = distance[edge.from] ?? .infinity, toDistance = distance[edge.to] ?? .infinity
            let count = max(1, Int((edge.lengthMetres / stepMetres).rounded(.up)))
            let length = edge.lengthMetres / Double(count)
            for k in 0..<count {
                let s = (Double(k) + 0.5) * length
                var d = min(fromDistance + s, toDistance + edge.lengthMetres - s)
                if index == origin.edge { d = min(d, abs(s - origin.offsetMetres)) }
                let kernel = quartic1D(distanceMetres: d, bandwidthMetres: h)
                if kernel > 0 { pieces.append(Piece(midpoint: network.point(onEdge: index, atMetres: s), mass: kernel * length)) }
            }
        }
        return pieces
    }

    /// Dijkstra from the sources, keeping nodes within the limit. The reached set is small (a bandwidth of
    /// streets), so the next node is found by a scan rather than a heap.
    static func nodeDistances(network: StreetGraph, sources: [(node: Int, metres: Double)],
                              limitMetres: Double) -> [Int: Double] {
        var tentative: [Int: Double] = [:]
        for source in sources where source.metres < limitMetres {
            tentative[source.node] = min(tentative[source.node] ?? .infinity, source.metres)
        }
        var settled: [Int: Double] = [:]
        while let (node, metres) = tentative.min(by: { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }) {
            tentative[node] = nil
            settled[node] = metres
            for index in network.incident[node] {
                let edge = network.edges[index]
                let other = edge.from == node ? edge.to : edge.from
                let next = metres + edge.lengthMetres
                guard settled[other] == nil, next < limitMetres, next < tentative[other] ?? .infinity else { continue }
                tentative[other] = next
            }
        }
        return settled
    }
}
