/// A fast perfect matching on a complete graph: pairs the cheapest remaining pair first, then
/// improves with pairwise exchanges (for pairs (a,b),(c,d) try (a,c),(b,d) and (a,d),(b,c)) until
/// no exchange helps. A starting point and a baseline for the exact matcher, not exact itself.
public enum GreedyMatching {
    public static func solve(costs: [[Double]]) throws -> PerfectMatching {
        let n = costs.count
        if n % 2 != 0 { throw SolverError.oddVertexCount(n) }
        var order: [(Double, Int, Int)] = []
        order.reserveCapacity(n * (n - 1) / 2)
        for u in 0..<n {
            for v in (u + 1)..<max(n, u + 1) { order.append((costs[u][v], u, v)) }
        }
        order.sort { $0.0 != $1.0 ? $0.0 < $1.0 : ($0.1 != $1.1 ? $0.1 < $1.1 : $0.2 < $1.2) }
        var mate = [Int](repeating: -1, count: n)
        for (_, u, v) in order where mate[u] < 0 && mate[v] < 0 {
            mate[u] = v
            mate[v] = u
        }
        var improved = true
        while improved {
            improved = false
            for a in 0..<n {
                let b = mate[a]
                guard a < b else { continue }
                for c in 0..<n {
                    let d = mate[c]
                    guard c < d, c != a, mate[a] == b else { continue }
                    let now = costs[a][b] + costs[c][d]
                    if costs[a][c] + costs[b][d] < now - 1e-12 {
                        mate[a] = c; mate[c] = a; mate[b] = d; mate[d] = b
                        improved = true
                        break
                    } else if costs[a][d] + costs[b][c] < now - 1e-12 {
                        mate[a] = d; mate[d] = a; mate[b] = c; mate[c] = b
                        improved = true
                        break
                    }
                }
            }
        }
        let cost = (0..<n).reduce(0.0) { $1 < mate[$1] ? $0 + costs[$1][mate[$1]] : $0 }
        return PerfectMatching(mate: mate, cost: cost)
    }
}
