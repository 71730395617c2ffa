import Geo
import HeapModule

/// A heap entry: smaller key first, ties by index so results never depend on heap internals.
struct QueueEntry: Comparable {
    var key: Double
    var index: Int32

    static func < (a: QueueEntry, b: QueueEntry) -> Bool {
        a.key < b.key || (a.key == b.key && a.index < b.index)
    }
}

/// Node-based shortest paths (Dijkstra with a binary heap, and A*) on one network.
///
/// Keeps its scratch arrays between queries and resets only what the last query touched, so a
/// thousand queries on a city of a million edges do not each clear a million entries. Not Sendable:
/// make one per task.
public final class PathSearch {
    public let network: StreetNetwork
    public let metric: Metric
    let cost: [Double]
    let outStart: [Int32]
    let outArcs: [Int32]
    // Head and cost of each out-arc slot, laid out like `outArcs` so relaxing a node reads contiguous memory.
    let slotHead: [Int32]
    let slotCost: [Double]
    let arcHead: [Int32]
    let arcTail: [Int32]
    let nodePoints: [GridPoint]
    var scratch: SearchScratch
    /// Lower bound on cost per metre of straight-line distance: the minimum over arcs of
    /// cost / (straight distance tail→head). It makes A*'s heuristic admissible and consistent.
    public private(set) lazy var costPerStraightMetre: Double = {
        var ratio = Double.infinity
        for arc in 0..<arcHead.count {
            let straight = nodePoints[Int(arcTail[arc])].distanceMetres(to: nodePoints[Int(arcHead[arc])])
            if straight > 0 { ratio = min(ratio, cost[arc] / straight) }
        }
        // A hair below the true bound so rounding never makes the heuristic overestimate.
        return ratio.isFinite ? ratio * (1 - 1e-9) : 0
    }()

    public init(network: StreetNetwork, metric: Metric = .durationSeconds) {
        self.network = network
        self.metric = metric
        cost = metric == .durationSeconds ? network.arcTime : network.arcLength
        outStart = network.outStart
        outArcs = network.outArcs
        slotHead = network.outArcs.map { network.arcHead[Int($0)] }
        slotCost = network.outArcs.map { [cost] in cost[Int($0)] }
        arcHead = network.arcHead
        arcTail = network.arcTail
        nodePoints = network.nodePoints
        scratch = SearchScratch(stateCount: network.nodeCount)
    }

    /// The search itself. Scratch arrays are moved into locals for the loop, which spares Swift's
    /// run-time exclusivity checks on class properties in the hot path. `settle` is told of each
    /// settled node and returns true to stop. With `target`, the search is A* towards it.
    func run(from source: Int, towards target: Int?, settle: (Int) -> Bool) {
        var scratch = SearchScratch(stateCount: 0)
        swap(&scratch, &self.scratch)
        defer { swap(&scratch, &self.scratch) }
        scratch.reset()
        let ratio = target == nil ? 0 : costPerStraightMetre
        let goal = target.map { nodePoints[$0] } ?? GridPoint(easting: 0, northing: 0)
        var heap = Heap<QueueEntry>()
        scratch.distance[source] = 0
        scratch.touched.append(Int32(source))
        heap.insert(QueueEntry(key: ratio * nodePoints[source].distanceMetres(to: goal), index: Int32(source)))
        outStart.withUnsafeBufferPointer { outStart in
        outArcs.withUnsafeBufferPointer { outArcs in
        slotHead.withUnsafeBufferPointer { slotHead in
        slotCost.withUnsafeBufferPointer { slotCost in
        nodePoints.withUnsafeBufferPointer { points in
            while let entry = heap.popMin() {
                let node = Int(entry.index)
                if scratch.settled[node] { continue }
                scratch.settled[node] = true
                if settle(node) { return }
                let base = scratch.distance[node]
                for slot in Int(outStart[node])..<Int(outStart[node + 1]) {
                    let head = Int(slotHead[slot])
                    let candidate = base + slotCost[slot]
                    if candidate < scratch.distance[head] {
                        if scratch.distance[head] == .infinity { scratch.touched.append(Int32(head)) }
                        scratch.distance[head] = candidate
                        scratch.predecessor[head] = outArcs[slot]
                        let key = ratio == 0 ? candidate : candidate + ratio * points[head].distanceMetres(to: goal)
                        heap.insert(QueueEntry(key: key, index: Int32(head)))
                    }
                }
            }
        }}}}}
    }

    func arcs(to target: Int) -> [Int] {
        var arcs: [Int] = []
        var node = target
        while scratch.predecessor[node] >= 0 {
            let arc = Int(scratch.predecessor[node])
            arcs.append(arc)
            node = Int(arcTail[arc])
        }
        return arcs.reversed()
    }

    func routeTo(_ target: Int, from source: Int) -> Route? {
        guard scratch.distance[target].isFinite else { return nil }
        return network.route(arcs: arcs(to: target), source: source, target: target, cost: scratch.distance[target])
    }

    /// Cost from `source` to every node (`.infinity` where unreachable), by node index.
    public func distances(from source: Int) -> [Double] {
        run(from: source, towards: nil) { _ in false }
        return scratch.distance
    }

    /// The cheapest path by Dijkstra, stopping as soon as the target is settled.
    public func path(from source: Int, to target: Int) -> Route? {
        run(from: source, towards: nil) { $0 == target }
        return routeTo(target, from: source)
    }

    /// The cheapest path by A*, with straight-line distance times the network's least cost per metre.
    public func aStarPath(from source: Int, to target: Int) -> Route? {
        run(from: source, towards: target) { $0 == target }
        return routeTo(target, from: source)
    }

    /// Cost of the cheapest path by Dijkstra (`.infinity` when unreachable), without building the route.
    public func cost(from source: Int, to target: Int) -> Double {
        run(from: source, towards: nil) { $0 == target }
        return scratch.distance[target]
    }

    /// Costs from one source to many targets in one search (`.infinity` where unreachable).
    public func costs(from source: Int, to targets: [Int]) -> [Double] {
        search(from: source, until: targets)
        return targets.map { scratch.distance[$0] }
    }

    /// Paths from one source to many targets in one search (nil where unreachable).
    public func paths(from source: Int, to targets: [Int]) -> [Route?] {
        search(from: source, until: targets)
        return targets.map { routeTo($0, from: source) }
    }

    func search(from source: Int, until targets: [Int]) {
        var waiting = Set(targets)
        run(from: source, towards: nil) { node in
            waiting.remove(node)
            return waiting.isEmpty
        }
    }
}

extension StreetNetwork {
    /// One-to-one Dijkstra; nil when the target cannot be reached.
    public func shortestPath(from source: Int, to target: Int, metric: Metric = .durationSeconds) -> Route? {
        PathSearch(network: self, metric: metric).path(from: source, to: target)
    }

    /// One-to-all costs by node index.
    public func distances(from source: Int, metric: Metric = .durationSeconds) -> [Double] {
        PathSearch(network: self, metric: metric).distances(from: source)
    }

    /// `matrix[i][j]` = cost from `nodes[i]` to `nodes[j]` (`.infinity` if unreachable); one search per row.
    public func distanceMatrix(nodes: [Int], metric: Metric = .durationSeconds) -> [[Double]] {
        let search = PathSearch(network: self, metric: metric)
        return nodes.map { search.costs(from: $0, to: nodes) }
    }
}
