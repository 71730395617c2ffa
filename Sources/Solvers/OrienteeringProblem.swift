/// A validated orienteering instance in flat arrays.
///
/// Service times are folded into the arcs: `arc(u, v)` is the travel from `u` to `v` plus the
/// service at `v`, so every move prices a node's service with the arc that enters it and no
/// move needs to treat service separately. The start's service is a fixed extra; when the path
/// is closed (start == end) the end's arc would count it twice, so it is taken off once.
struct OrienteeringProblem {
    let nodeCount: Int
    let start: Int
    let end: Int
    let budget: Double
    let prizes: [Double]
    /// Nodes other than the endpoints that carry a prize and fit on a path by themselves.
    let candidates: [Int]
    let fixedCost: Double
    let fixedPrize: Double
    private let arcs: [Double]

    init(costs: [[Double]], prizes: [Double], serviceTimes: [Double], start: Int, end: Int, budget: Double) throws {
        let n = costs.count
        guard n > 0 else { throw OrienteeringError.emptyMatrix }
        for (i, row) in costs.enumerated() {
            guard row.count == n else { throw OrienteeringError.notSquare(row: i, count: row.count, expected: n) }
            for (j, value) in row.enumerated() where value.isNaN || value < 0 || value == -.infinity {
                throw OrienteeringError.invalidCost(from: i, to: j, value: value)
            }
        }
        guard prizes.count == n else { throw OrienteeringError.wrongLength(field: "prizes", count: prizes.count, expected: n) }
        let service = serviceTimes.isEmpty ? [Double](repeating: 0, count: n) : serviceTimes
        guard service.count == n else {
            throw OrienteeringError.wrongLength(field: "serviceTimes", count: serviceTimes.count, expected: n)
        }
        for (field, values) in [("prizes", prizes), ("serviceTimes", service)] {
            for (node, value) in values.enumerated() where !value.isFinite || value < 0 {
                throw OrienteeringError.invalidValue(field: field, node: node, value: value)
            }
        }
        for node in [start, end] where !(0..<n).contains(node) {
            throw OrienteeringError.endpointOutOfRange(node: node, nodeCount: n)
        }
        guard budget.isFinite, budget >= 0 else { throw OrienteeringError.invalidBudget(budget) }

        nodeCount = n
        self.start = start
        self.end = end
        self.budget = budget
        self.prizes = prizes
        var flat = [Double](repeating: 0, count: n * n)
        for u in 0..<n {
            for v in 0..<n {
                flat[u * n + v] = costs[u][v] + service[v]
            }
        }
        arcs = flat
        let fixed = start == end ? 0 : service[start]
        fixedCost = fixed
        fixedPrize = prizes[start] + (start == end ? 0 : prizes[end])
        let direct = fixed + flat[start * n + end]
        guard direct <= budget else { throw OrienteeringError.budgetTooSmall(directCost: direct, budget: budget) }
        candidates = (0..<n).filter { v in
            v != start && v != end && prizes[v] > 0
                && fixed + flat[start * n + v] + flat[v * n + end] <= budget
        }
    }

    @inline(__always)
    func arc(_ from: Int, _ to: Int) -> Double {
        arcs[from * nodeCount + to]
    }

    /// The exact cost of visiting `visits` between start and end, summed in path order.
    func cost(of visits: [Int]) -> Double {
        var total = fixedCost
        var previous = start
        for v in visits {
            total += arc(previous, v)
            previous = v
        }
        return total + arc(previous, end)
    }

    func prize(of visits: [Int]) -> Double {
        visits.reduce(fixedPrize) { $0 + prizes[$1] }
    }

    func route(_ visits: [Int]) -> OrienteeringRoute {
        OrienteeringRoute(nodes: [start] + visits + [end], prize: prize(of: visits), cost: cost(of: visits))
    }

    /// True when `a` beats `b`: more prize, or the same prize for less cost.
    func isBetter(prize a: Double, cost aCost: Double, than b: Double, cost bCost: Double) -> Bool {
        let tolerance = 1e-9 * max(1, abs(a), abs(b))
        if a > b + tolerance { return true }
        if a < b - tolerance { return false }
        return aCost < bCost - 1e-9 * max(1, budget)
    }
}
