import Base
import Foundation
import Testing
import Solvers

/// A random instance: points in a square (optionally with one-way surcharges), integer prizes,
/// optional service times, and a budget between the direct path and a long tour.
struct OrienteeringTestInstance {
    var costs: [[Double]]
    var prizes: [Double]
    var service: [Double]
    var start: Int
    var end: Int
    var budget: Double

    init(seed: UInt64, nodes n: Int, asymmetric: Bool = false, withService: Bool = false, closed: Bool = false) {
        var random = SplitMix64(seed: seed)
        costs = asymmetric ? TSPTestData.asymmetric(count: n, random: &random) : TSPTestData.euclidean(count: n, random: &random)
        start = 0
        end = closed ? 0 : 1
        prizes = (0..<n).map { $0 == 0 || (!closed && $0 == 1) ? 0 : Double(1 + random.below(10)) }
        service = withService ? (0..<n).map { _ in Double(random.below(15)) } : []
        let direct = costs[start][end] + (withService ? service[start] + (closed ? 0 : service[end]) : 0)
        budget = direct + 60 + random.unit() * 240
    }

    /// Cost and prize of `nodes`, walked independently of the solver: travel along the path plus
    /// service and prize of each distinct node.
    func walk(_ nodes: [Int]) -> (cost: Double, prize: Double) {
        var cost = 0.0
        for k in 0..<(nodes.count - 1) { cost += costs[nodes[k]][nodes[k + 1]] }
        let distinct = Set(nodes)
        if !service.isEmpty { cost += distinct.reduce(0) { $0 + service[$1] } }
        return (cost, distinct.reduce(0) { $0 + prizes[$1] })
    }

    func isWellFormed(_ route: OrienteeringRoute) -> Bool {
        let inner = route.nodes.dropFirst().dropLast()
        return route.nodes.first == start && route.nodes.last == end && route.nodes.count >= 2
            && Set(inner).count == inner.count && !inner.contains(start) && !inner.contains(end)
    }

    func solve(seed: UInt64 = 0, iterations: Int? = nil) throws -> OrienteeringRoute {
        try Orienteering.solve(
            costs: costs, prizes: prizes, serviceTimes: service, start: start, end: end, budget: budget,
            seed: seed, iterations: iterations)
    }

    func exact() throws -> OrienteeringRoute {
        try Orienteering.exact(costs: costs, prizes: prizes, serviceTimes: service, start: start, end: end, budget: budget)
    }

    func greedy() throws -> OrienteeringRoute {
        try Orienteering.greedy(costs: costs, prizes: prizes, serviceTimes: service, start: start, end: end, budget: budget)
    }

    /// Every subset in every order: the best prize within budget. Only for a handful of nodes.
    func bruteForcePrize() -> Double {
        let middle = (0..<costs.count).filter { $0 != start && $0 != end }
        var best = walk([start, end]).prize
        var order = [Int]()
        var used = [Bool](repeating: false, count: costs.count)
        func extend() {
            let route = walk([start] + order + [end])
            if route.cost <= budget { best = max(best, route.prize) }
            for v in middle where !used[v] {
                used[v] = true
                order.append(v)
                extend()
                order.removeLast()
                used[v] = false
            }
        }
        extend()
        return best
    }
}

struct OrienteeringSolverTests {
    @Test(arguments: 0..<12)
    func exactSolverEqualsBruteForceEnumeration(seed: Int) throws {
        let instance = OrienteeringTestInstance(
            seed: UInt64(500 + seed), nodes: 7 + seed % 2, asymmetric: seed % 3 == 1, withService: seed % 2 == 0,
            closed: seed % 4 == 3)
        let exact = try instance.exact()
        let walked = instance.walk(exact.nodes)
        #expect(instance.isWellFormed(exact))
        #expect(walked.cost <= instance.budget)
        #expect(abs(walked.cost - exact.cost) < 1e-9)
        #expect(walked.prize == exact.prize)
        #expect(exact.prize == instance.bruteForcePrize())
    }

    /// The heuristic against the subset DP on 30 seeded instances of 8 to 12 nodes, mixing
    /// symmetric and one-way costs, service times and closed routes: the gap must be zero.
    @Test(arguments: 0..<30)
    func heuristicEqualsExactOptimumOnSmallInstances(seed: Int) throws {
        let instance = OrienteeringTestInstance(
            seed: UInt64(1_000 + seed), nodes: 8 + seed % 5, asymmetric: seed % 3 == 0, withService: seed % 2 == 1,
            closed: seed % 5 == 4)
        let exact = try instance.exact()
        let route = try instance.solve(seed: UInt64(seed))
        #expect(instance.isWellFormed(route))
        #expect(instance.walk(route.nodes).cost <= instance.budget)
        #expect(route.prize == exact.prize, "seed \(seed): heuristic \(route.prize), optimum \(exact.prize)")
    }

