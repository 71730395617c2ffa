import Base

/// Iterated local search for an asymmetric matrix, where reversing a stretch of the tour changes
/// its cost. Like the symmetric search it works from a queue of cities with don't-look bits and
/// candidate lists (the cheapest arcs into and out of each city), but a reversal is priced
/// exactly from prefix sums of the forward and backward arc costs, Or-opt moves segments without
/// flipping them, and the kick is the segment-swapping double bridge, which keeps every
/// segment's direction.
struct TSPDirectedSearch {
    private let costs: TSPCostMatrix
    private let n: Int
    private(set) var tour: [Int]
    private var position: [Int]
    private(set) var length: Double
    private let epsilon: Double
    private var queue: TSPCityQueue
    /// forward[k]: cost of walking tour[0] … tour[k]; backward[k]: of walking tour[k] … tour[0].
    private var forward: [Double]
    private var backward: [Double]
    private var prefixesStale = true
    private let inNeighbours: [[Int]]
    private let outNeighbours: [[Int]]

    init(costs: TSPCostMatrix, tour: [Int], neighbourCount: Int) {
        self.costs = costs
        let count = costs.count
        n = count
        self.tour = tour
        position = [Int](repeating: 0, count: count)
        for (index, city) in tour.enumerated() { position[city] = index }
        length = costs.closedCost(tour)
        let largest = costs.values.reduce(0) { max($0, abs($1)) }
        epsilon = max(largest, 1) * 1e-12
        queue = TSPCityQueue(count: count)
        forward = [Double](repeating: 0, count: count)
        backward = [Double](repeating: 0, count: count)
        let k = min(max(neighbourCount, 1), count - 1)
        inNeighbours = (0..<count).map { b in
            Array((0..<count).filter { $0 != b }.sorted { (costs[$0, b], $0) < (costs[$1, b], $1) }.prefix(k))
        }
        outNeighbours = (0..<count).map { a in
            Array((0..<count).filter { $0 != a }.sorted { (costs[a, $0], $0) < (costs[a, $1], $1) }.prefix(k))
        }
    }

    mutating func run(kicks: Int, random: inout SplitMix64) {
        guard n >= 5 else { return }
        for city in tour { queue.push(city) }
        localSearch()
        var savedTour = tour
        var savedLength = length
        for _ in 0..<kicks {
            doubleBridge(random: &random)
            localSearch()
            if length <= savedLength + epsilon {
                savedTour = tour
                savedLength = length
            } else {
                tour = savedTour
                length = savedLength
                for (index, city) in tour.enumerated() { position[city] = index }
                prefixesStale = true
            }
        }
        length = costs.closedCost(tour)
    }

    @inline(__always) private func next(_ city: Int) -> Int {
        let p = position[city] + 1
        return tour[p == n ? 0 : p]
    }

    @inline(__always) private func previous(_ city: Int) -> Int {
        let p = position[city]
        return tour[p == 0 ? n - 1 : p - 1]
    }

    private mutating func localSearch() {
        while let a = queue.pop() {
            if improveTwoOpt(a) || improveOrOpt(a) {
                queue.push(a)
            }
        }
    }

    private mutating func refreshPrefixes() {
        for k in 1..<n {
            forward[k] = forward[k - 1] + costs[tour[k - 1], tour[k]]
            backward[k] = backward[k - 1] + costs[tour[k], tour[k - 1]]
        }
        prefixesStale = false
    }

    /// Reversals that give `a` a cheap successor (reverse tour[i+1 … j] with `a` at i) or a cheap
    /// predecessor (reverse tour[j+1 … i] with it at j). Moves across the array's end are left to
    /// the kicks, which keeps the prefix-sum pricing simple.
    private mutating func improveTwoOpt(_ a: Int) -> Bool {
        let i = position[a]
        let successorCost = costs[a, next(a)]
        for c in outNeighbours[a] {
            if costs[a, c] >= successorCost { break }
            let j = position[c]
            if j > i + 1 && tryReversal(low: i, high: j) { return true }
        }
        let predecessorCost = costs[previous(a), a]
        for c in inNeighbours[a] {
            if costs[c, a] >= predecessorCost { break }
            let j = position[c]
            if j < i - 1 && tryReversal(low: j, high: i) { return true }
        }
        return false
    }

    /// Replaces arcs (tour[low], tour[low+1]) and (tour[high], tour[high+1]) by reversing the
    /// stretch between them, if that is shorter.
    private mutating func tryReversal(low: Int, high: Int) -> Bool {
        if low == 0 && high == n - 1 { return false }
        if prefixesStale { refreshPrefixes() }
        let p = tour[low], q = tour[low + 1], r = tour[high], s = tour[(high + 1) % n]
        let inner = (backward[high] - backward[low + 1]) - (forward[high] - forward[low + 1])
        let delta = costs[p, r] + costs[q, s] - costs[p, q] - costs[r, s] + inner
        guard delta < -epsilon else { return false }
        tour[(low + 1)...high].reverse()
        for index in (low + 1)...high { position[tour[index]] = index }
        prefixesStale = true
        length += delta
        for city in [p, q, r, s] { queue.push(city) }
        return true
    }

    /// Moves a segment of one to three cities that starts or ends at `a` into a gap beside a
    /// near neighbour of its ends.
    private mutating func improveOrOpt(_ a: Int) -> Bool {
        guard n >= 6 else { return false }
        for count in 1...3 {
            for leading in [true, false] {
                if count == 1 && !leading { continue }
                let first = leading ? position[a] : (position[a] - count + 1 + n) % n
                if tryMoveSegment(first: first, count: count) { return true }
            }
        }
        return false
    }

    private mutating func tryMoveSegment(first: Int, count: Int) -> Bool {
        let last = (first + count - 1) % n
        let s1 = tour[first], s2 = tour[last]
        let before = tour[(first - 1 + n) % n], after = tour[(last + 1) % n]
        let removalGain = costs[before, s1] + costs[s2, after] - costs[before, after]
        if removalGain <= epsilon { return false }
        func inSegment(_ city: Int) -> Bool { (position[city] - first + n) % n < count }
        var bestDelta = -epsilon
        var bestInsertAfter = -1
        func consider(_ u: Int, _ v: Int) {
            if inSegment(u) || inSegment(v) { return }
            let delta = costs[u, s1] + costs[s2, v] - costs[u, v] - removalGain
            if delta < bestDelta {
                bestDelta = delta
                bestInsertAfter = u
            }
        }
        for u in inNeighbours[s1] {
            if costs[u, s1] >= removalGain { break }
            consider(u, next(u))
        }
        for v in outNeighbours[s2] {
            if costs[s2, v] >= removalGain { break }
            consider(previous(v), v)
        }
        guard bestInsertAfter >= 0 else { return false }
        let u = bestInsertAfter, v = next(u)
        TSPTourMoves.moveSegment(
            tour: &tour, position: &position, first: first, count: count, after: u, reversed: false)
        prefixesStale = true
        length += bestDelta
        for city in [before, after, s1, s2, u, v] { queue.push(city) }
        return true
    }

    /// The shared segment-swapping kick (`TSPTourMoves.doubleBridge`), which keeps every
    /// segment's direction.
    private mutating func doubleBridge(random: inout SplitMix64) {
        let kick = TSPTourMoves.doubleBridge(tour: &tour, position: &position, costs: costs, random: &random)
        length += kick.delta
        prefixesStale = true
        for moved in kick.cutEnds { queue.push(moved) }
    }
}
