/// Minimum-cost flow by successive shortest paths with Johnson potentials (costs ≥ 0 on input arcs).
///
/// The callers build small, dense networks (a transportation problem: every supply vertex joined to
/// every demand vertex), so each shortest-path search is an array-scan Dijkstra, O(V² + E), with no
/// heap: a heap would take an insert per relaxation, and nearly every arc relaxes. Vertices are
/// settled in (distance, index) order, so ties break deterministically, and each search stops as
/// soon as t is settled.
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
        // Arcs by tail in one flat array, in insertion order (the order `head` keeps).
        var first = [Int](repeating: 0, count: n + 1)
        for u in 0..<n { first[u + 1] = first[u] + head[u].count }
        let arcsByTail = head.flatMap { $0 }
        var potential = [Double](repeating: 0, count: n)
        var dist = [Double](repeating: .infinity, count: n)
        var via = [Int](repeating: -1, count: n)
        var key = [Double](repeating: .infinity, count: n)
        var sent = 0
        var total = 0.0
        while sent < amount {
            let reached = capacity.withUnsafeBufferPointer { capacity in
                cost.withUnsafeBufferPointer { cost in
                    to.withUnsafeBufferPointer { to in
                        arcsByTail.withUnsafeBufferPointer { arcsByTail in
                            first.withUnsafeBufferPointer { first in
                                potential.withUnsafeMutableBufferPointer { potential in
                                    dist.withUnsafeMutableBufferPointer { dist in
                                        via.withUnsafeMutableBufferPointer { via in
                                            key.withUnsafeMutableBufferPointer { key in
                                                Self.shortestPaths(from: s, to: t, capacity: capacity,
                                                                   cost: cost, head: to, arcsByTail: arcsByTail, first: first,
                                                                   potential: potential, dist: dist, via: via, key: key)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if !reached { break }
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

    /// One Dijkstra on reduced costs, then the potential update; false when t cannot be reached.
    private static func shortestPaths(from s: Int, to t: Int,
                                      capacity: UnsafeBufferPointer<Int>, cost: UnsafeBufferPointer<Double>,
                                      head: UnsafeBufferPointer<Int>, arcsByTail: UnsafeBufferPointer<Int>,
                                      first: UnsafeBufferPointer<Int>, potential: UnsafeMutableBufferPointer<Double>,
                                      dist: UnsafeMutableBufferPointer<Double>, via: UnsafeMutableBufferPointer<Int>,
                                      key: UnsafeMutableBufferPointer<Double>) -> Bool {
        let n = dist.count
        for v in 0..<n {
            dist[v] = .infinity
            via[v] = -1
        }
        dist[s] = 0
        // `key` is the distance of unsettled vertices and infinity for settled ones, so picking the
        // next vertex is a plain first-minimum scan.
        for v in 0..<n { key[v] = dist[v] }
        while true {
            var u = -1
            var best = Double.infinity
            for v in 0..<n where key[v] < best {
                u = v
                best = key[v]
            }
            if u < 0 { break }
            key[u] = .infinity
            // Only the path to t is needed; the potential update below keeps reduced costs ≥ 0.
            if u == t { break }
            let du = dist[u], pu = potential[u]
            for k in first[u]..<first[u + 1] {
                let id = arcsByTail[k]
                if capacity[id] <= 0 { continue }
                let v = head[id]
                // Reduced costs are ≥ 0 up to rounding; clamp so Dijkstra stays valid. A settled v
                // is never improved, since du ≥ dist[v] for it.
                let d = du + max(0, cost[id] + pu - potential[v])
                if d < dist[v] {
                    dist[v] = d
                    key[v] = d
                    via[v] = id
                }
            }
        }
        let reach = dist[t]
        if reach == .infinity { return false }
        // Unsettled vertices are at least `reach` away, so raising them by `reach` keeps every
        // residual arc's reduced cost non-negative.
        for v in 0..<n { potential[v] += min(dist[v], reach) }
        return true
    }
}
