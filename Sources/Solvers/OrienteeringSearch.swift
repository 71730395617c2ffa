import Base

/// Iterated local search for the orienteering problem, in the manner of Vansteenwegen et al.
/// (2009): a local search that shortens the path (2-opt, relocation), inserts the best
/// prize-per-cost nodes that fit and swaps visited nodes for richer ones; then a shake that drops
/// a few visits, repeated for a fixed number of rounds. Every accepted path is re-priced from
/// scratch, so feasibility is exact rather than accumulated from deltas.
struct OrienteeringSearch {
    let problem: OrienteeringProblem
    private(set) var visits: [Int] = []
    private(set) var cost: Double
    private(set) var prize: Double
    private var inRoute: [Bool]
    /// Nodes the last shake dropped, kept out of the next insertion round so that the search
    /// goes somewhere new instead of putting them straight back.
    private var barred: [Bool]
    private let epsilon: Double

    init(problem: OrienteeringProblem, visits: [Int]) {
        self.problem = problem
        inRoute = [Bool](repeating: false, count: problem.nodeCount)
        barred = [Bool](repeating: false, count: problem.nodeCount)
        cost = 0
        prize = 0
        epsilon = 1e-12 * max(1, problem.budget)
        assign(visits)
    }

    private mutating func assign(_ newVisits: [Int]) {
        for v in visits { inRoute[v] = false }
        visits = newVisits
        for v in visits { inRoute[v] = true }
        cost = problem.cost(of: visits)
        prize = problem.prize(of: visits)
    }

    /// Applies `newVisits` if its exact cost fits the budget; false (and no change) otherwise.
    private mutating func accept(_ newVisits: [Int]) -> Bool {
        guard problem.cost(of: newVisits) <= problem.budget else { return false }
        assign(newVisits)
        return true
    }

    @inline(__always) private func node(_ position: Int) -> Int {
        position == 0 ? problem.start : (position <= visits.count ? visits[position - 1] : problem.end)
    }

    // MARK: - The iterated search

    mutating func run(iterations: Int, random: inout SplitMix64) {
        localSearch(random: &random)
        var best = (visits: visits, prize: prize, cost: cost)
        var sinceImprovement = 0
        let patience = max(20, 4 * problem.candidates.count)
        for _ in 0..<iterations {
            shake(random: &random)
            localSearch(random: &random)
            if problem.isBetter(prize: prize, cost: cost, than: best.prize, cost: best.cost) {
                best = (visits, prize, cost)
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
                if sinceImprovement >= patience {
                    assign(best.visits)
                    sinceImprovement = 0
                }
            }
        }
        assign(best.visits)
    }

    mutating func localSearch(random: inout SplitMix64) {
        while true {
            shorten()
            let inserted = insertByRatio(random: &random, noisy: true)
            if inserted { shorten() }
            let swapped = replaceForRicherNode()
            for v in 0..<barred.count { barred[v] = false }
            if !inserted && !swapped { return }
        }
    }

    /// Drops some visits, a run of consecutive ones or scattered ones, and bars them from the
    /// next insertion round.
    private mutating func shake(random: inout SplitMix64) {
        let k = visits.count
        guard k > 0 else { return }
        let count = 1 + random.below(k)
        var kept = visits
        if random.below(2) == 0 {
            let first = random.below(k - count + 1)
            kept.removeSubrange(first..<(first + count))
        } else {
            for _ in 0..<count { kept.remove(at: random.below(kept.count)) }
        }
        let keptSet = Set(kept)
        for v in visits where !keptSet.contains(v) { barred[v] = true }
        assign(kept)
    }

    // MARK: - Moves

    /// Repeatedly inserts the outside node with the highest prize per unit of added cost, at its
    /// cheapest feasible position, until nothing fits. When `noisy`, each ratio is scaled by
    /// a random factor in [0.5, 1.5), so that after a shake the search does not simply put back
    /// the nodes it dropped.
    mutating func insertByRatio(random: inout SplitMix64, noisy: Bool) -> Bool {
        var insertedAny = false
        while true {
            var bestRatio = -Double.infinity
            var bestNode = -1
            var bestPosition = 0
            let slots = visits.count + 1
            for x in problem.candidates where !inRoute[x] && !barred[x] {
                var cheapest = Double.infinity
                var cheapestPosition = 0
                for p in 0..<slots {
                    let u = node(p), v = node(p + 1)
                    let added = problem.arc(u, x) + problem.arc(x, v) - problem.arc(u, v)
                    if added < cheapest {
                        cheapest = added
                        cheapestPosition = p
                    }
                }
                guard cost + cheapest <= problem.budget + epsilon else { continue }
                var ratio = problem.prizes[x] / max(cheapest, epsilon)
                if noisy { ratio *= 0.5 + random.unit() }
                if ratio > bestRatio {
                    bestRatio = ratio
                    bestNode = x
                    bestPosition = cheapestPosition
                }
            }
            guard bestNode >= 0 else { return insertedAny }
            var next = visits
            next.insert(bestNode, at: bestPosition)
            guard accept(next) else { return insertedAny }
            insertedAny = true
        }
    }

