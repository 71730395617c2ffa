import Base

/// Tour improvement on a dense cost matrix: a construction, then iterated 2-opt and Or-opt local
/// search. Symmetric matrices take the neighbour-list search; any asymmetry switches to the
/// directed search, which prices reversals exactly. Deterministic for a given seed.
public enum TSPSolver {
    /// The best closed tour found through every node. `nodes` starts at node 0.
    public static func closedTour(costs: [[Double]], options: TSPOptions = TSPOptions()) throws -> TSPTour {
        let matrix = try TSPCostMatrix(validating: costs)
        let order = improve(matrix, options: options)
        let tour = TSPConstructionHeuristics.rotated(order, toStartAt: 0)
        return TSPTour(nodes: tour, cost: matrix.closedCost(tour))
    }

    /// The best path found from `start` to `end` through every node. When `start == end` this is
    /// a closed tour listed from `start` with `start` repeated at the end.
    public static func openPath(
        costs: [[Double]], start: Int, end: Int, options: TSPOptions = TSPOptions()
    ) throws -> TSPTour {
        let matrix = try TSPCostMatrix(validating: costs)
        let n = matrix.count
        for node in [start, end] where !(0..<n).contains(node) {
            throw TSPError.endpointOutOfRange(node: node, nodeCount: n)
        }
        if start == end {
            let order = improve(matrix, options: options)
            let path = TSPConstructionHeuristics.rotated(order, toStartAt: start) + [start]
            return TSPTour(nodes: path, cost: matrix.openCost(path))
        }
        let anchored = matrix.withPathAnchor(start: start, end: end)
        let anchor = n
        var order = TSPConstructionHeuristics.rotated(improve(anchored, options: options), toStartAt: anchor)
        // A symmetric search may run the cycle either way round; read it from start to end.
        if order[1] != start { order = [anchor] + order.dropFirst().reversed() }
        let path = Array(order.dropFirst())
        return TSPTour(nodes: path, cost: matrix.openCost(path))
    }

    /// The cost of visiting `nodes` in order, closing back to the first node when `closed`.
    public static func cost(of nodes: [Int], costs: [[Double]], closed: Bool) -> Double {
        guard let first = nodes.first, let last = nodes.last else { return 0 }
        var total = 0.0
        for k in 0..<(nodes.count - 1) { total += costs[nodes[k]][nodes[k + 1]] }
        return closed ? total + costs[last][first] : total
    }

    /// Perturbation rounds when the caller leaves `kicks` unset: 200 per node, which reached the
    /// optimum on most of the TSPLIB development set, and no more than keeps a kick's O(n) restore
    /// cost under about a second in release.
    static func defaultKicks(nodeCount n: Int) -> Int {
        min(30_000_000 / n, max(2_000, 200 * n))
    }

    static func improve(_ matrix: TSPCostMatrix, options: TSPOptions) -> [Int] {
        let n = matrix.count
        if n <= TSPExhaustive.largestNodeCount { return TSPExhaustive.bestTour(matrix) }
        let start = TSPConstructionHeuristics.build(options.construction, costs: matrix)
        var random = SplitMix64(seed: options.seed)
        let kicks = options.kicks ?? defaultKicks(nodeCount: n)
        if matrix.isSymmetric {
            var search = TSPSymmetricSearch(costs: matrix, tour: start, neighbourCount: options.neighbourCount)
            search.run(kicks: kicks, random: &random)
            return search.tour
        }
        var search = TSPDirectedSearch(costs: matrix, tour: start, neighbourCount: options.neighbourCount)
        search.run(kicks: kicks, random: &random)
        return search.tour
    }
}
