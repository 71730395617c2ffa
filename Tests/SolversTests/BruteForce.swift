@testable import Solvers

/// Exhaustive optima for tiny instances, written independently of the solvers: enumerate how many
/// extra times each element is traversed and keep the cheapest even (balanced) connected choice.
enum BruteForce {
    /// Undirected rural postman: each edge gets 0, 1 or 2 extra copies (an optimal walk never needs
    /// more). The required edges plus copies must have even degrees and join all required vertices
    /// (and the depot).
    static func undirectedRuralPostman(nodeCount n: Int, edges: [WeightedEdge], depot: Int? = nil, maxCopies: Int = 2) -> Double? {
        var copies = [Int](repeating: 0, count: edges.count)
        var best: Double?
        let requiredCost = edges.filter(\.required).reduce(0) { $0 + $1.cost }
        func feasible() -> Bool {
            var degree = [Int](repeating: 0, count: n)
            var parent = Array(0..<n)
            func find(_ x: Int) -> Int { var x = x; while parent[x] != x { x = parent[x] }; return x }
            var touched = [Bool](repeating: false, count: n)
            if let depot { touched[depot] = true }
            for (i, e) in edges.enumerated() {
                let count = (e.required ? 1 : 0) + copies[i]
                if count == 0 { continue }
                degree[e.u] += count
                degree[e.v] += count
                parent[find(e.u)] = find(e.v)
                if e.required { touched[e.u] = true; touched[e.v] = true }
            }
            if degree.contains(where: { $0 % 2 != 0 }) { return false }
            let roots = Set((0..<n).filter { touched[$0] }.map(find))
            return roots.count <= 1
        }
        func go(_ i: Int, _ cost: Double) {
            if let b = best, cost >= b { return }
            if i == edges.count {
                if feasible() { best = cost }
                return
            }
            for c in 0...maxCopies {
                copies[i] = c
                go(i + 1, cost + Double(c) * edges[i].cost)
            }
            copies[i] = 0
        }
        go(0, requiredCost)
        return best
    }

    /// Directed rural postman: each arc gets 0...maxCopies extra copies; in = out everywhere and the
    /// used arcs join all required arcs' endpoints (and the depot) weakly.
    static func directedRuralPostman(nodeCount n: Int, arcs: [PostmanInstance.Arc], depot: Int?, maxCopies: Int = 2) -> Double? {
        var copies = [Int](repeating: 0, count: arcs.count)
        var best: Double?
        let requiredCost = arcs.filter(\.required).reduce(0) { $0 + $1.cost }
        func feasible() -> Bool {
            var balance = [Int](repeating: 0, count: n)
            var parent = Array(0..<n)
            func find(_ x: Int) -> Int { var x = x; while parent[x] != x { x = parent[x] }; return x }
            var touched = [Bool](repeating: false, count: n)
            if let depot { touched[depot] = true }
            for (i, a) in arcs.enumerated() {
                let count = (a.required ? 1 : 0) + copies[i]
                if count == 0 { continue }
                balance[a.from] += count
                balance[a.to] -= count
                parent[find(a.from)] = find(a.to)
                if a.required { touched[a.from] = true; touched[a.to] = true }
            }
            if balance.contains(where: { $0 != 0 }) { return false }
            return Set((0..<n).filter { touched[$0] }.map(find)).count <= 1
        }
        func go(_ i: Int, _ cost: Double) {
            if let b = best, cost >= b { return }
            if i == arcs.count {
                if feasible() { best = cost }
                return
            }
            for c in 0...maxCopies {
                copies[i] = c
                go(i + 1, cost + Double(c) * arcs[i].cost)
            }
            copies[i] = 0
        }
        go(0, requiredCost)
        return best
    }
}
