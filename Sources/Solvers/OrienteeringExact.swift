/// Subset dynamic programming for small orienteering instances; the check beside the heuristic.
enum OrienteeringExact {
    static func bestVisits(_ problem: OrienteeringProblem) -> [Int] {
        let nodes = problem.candidates
        let m = nodes.count
        let full = 1 << m
        // cheapest[mask * m + j]: cheapest start→…→nodes[j] visiting exactly `mask`, ending at j.
        var cheapest = [Double](repeating: .infinity, count: full * max(m, 1))
        var parent = [Int](repeating: -1, count: full * max(m, 1))
        for j in 0..<m {
            cheapest[(1 << j) * m + j] = problem.fixedCost + problem.arc(problem.start, nodes[j])
        }
        var bestPrize = problem.fixedPrize
        var bestCost = problem.fixedCost + problem.arc(problem.start, problem.end)
        var bestMask = 0
        var bestLast = -1
        if m > 0 {
            for mask in 1..<full {
                var maskPrize = problem.fixedPrize
                for j in 0..<m where mask & (1 << j) != 0 { maskPrize += problem.prizes[nodes[j]] }
                for j in 0..<m where mask & (1 << j) != 0 {
                    let here = cheapest[mask * m + j]
                    if here > problem.budget { continue }
                    let closing = here + problem.arc(nodes[j], problem.end)
                    if closing <= problem.budget
                        && problem.isBetter(prize: maskPrize, cost: closing, than: bestPrize, cost: bestCost) {
                        bestPrize = maskPrize
                        bestCost = closing
                        bestMask = mask
                        bestLast = j
                    }
                    for next in 0..<m where mask & (1 << next) == 0 {
                        let extended = mask | (1 << next)
                        let candidate = here + problem.arc(nodes[j], nodes[next])
                        if candidate < cheapest[extended * m + next] {
                            cheapest[extended * m + next] = candidate
                            parent[extended * m + next] = j
                        }
                    }
                }
            }
        }
        var visits = [Int]()
        var mask = bestMask
        var last = bestLast
        while last >= 0 {
            visits.append(nodes[last])
            let previous = parent[mask * m + last]
            mask &= ~(1 << last)
            last = previous
        }
        // The table adds arcs in path order, as `cost(of:)` does, so the path's re-summed cost
        // is the very number that was checked against the budget.
        return visits.reversed()
    }
}
