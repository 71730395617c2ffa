extension MixedRuralPostman {
    /// A lower bound on the cost of any closed walk that covers the required elements: their cost plus the
    /// cheapest deadhead that balances every vertex when each required two-way street may be driven either
    /// way. Reversing a required edge u→v is worth two free units along v→u, so the bound is one minimum-cost
    /// flow (with those units relaxed to any amount from 0 to 2). It ignores connectivity, so it is exact
    /// for the directed Chinese postman and weaker when the required streets lie in several pieces.
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
        let need = balance.filter { $0 > 0 }.reduce(0, +)
        if need == 0 { return requiredCost }
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
        return sent == need ? requiredCost + deadheadCost : nil
    }
}
