import HeapModule

/// Minimum-cost flow by successive shortest paths with Johnson potentials (costs ≥ 0 on input arcs).
struct MinCostFlow {
    private var head: [[Int]]
    private var to: [Int] = []
    private var capacity: [Int] = []
    private var original: [Int] = []
    private var cost: [Double] = []

    init(nodeCount: Int) {
        head = [[Int]](repeating: [], count: nodeCount)
    }

    @discardableResult
    mutating func addArc(_ u: Int, _ v: Int, capacity c: Int, cost w: Double) -> Int {
        let id = to.count
        head[u].append(id); to.append(v); capacity.append(c); original.append(c); cost.append(w)
        head[v].append(id + 1); to.append(u); capacity.append(0); original.append(0); cost.append(-w)
        return id
    }

    func flow(on arc: Int) -> Int { original[arc] - capacity[arc] }

    /// Sends up to `amount` units from s to t at least cost; returns (sent, cost).
    mutating func solve(from s: Int, to t: Int, amount: Int) -> (sent: Int, cost: Double) {
        let n = head.count
        var potential = [Double](repeating: 0, count: n)
        var sent = 0
        var total = 0.0
        while sent < amount {
            var dist = [Double](repeating: .infinity, count: n)
            var via = [Int](repeating: -1, count: n)
            dist[s] = 0
            var heap = Heap<QueueEntry>()
            heap.insert(QueueEntry(distance: 0, node: s))
            while let top = heap.popMin() {
                let u = top.node
                if top.distance > dist[u] { continue }
                for id in head[u] where capacity[id] > 0 {
                    let v = to[id]
                    // Reduced costs are ≥ 0 up to rounding; clamp so Dijkstra stays valid.
                    let reduced = max(0, cost[id] + potential[u] - potential[v])
                    let d = dist[u] + reduced
                    if d < dist[v] {
                        dist[v] = d
                        via[v] = id
                        heap.insert(QueueEntry(distance: d, node: v))
                    }
                }
            }
            if dist[t] == .infinity { break }
            for v in 0..<n where dist[v] < .infinity { potential[v] += dist[v] }
            var push = amount - sent
            var v = t
            while v != s {
                let id = via[v]
                push = min(push, capacity[id])
                v = to[id ^ 1]
            }
            v = t
            while v != s {
                let id = via[v]
                capacity[id] -= push
                capacity[id ^ 1] += push
                total += Double(push) * cost[id]
                v = to[id ^ 1]
            }
            sent += push
        }
        return (sent, total)
    }
}
