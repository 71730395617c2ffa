import Base
import Foundation
import Testing
@testable import Solvers

/// Minimum perfect-matching cost by trying every pairing; nil when none exists.
private func bruteForceMatchingCost(_ n: Int, _ cost: [[Int64?]]) -> Int64? {
    var used = [Bool](repeating: false, count: n)
    func go() -> Int64? {
        guard let first = used.firstIndex(of: false) else { return 0 }
        used[first] = true
        var best: Int64?
        for v in (first + 1)..<n where !used[v] {
            guard let c = cost[first][v] else { continue }
            used[v] = true
            if let rest = go(), best == nil || c + rest < best! { best = c + rest }
            used[v] = false
        }
        used[first] = false
        return best
    }
    return go()
}

@Test func exactMatchingEqualsBruteForceOnRandomGraphsUpToTwelveVertices() throws {
    var rng = SplitMix64(seed: 20261124)
    var checked = 0
    for trial in 0..<600 {
        let n = 2 * rng.int(1...6)
        // Small cost ranges force ties; low densities give sparse, odd structures.
        let maxCost = [3, 10, 1000][trial % 3]
        let density = [1.0, 0.6, 0.35][(trial / 3) % 3]
        var cost = [[Int64?]](repeating: [Int64?](repeating: nil, count: n), count: n)
        var edges: [(u: Int, v: Int, cost: Int64)] = []
        for u in 0..<n {
            for v in (u + 1)..<n where Double(rng.next() % 1000) / 1000 < density {
                let c = Int64(rng.int(0...maxCost))
                cost[u][v] = c
                cost[v][u] = c
                edges.append((u, v, c))
            }
        }
        let expected = bruteForceMatchingCost(n, cost)
        if let expected {
            let m = try MinimumCostPerfectMatching.solve(vertexCount: n, edges: edges)
            #expect(Int64(m.cost) == expected, "trial \(trial), n \(n)")
            for v in 0..<n {
                #expect(m.mate[m.mate[v]] == v)
                #expect(cost[v][m.mate[v]] != nil)
            }
            checked += 1
        } else {
            #expect(throws: SolverError.self) {
                try MinimumCostPerfectMatching.solve(vertexCount: n, edges: edges)
            }
        }
    }
    #expect(checked > 300)
}

@Test func greedyMatchingIsPerfectAndNeverBelowTheExactCost() throws {
    var rng = SplitMix64(seed: 7)
    for _ in 0..<100 {
        let n = 2 * rng.int(1...6)
        var costs = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for u in 0..<n {
            for v in (u + 1)..<n {
                costs[u][v] = Double(rng.int(0...50))
                costs[v][u] = costs[u][v]
            }
        }
        let greedy = try GreedyMatching.solve(costs: costs)
        let exact = try MinimumCostPerfectMatching.solve(costs: costs)
        #expect(Set(greedy.mate).count == n)
        #expect(greedy.cost >= exact.cost - 1e-9)
        let brute = bruteForceMatchingCost(n, costs.map { $0.map { Int64($0) } })
        #expect(exact.cost == Double(brute!))
    }
}

@Test func oddVertexCountIsRejected() {
    #expect(throws: SolverError.oddVertexCount(3)) {
        try MinimumCostPerfectMatching.solve(costs: [[0, 1, 1], [1, 0, 1], [1, 1, 0]] as [[Int64]])
    }
}

private struct MatchingFixture: Decodable {
    let name: String
    let n: Int
    /// Flattened triples u, v, cost.
    let edges: [Int64]
    let networkxCost: Int64
}

@Test func exactMatchingEqualsNetworkxOnLargeRandomInstances() throws {
    let url = try #require(Bundle.module.url(forResource: "matching_networkx", withExtension: "json", subdirectory: "Fixtures"))
    let fixtures = try JSONDecoder().decode([MatchingFixture].self, from: Data(contentsOf: url))
    #expect(fixtures.count >= 3)
    for f in fixtures {
        var edges: [(u: Int, v: Int, cost: Int64)] = []
        for i in stride(from: 0, to: f.edges.count, by: 3) {
            edges.append((Int(f.edges[i]), Int(f.edges[i + 1]), f.edges[i + 2]))
        }
        let m = try MinimumCostPerfectMatching.solve(vertexCount: f.n, edges: edges)
        #expect(Int64(m.cost) == f.networkxCost, "\(f.name)")
    }
}
