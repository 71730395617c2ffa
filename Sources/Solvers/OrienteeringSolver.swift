import Base

/// Orienteering: choose and order nodes on a path from `start` to `end` to maximise the prize
/// collected, with travel plus service time within `budget`.
///
/// `costs[u][v]` is the travel from `u` to `v` (asymmetric allowed; `+infinity` for no
/// connection); `prizes[v]` and `serviceTimes[v]` are per node, and an empty `serviceTimes` means
/// none. The endpoints' prizes and service times count as well. All three solvers share this model.
public enum Orienteering {
    /// The largest number of prized nodes `exact` accepts (its table has 2ⁿ·n entries).
    public static let exactCandidateLimit = 16

    /// Iterated local search, started from the `greedy` path and never returning anything worse.
    /// `iterations` defaults to a count that scales with the number of prized nodes; the result
    /// depends only on the inputs and `seed`.
    public static func solve(
        costs: [[Double]], prizes: [Double], serviceTimes: [Double] = [],
        start: Int, end: Int, budget: Double, seed: UInt64 = 0, iterations: Int? = nil
    ) throws -> OrienteeringRoute {
        let problem = try OrienteeringProblem(
            costs: costs, prizes: prizes, serviceTimes: serviceTimes, start: start, end: end, budget: budget)
        let rounds = iterations ?? defaultIterations(candidates: problem.candidates.count)
        var search = OrienteeringSearch(problem: problem, visits: greedyVisits(problem))
        var random = SplitMix64(seed: seed)
        search.run(iterations: rounds, random: &random)
        return problem.route(search.visits)
    }

    /// The baseline: insert the node with the best prize per unit of added cost at its cheapest
    /// position while anything fits. No reordering.
    public static func greedy(
        costs: [[Double]], prizes: [Double], serviceTimes: [Double] = [],
        start: Int, end: Int, budget: Double
    ) throws -> OrienteeringRoute {
        let problem = try OrienteeringProblem(
            costs: costs, prizes: prizes, serviceTimes: serviceTimes, start: start, end: end, budget: budget)
        return problem.route(greedyVisits(problem))
    }

    /// The optimum, by dynamic programming over subsets of the prized nodes: for every subset and
    /// last node, the cheapest path from the start through exactly that subset. Ties on prize go
    /// to the cheaper path. Throws when more than `exactCandidateLimit` nodes carry a prize.
    public static func exact(
        costs: [[Double]], prizes: [Double], serviceTimes: [Double] = [],
        start: Int, end: Int, budget: Double
    ) throws -> OrienteeringRoute {
        let problem = try OrienteeringProblem(
            costs: costs, prizes: prizes, serviceTimes: serviceTimes, start: start, end: end, budget: budget)
        guard problem.candidates.count <= exactCandidateLimit else {
            throw OrienteeringError.tooLargeForExact(candidates: problem.candidates.count, limit: exactCandidateLimit)
        }
        return problem.route(OrienteeringExact.bestVisits(problem))
    }

    /// About 50 rounds per prized node, capped so that a round's cost, which grows with the
    /// number of nodes, keeps 100-node instances well under a second in release.
    static func defaultIterations(candidates: Int) -> Int {
        max(300, min(2_000, 50 * candidates, 100_000 / max(1, candidates)))
    }

    static func greedyVisits(_ problem: OrienteeringProblem) -> [Int] {
        var search = OrienteeringSearch(problem: problem, visits: [])
        var unused = SplitMix64(seed: 0)
        _ = search.insertByRatio(random: &unused, noisy: false)
        return search.visits
    }
}