    /// Swaps one visited node for an outside node with a larger prize, wherever that fits;
    /// takes the largest prize gain, then the lowest cost.
    mutating func replaceForRicherNode() -> Bool {
        let k = visits.count
        guard k > 0 else { return false }
        var bestGain = 0.0
        var bestCost = Double.infinity
        var bestMove: (removed: Int, inserted: Int, gap: Int)?
        for x in problem.candidates where !inRoute[x] && !barred[x] {
            // The three cheapest gaps (p, p+1) for x: removing w spoils at most two of them.
            var cheapestGaps: [(cost: Double, gap: Int)] = [(.infinity, -1), (.infinity, -1), (.infinity, -1)]
            for p in 0...k {
                let u = node(p), v = node(p + 1)
                let added = problem.arc(u, x) + problem.arc(x, v) - problem.arc(u, v)
                if added < cheapestGaps[2].cost {
                    cheapestGaps[2] = (added, p)
                    if cheapestGaps[2].cost < cheapestGaps[1].cost { cheapestGaps.swapAt(1, 2) }
                    if cheapestGaps[1].cost < cheapestGaps[0].cost { cheapestGaps.swapAt(0, 1) }
                }
            }
            for position in 1...k {
                let w = node(position)
                let gain = problem.prizes[x] - problem.prizes[w]
                if gain <= 0 || gain < bestGain { continue }
                let before = node(position - 1), after = node(position + 1)
                let reducedCost = cost - problem.arc(before, w) - problem.arc(w, after) + problem.arc(before, after)
                // The gaps either side of w merge into one gap (before, after), marked -1.
                var added = problem.arc(before, x) + problem.arc(x, after) - problem.arc(before, after)
                var gap = -1
                if let other = cheapestGaps.first(where: { $0.gap >= 0 && $0.gap != position - 1 && $0.gap != position }),
                    other.cost < added {
                    added = other.cost
                    gap = other.gap
                }
                let total = reducedCost + added
                if total > problem.budget + epsilon { continue }
                if gain > bestGain || total < bestCost {
                    bestGain = gain
                    bestCost = total
                    bestMove = (position, x, gap)
                }
            }
        }
        guard let bestMove else { return false }
        var next = visits
        let removedIndex = bestMove.removed - 1
        if bestMove.gap < 0 {
            next[removedIndex] = bestMove.inserted
        } else {
            // Gap p sits after path position p, i.e. before visits index p.
            next.insert(bestMove.inserted, at: bestMove.gap)
            next.remove(at: bestMove.gap <= removedIndex ? removedIndex + 1 : removedIndex)
        }
        return accept(next)
    }

    /// 2-opt and single-node relocation, first improvement, until neither shortens the path.
    mutating func shorten() {
        while twoOpt() || relocate() {}
    }

    /// Reverses a stretch of visits. Reversal is priced from prefix sums of the arcs in both
    /// directions, so asymmetric costs and service folded into arcs are exact.
    private mutating func twoOpt() -> Bool {
        let k = visits.count
        guard k >= 2 else { return false }
        var forward = [Double](repeating: 0, count: k + 2)
        var backward = [Double](repeating: 0, count: k + 2)
        for m in 1..<(k + 2) {
            forward[m] = forward[m - 1] + problem.arc(node(m - 1), node(m))
            backward[m] = backward[m - 1] + problem.arc(node(m), node(m - 1))
        }
        for i in 1..<k {
            for j in (i + 1)...k {
                let before = node(i - 1), first = node(i), last = node(j), after = node(j + 1)
                let inner = (backward[j] - backward[i]) - (forward[j] - forward[i])
                let delta = problem.arc(before, last) + problem.arc(first, after)
                    - problem.arc(before, first) - problem.arc(last, after) + inner
                if delta < -epsilon {
                    var next = visits
                    next[(i - 1)...(j - 1)].reverse()
                    if accept(next) { return true }
                }
            }
        }
        return false
    }

    private mutating func relocate() -> Bool {
        let k = visits.count
        guard k >= 2 else { return false }
        for i in 1...k {
            let x = node(i), before = node(i - 1), after = node(i + 1)
            let saving = problem.arc(before, x) + problem.arc(x, after) - problem.arc(before, after)
            for p in 0...k where p != i && p != i - 1 {
                // Gap between positions p and p+1 of the current path; never touches x itself.
                let u = node(p), v = node(p + 1)
                let delta = problem.arc(u, x) + problem.arc(x, v) - problem.arc(u, v) - saving
                if delta < -epsilon {
                    var next = visits
                    next.remove(at: i - 1)
                    next.insert(x, at: p < i ? p : p - 1)
                    if accept(next) { return true }
                }
            }
        }
        return false
    }
}
