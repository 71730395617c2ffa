/// Dinic's maximum flow on integer capacities.
struct MaxFlow {
    private var head: [[Int]]
    private var to: [Int] = []
    private var capacity: [Int] = []
    private var original: [Int] = []

    init(nodeCount: Int) {
        head = [[Int]](repeating: [], count: nodeCount)
    }

    /// Adds an arc and returns its handle for `flow(on:)`.
    @discardableResult
    mutating func addArc(_ u: Int, _ v: Int, capacity c: Int) -> Int {
        let id = to.count
        head[u].append(id); to.append(v); capacity.append(c); original.append(c)
        head[v].append(id + 1); to.append(u); capacity.append(0); original.append(0)
        return id
    }

    func flow(on arc: Int) -> Int { original[arc] - capacity[arc] }

    mutating func maximumFlow(from s: Int, to t: Int) -> Int {
        var total = 0
        let n = head.count
        while true {
            var level = [Int](repeating: -1, count: n)
            level[s] = 0
            var queue = [s]
            var qi = 0
            while qi < queue.count {
                let u = queue[qi]; qi += 1
                for id in head[u] where capacity[id] > 0 && level[to[id]] < 0 {
                    level[to[id]] = level[u] + 1
                    queue.append(to[id])
                }
            }
            if level[t] < 0 { return total }
            var cursor = [Int](repeating: 0, count: n)
            while true {
                let pushed = augment(s, t, Int.max, &level, &cursor)
                if pushed == 0 { break }
                total += pushed
            }
        }
    }

    private mutating func augment(_ u: Int, _ t: Int, _ limit: Int, _ level: inout [Int], _ cursor: inout [Int]) -> Int {
        if u == t { return limit }
        while cursor[u] < head[u].count {
            let id = head[u][cursor[u]]
            let v = to[id]
            if capacity[id] > 0 && level[v] == level[u] + 1 {
                let pushed = augment(v, t, min(limit, capacity[id]), &level, &cursor)
                if pushed > 0 {
                    capacity[id] -= pushed
                    capacity[id ^ 1] += pushed
                    return pushed
                }
            }
            cursor[u] += 1
        }
        return 0
    }
}
