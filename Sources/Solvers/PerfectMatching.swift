/// A perfect matching: `mate[v]` is the partner of `v`; `cost` is the sum over matched pairs.
public struct PerfectMatching: Sendable, Equatable {
    public var mate: [Int]
    public var cost: Double

    public init(mate: [Int], cost: Double) {
        self.mate = mate
        self.cost = cost
    }

    /// The matched pairs, each once, smaller vertex first, in vertex order.
    public var pairs: [(Int, Int)] {
        mate.indices.compactMap { v in v < mate[v] ? (v, mate[v]) : nil }
    }
}

/// Exact minimum-cost perfect matching on a general graph (Edmonds' blossom algorithm with duals).
public enum MinimumCostPerfectMatching {
    /// Exact on integer costs over the given pairs (parallel pairs keep the cheapest).
    public static func solve(vertexCount n: Int, edges: [(u: Int, v: Int, cost: Int64)]) throws -> PerfectMatching {
        if n % 2 != 0 { throw SolverError.oddVertexCount(n) }
        var matrix = [Int64](repeating: -1, count: n * n)
        for (index, e) in edges.enumerated() {
            guard e.u >= 0, e.u < n else { throw SolverError.nodeOutOfRange(index: index, node: e.u, nodeCount: n) }
            guard e.v >= 0, e.v < n else { throw SolverError.nodeOutOfRange(index: index, node: e.v, nodeCount: n) }
            guard e.cost >= 0 else { throw SolverError.invalidCost(index: index, value: Double(e.cost)) }
            if e.u == e.v { continue }
            let old = matrix[e.u * n + e.v]
            if old < 0 || e.cost < old {
                matrix[e.u * n + e.v] = e.cost
                matrix[e.v * n + e.u] = e.cost
            }
        }
        return try solve(vertexCount: n, costMatrix: matrix)
    }

    /// Exact on a complete graph with integer costs given as a symmetric matrix.
    public static func solve(costs: [[Int64]]) throws -> PerfectMatching {
        let n = costs.count
        var matrix = [Int64](repeating: -1, count: n * n)
        for u in 0..<n {
            for v in 0..<n where u != v {
                guard costs[u][v] >= 0 else { throw SolverError.invalidCost(index: u * n + v, value: Double(costs[u][v])) }
                matrix[u * n + v] = costs[u][v]
            }
        }
        return try solve(vertexCount: n, costMatrix: matrix)
    }

    /// Maximises `big − cost`, where `big` exceeds any perfect matching's cost, so every
    /// maximum-weight matching is perfect and of minimum cost. `matrix` uses −1 for "no edge".
    static func solve(vertexCount n: Int, costMatrix matrix: [Int64]) throws -> PerfectMatching {
        if n % 2 != 0 { throw SolverError.oddVertexCount(n) }
        if n == 0 { return PerfectMatching(mate: [], cost: 0) }
        let maxCost = matrix.max() ?? 0
        let big = max(maxCost, 0) * Int64(n / 2 + 1) + 1
        let weights = matrix.map { $0 < 0 ? 0 : Int(big - $0) }
        var blossom = WeightedBlossom(vertexCount: n, weightMatrix: weights)
        let mate = blossom.solve()
        let matched = mate.filter { $0 >= 0 }.count
        if matched != n { throw SolverError.noPerfectMatching(vertexCount: n, matched: matched) }
        var total: Int64 = 0
        for v in 0..<n where v < mate[v] { total += matrix[v * n + mate[v]] }
        return PerfectMatching(mate: mate, cost: Double(total))
    }

    /// Real costs are quantised to `resolution` (default a millionth) and solved exactly in integers;
    /// the returned cost is the real sum over the chosen pairs.
    public static func solve(costs: [[Double]], resolution: Double = 1e-6) throws -> PerfectMatching {
        let n = costs.count
        var scaled = [[Int64]](repeating: [Int64](repeating: 0, count: n), count: n)
        for u in 0..<n {
            for v in 0..<n where u != v {
                let c = costs[u][v]
                guard c.isFinite, c >= 0 else { throw SolverError.invalidCost(index: u * n + v, value: c) }
                scaled[u][v] = Int64((c / resolution).rounded())
            }
        }
        var result = try solve(costs: scaled)
        result.cost = result.pairs.reduce(0) { $0 + costs[$1.0][$1.1] }
        return result
    }
}
