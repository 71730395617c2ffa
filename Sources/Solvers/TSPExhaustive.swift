/// Exhaustive search over every order, for the handful of nodes where local search has too few
/// moves to be trusted and enumeration costs less than a kick loop.
enum TSPExhaustive {
    static let largestNodeCount = 6

    /// The cheapest closed tour starting at node 0, by depth-first enumeration with pruning.
    static func bestTour(_ costs: TSPCostMatrix) -> [Int] {
        let n = costs.count
        if n <= 2 { return Array(0..<n) }
        var best = Array(0..<n)
        var bestCost = costs.closedCost(best)
        var path = [0]
        var used = [Bool](repeating: false, count: n)
        used[0] = true
        func extend(_ partial: Double) {
            if partial >= bestCost { return }
            if path.count == n {
                let total = partial + costs[path[n - 1], 0]
                if total < bestCost {
                    bestCost = total
                    best = path
                }
                return
            }
            for next in 1..<n where !used[next] {
                used[next] = true
                path.append(next)
                extend(partial + costs[path[path.count - 2], next])
                path.removeLast()
                used[next] = false
            }
        }
        extend(0)
        return best
    }
}
