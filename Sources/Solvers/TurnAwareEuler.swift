import HeapModule

/// Euler circuits on a directed multigraph that keep turn penalties low.
///
/// At each vertex the arrivals are paired with the departures by a minimum-cost assignment on the
/// turn penalties; that gives a set of cycles at least as cheap as any circuit. The cycles are then
/// joined by exchanging the departures of two arrivals at a shared vertex, cheapest exchange first
/// (Kruskal-like, with lazily re-priced candidates). The result is compared with a plain Hierholzer
/// circuit and the cheaper one is returned, so it is never worse than an arbitrary circuit.
/// Penalties are summed cyclically (the last arc turns into the first).
public enum TurnAwareEuler {
    /// Returns the arcs' indices in circuit order, starting with an arc that leaves `start`.
    /// `turnPenalty(a, b)` is the penalty for arriving by arc a and leaving by arc b.
    public static func circuit(nodeCount n: Int, arcs: [(Int, Int)], start: Int,
                               turnPenalty: ((Int, Int) -> Double)?) throws -> [Int] {
        let plain = try EulerCircuit.directed(nodeCount: n, arcs: arcs, start: start)
        guard let turnPenalty, arcs.count > 1 else { return plain }
        let m = arcs.count
        var incoming = [[Int]](repeating: [], count: n)
        var outgoing = [[Int]](repeating: [], count: n)
        for (i, a) in arcs.enumerated() {
            outgoing[a.0].append(i)
            incoming[a.1].append(i)
        }
        var next = [Int](repeating: -1, count: m)
        for v in 0..<n where !incoming[v].isEmpty {
            let ins = incoming[v], outs = outgoing[v]
            if ins.count == 1 {
                next[ins[0]] = outs[0]
                continue
            }
            let costs = ins.map { a in outs.map { b in turnPenalty(a, b) } }
            let chosen = Assignment.solve(costs)
            for (r, c) in chosen.enumerated() { next[ins[r]] = outs[c] }
        }
        // Label the cycles of the successor permutation.
        var cycleOf = [Int](repeating: -1, count: m)
        var cycles = 0
        for a in 0..<m where cycleOf[a] < 0 {
            var x = a
            while cycleOf[x] < 0 {
                cycleOf[x] = cycles
                x = next[x]
            }
            cycles += 1
        }
        var joined = UnionFind(count: cycles)
        var candidates = Heap<Exchange>()
        func price(_ a: Int, _ b: Int) -> Double {
            turnPenalty(a, next[b]) + turnPenalty(b, next[a]) - turnPenalty(a, next[a]) - turnPenalty(b, next[b])
        }
        for v in 0..<n where incoming[v].count > 1 {
            let ins = incoming[v]
            for i in 0..<ins.count {
                for j in (i + 1)..<ins.count where cycleOf[ins[i]] != cycleOf[ins[j]] {
                    candidates.insert(Exchange(delta: price(ins[i], ins[j]), a: ins[i], b: ins[j]))
                }
            }
        }
        while joined.setCount > 1, let candidate = candidates.popMin() {
            let (a, b) = (candidate.a, candidate.b)
            if joined.find(cycleOf[a]) == joined.find(cycleOf[b]) { continue }
            let current = price(a, b)
            if current > candidate.delta + 1e-9 {
                candidates.insert(Exchange(delta: current, a: a, b: b))
                continue
            }
            let t = next[a]
            next[a] = next[b]
            next[b] = t
            joined.union(cycleOf[a], cycleOf[b])
        }
        guard joined.setCount == 1 else {
            throw SolverError.notEulerian(vertex: start, reason: "the arcs do not form one connected piece")
        }
        var order: [Int] = []
        order.reserveCapacity(m)
        var x = outgoing[start].first ?? 0
        for _ in 0..<m {
            order.append(x)
            x = next[x]
        }
        return cyclicPenalty(order, turnPenalty) <= cyclicPenalty(plain, turnPenalty) ? order : plain
    }

    /// Sum of penalties over consecutive arcs, including the last into the first.
    public static func cyclicPenalty(_ order: [Int], _ turnPenalty: (Int, Int) -> Double) -> Double {
        guard order.count > 1 else { return 0 }
        var total = 0.0
        for i in order.indices { total += turnPenalty(order[i], order[(i + 1) % order.count]) }
        return total
    }
}

struct Exchange: Comparable {
    var delta: Double
    var a: Int
    var b: Int
    static func < (x: Exchange, y: Exchange) -> Bool {
        (x.delta, x.a, x.b) < (y.delta, y.a, y.b)
    }
}