    /// Larger instances (40 to 60 nodes): the route fits the budget, walked independently, and
    /// collects at least what the greedy baseline does.
    @Test(arguments: 0..<12)
    func routeFitsBudgetAndBeatsGreedyOnLargerInstances(seed: Int) throws {
        let instance = OrienteeringTestInstance(
            seed: UInt64(2_000 + seed), nodes: 40 + 2 * seed, asymmetric: seed % 2 == 0, withService: seed % 3 == 0)
        let route = try instance.solve(seed: 3, iterations: 300)
        let greedy = try instance.greedy()
        let walked = instance.walk(route.nodes)
        #expect(instance.isWellFormed(route))
        #expect(instance.isWellFormed(greedy))
        #expect(walked.cost <= instance.budget)
        #expect(instance.walk(greedy.nodes).cost <= instance.budget)
        #expect(walked.prize == route.prize)
        #expect(route.prize >= greedy.prize)
    }

    @Test
    func sameSeedGivesTheSameRoute() throws {
        let instance = OrienteeringTestInstance(seed: 31, nodes: 45, asymmetric: true, withService: true)
        #expect(try instance.solve(seed: 8, iterations: 200) == instance.solve(seed: 8, iterations: 200))
    }

    @Test
    func unreachableNodesAreLeftOut() throws {
        let inf = Double.infinity
        let costs: [[Double]] = [
            [0, 1, 1, inf],
            [1, 0, 1, inf],
            [1, 1, 0, inf],
            [inf, inf, inf, 0],
        ]
        let route = try Orienteering.solve(costs: costs, prizes: [0, 0, 5, 100], start: 0, end: 1, budget: 10)
        #expect(route.nodes == [0, 2, 1])
        #expect(route.prize == 5)
        #expect(route.cost == 2)
    }

    @Test
    func serviceTimeCountsAgainstTheBudget() throws {
        // Node 2 is one unit away but takes 5 to serve; with a budget of 6 only node 3 fits.
        let costs: [[Double]] = [[0, 1, 1, 2], [1, 0, 1, 2], [1, 1, 0, 2], [2, 2, 2, 0]]
        let route = try Orienteering.solve(
            costs: costs, prizes: [0, 0, 10, 4], serviceTimes: [0, 0, 5, 0], start: 0, end: 1, budget: 6)
        #expect(route.nodes == [0, 3, 1])
        #expect(route.cost == 4)
    }

    @Test
    func badInputIsRejectedWithContext() {
        let costs: [[Double]] = [[0, 10], [10, 0]]
        #expect(throws: OrienteeringError.budgetTooSmall(directCost: 10, budget: 5)) {
            try Orienteering.solve(costs: costs, prizes: [0, 0], start: 0, end: 1, budget: 5)
        }
        #expect(throws: OrienteeringError.wrongLength(field: "prizes", count: 1, expected: 2)) {
            try Orienteering.solve(costs: costs, prizes: [0], start: 0, end: 1, budget: 50)
        }
        #expect(throws: OrienteeringError.invalidValue(field: "serviceTimes", node: 1, value: -1)) {
            try Orienteering.solve(costs: costs, prizes: [0, 0], serviceTimes: [0, -1], start: 0, end: 1, budget: 50)
        }
        #expect(throws: OrienteeringError.endpointOutOfRange(node: 2, nodeCount: 2)) {
            try Orienteering.greedy(costs: costs, prizes: [0, 0], start: 2, end: 1, budget: 50)
        }
        let big = OrienteeringTestInstance(seed: 4, nodes: 20)
        #expect(throws: OrienteeringError.tooLargeForExact(candidates: 18, limit: Orienteering.exactCandidateLimit)) {
            try Orienteering.exact(costs: big.costs, prizes: big.prizes, start: 0, end: 1, budget: 1_000)
        }
    }

    /// Tsiligirides set 1 with published best scores (see bench/README.md); the path is
    /// re-walked with unrounded Euclidean distances.
    @Test(arguments: [(15, 45.0), (40, 155.0), (60, 225.0)])
    func tsiligiridesInstanceReachesBestKnownScore(budget: Int, bestKnown: Double) throws {
        let file = TSPLIBInstanceTests.benchInstances
            .appendingPathComponent(String(format: "op/tsiligirides_problem_1_budget_%02d.txt", budget)).path
        #expect(FileManager.default.fileExists(atPath: file), "benchmark file missing: \(file) (committed under bench/)")
        let instance = try OrienteeringInstance.parse(contentsOf: file)
        let route = try Orienteering.solve(
            costs: instance.costMatrix(), prizes: instance.scores, start: 0, end: 1, budget: instance.budget, seed: 1)
        var length = 0.0
        for k in 0..<(route.nodes.count - 1) { length += instance.distance(route.nodes[k], route.nodes[k + 1]) }
        #expect(length <= instance.budget)
        #expect(Set(route.nodes).reduce(0) { $0 + instance.scores[$1] } == bestKnown)
    }
}
