extension MixedRuralPostman {
    /// A lower bound on the cost of any closed walk from the depot that covers the required elements: their
    /// cost plus the larger of two bounds on the deadhead.
    /// - Balance: the cheapest deadhead that balances every vertex when each required two-way street may be
    ///   driven either way. Reversing a required edge u→v is worth two free units along v→u, so this is one
    ///   minimum-cost flow (with those units relaxed to any amount from 0 to 2). Exact for the directed
    ///   Chinese postman.
    /// - Parity: ignoring directions, every vertex with an odd number of required ends needs an odd number
    ///   of deadhead ends, so the deadhead is at least a minimum perfect matching of those vertices over
    ///   distances in the undirected graph (arcs driven either way, which can only make it shorter).
    /// - Connection: the walk visits every piece of the required streets (and the depot) and comes back, so
    ///   its deadhead is at least a minimum spanning tree over the pieces, each pair at the shorter of its
    ///   two directed distances.
    /// Nil when no deadhead can balance the vertices.
    public static func balanceLowerBound(_ instance: PostmanInstance) throws -> Double? {
        try instance.validate()
        let n = instance.nodeCount
        // Arrivals minus departures, as in MixedSearch.evaluate.
        var balance = [Int](repeating: 0, count: n)
        var requiredCost = 0.0
        for a in instance.arcs where a.required {
            balance[a.from] -= 1
            balance[a.to] += 1
            requiredCost += a.cost
        }
        for e in instance.edges where e.required {
            balance[e.u] -= 1
            balance[e.v] += 1
            requiredCost += e.cost
        }
        let others = max(connectionLowerBound(instance), try parityLowerBound(instance))
        let need = balance.filter { $0 > 0 }.reduce(0, +)
        if need == 0 { return requiredCost + others }
        var flow = MinCostFlow(nodeCount: n + 2)
        for a in instance.arcs { flow.addArc(a.from, a.to, capacity: need, cost: a.cost) }
        for e in instance.edges {
            flow.addArc(e.u, e.v, capacity: need, cost: e.cost)
            flow.addArc(e.v, e.u, capacity: need, cost: e.cost)
            if e.required { flow.addArc(e.v, e.u, capacity: 2, cost: 0) }
        }
        for v in 0..<n where balance[v] > 0 { flow.addArc(n, v, capacity: balance[v], cost: 0) }
        for v in 0..<n where balance[v] < 0 { flow.addArc(v, n + 1, capacity: -balance[v], cost: 0) }
        let (sent, deadheadCost) = flow.solve(from: n, to: n + 1, amount: need)
        return sent == need ? requiredCost + max(deadheadCost, others) : nil
    }

    static func parityLowerBound(_ instance: PostmanInstance) throws -> Double {
        let n = instance.nodeCount
        var degree = [Int](repeating: 0, count: n)
        var adjacency = [[(to: Int, cost: Double, element: Int)]](repeating: [], count: n)
        for a in instance.arcs {
            if a.required {
                degree[a.from] += 1
                degree[a.to] += 1
            }
            adjacency[a.from].append((a.to, a.cost, 0))
            adjacency[a.to].append((a.from, a.cost, 0))
        }
        for e in instance.edges {
            if e.required {
                degree[e.u] += 1
                degree[e.v] += 1
            }
            adjacency[e.u].append((e.v, e.cost, 0))
            adjacency[e.v].append((e.u, e.cost, 0))
        }
        let odd = (0..<n).filter { degree[$0] % 2 == 1 }
        if odd.isEmpty { return 0 }
        let rows = odd.map { ShortestPathTree(source: $0, adjacency: adjacency).distance }
        let costs = odd.indices.map { i in odd.map { rows[i][$0] } }
        // Odd vertices come in pairs within each connected piece; a pair across pieces cannot be matched.
        guard costs.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { return 0 }
        let resolution = 1e-6
        let matching = try MinimumCostPerfectMatching.solve(costs: costs, resolution: resolution)
        // Quantising the costs can cost the optimum at most half a step per vertex.
        return max(0, matching.cost - Double(odd.count) * resolution)
    }

    /// Minimum spanning tree over the weakly connected pieces of the required elements and the depot, with
    /// distances through the whole graph (one multi-source Dijkstra per piece).
    static func connectionLowerBound(_ instance: PostmanInstance) -> Double {
        let n = instance.nodeCount
        var pieces = UnionFind(count: n)
        var isTerminal = [Bool](repeating: false, count: n)
        for a in instance.arcs where a.required {
            pieces.union(a.from, a.to)
            isTerminal[a.from] = true
            isTerminal[a.to] = true
        }
        for e in instance.edges where e.required {
            pieces.union(e.u, e.v)
            isTerminal[e.u] = true
            isTerminal[e.v] = true
        }
        if let depot = instance.depot { isTerminal[depot] = true }
        var pieceIndex: [Int: Int] = [:]
        var pieceOf = [Int](repeating: -1, count: n)
        for v in 0..<n where isTerminal[v] {
            let root = pieces.find(v)
            if pieceIndex[root] == nil { pieceIndex[root] = pieceIndex.count }
            pieceOf[v] = pieceIndex[root]!
        }
        let k = pieceIndex.count
        if k <= 1 { return 0 }
        var adjacency = [[(to: Int, cost: Double, element: Int)]](repeating: [], count: n + 1)
        for a in instance.arcs { adjacency[a.from].append((a.to, a.cost, 0)) }
        for e in instance.edges {
            adjacency[e.u].append((e.v, e.cost, 0))
            adjacency[e.v].append((e.u, e.cost, 0))
        }
        // Node n is a super source joined to every vertex of one piece at a time.
        var distance = [Double](repeating: .infinity, count: k * k)
        for p in 0..<k {
            adjacency[n] = (0..<n).filter { pieceOf[$0] == p }.map { ($0, 0, 0) }
            let tree = ShortestPathTree(source: n, adjacency: adjacency)
            for v in 0..<n where pieceOf[v] >= 0 && pieceOf[v] != p {
                distance[p * k + pieceOf[v]] = min(distance[p * k + pieceOf[v]], tree.distance[v])
            }
        }
        // Prim over the symmetric minimum of the two directions.
        var inTree = [Bool](repeating: false, count: k)
        var key = [Double](repeating: .infinity, count: k)
        key[0] = 0
        var total = 0.0
        for _ in 0..<k {
            var u = -1
            for v in 0..<k where !inTree[v] && (u < 0 || key[v] < key[u]) { u = v }
            inTree[u] = true
            total += key[u]
            for v in 0..<k where !inTree[v] {
                key[v] = min(key[v], min(distance[u * k + v], distance[v * k + u]))
            }
        }
        return total.isFinite ? total : 0
    }
}
