import Base

/// Iterated local search for a symmetric matrix: 2-opt and Or-opt over candidate neighbour lists
/// with don't-look bits, and segment-local double-bridge kicks accepted when they do not lengthen
/// the tour. The tour is an array with a position index, and a reversal always flips the
/// shorter side.
struct TSPSymmetricSearch {
    private let costs: TSPCostMatrix
    private let n: Int
    private let neighbours: [[Int]]
    private(set) var tour: [Int]
    private var position: [Int]
    private(set) var length: Double
    private var queue: TSPCityQueue
    private let epsilon: Double

    init(costs: TSPCostMatrix, tour: [Int], neighbourCount: Int) {
        self.costs = costs
        n = costs.count
        self.tour = tour
        position = [Int](repeating: 0, count: costs.count)
        for (index, city) in tour.enumerated() { position[city] = index }
        length = costs.closedCost(tour)
        queue = TSPCityQueue(count: costs.count)
        let largest = costs.values.reduce(0) { max($0, abs($1)) }
        epsilon = max(largest, 1) * 1e-12
        let k = min(max(neighbourCount, 1), costs.count - 1)
        var lists = [[Int]]()
        lists.reserveCapacity(costs.count)
        for a in 0..<costs.count {
            let others = (0..<costs.count).filter { $0 != a }
            let sorted = others.sorted { (costs[a, $0], $0) < (costs[a, $1], $1) }
            lists.append(Array(sorted.prefix(k)))
        }
        neighbours = lists
    }

    /// Local search to a local optimum, then `kicks` perturbation rounds; the tour held at the end
    /// is the best found.
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

    /// Tries to replace the edge on either side of `a` and one edge near a candidate neighbour.
    private mutating func improveTwoOpt(_ a: Int) -> Bool {
        for forward in [true, false] {
            let b = forward ? next(a) : previous(a)
            let removed = costs[a, b]
            for c in neighbours[a] {
                let added = costs[a, c]
                if added >= removed { break }
                let d = forward ? next(c) : previous(c)
                if c == b || d == a { continue }
                let delta = added + costs[b, d] - removed - costs[c, d]
                if delta < -epsilon {
                    if forward {
                        reverse(from: position[b], to: position[c])
                    } else {
                        reverse(from: position[a], to: position[d])
                    }
                    length += delta
                    for city in [a, b, c, d] { queue.push(city) }
                    return true
                }
            }
        }
        return false
    }

    /// Tries to move a segment of one to three cities that starts or ends at `a` between two
    /// other adjacent cities, in either orientation.
    private mutating func improveOrOpt(_ a: Int) -> Bool {
        guard n >= 6 else { return false }
        for segmentLength in 1...3 {
            for leading in [true, false] {
                if segmentLength == 1 && !leading { continue }
                let first = leading ? position[a] : (position[a] - segmentLength + 1 + n) % n
                if tryMoveSegment(first: first, count: segmentLength) { return true }
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
        var bestReversed = false
        for end in (count == 1 ? [s1] : [s1, s2]) {
            for c in neighbours[end] {
                if costs[end, c] >= removalGain { break }
                if inSegment(c) { continue }
                for (u, v) in [(c, next(c)), (previous(c), c)] {
                    if inSegment(u) || inSegment(v) { continue }
                    let base = -costs[u, v] - removalGain
                    let straight = base + costs[u, s1] + costs[s2, v]
                    let flipped = base + costs[u, s2] + costs[s1, v]
                    if straight < bestDelta {
                        bestDelta = straight
                        bestInsertAfter = u
                        bestReversed = false
                    }
                    if flipped < bestDelta {
                        bestDelta = flipped
                        bestInsertAfter = u
                        bestReversed = true
                    }
                }
            }
        }
        guard bestInsertAfter >= 0 else { return false }
        let u = bestInsertAfter, v = next(u)
        TSPTourMoves.moveSegment(
            tour: &tour, position: &position, first: first, count: count, after: u, reversed: bestReversed)
        length += bestDelta
        for city in [before, after, s1, s2, u, v] { queue.push(city) }
        return true
    }

    /// Reverses the cities at positions `from` through `to` going forward (wrapping); on a
    /// symmetric matrix flipping the complement gives the same cycle, so the shorter one is flipped.
    private mutating func reverse(from: Int, to: Int) {
        var i = from, j = to
        var span = (j - i + n) % n + 1
        if 2 * span > n {
            i = (to + 1) % n
            j = (from - 1 + n) % n
            span = n - span
        }
        for _ in 0..<(span / 2) {
            let ci = tour[i], cj = tour[j]
            tour[i] = cj
            position[cj] = i
            tour[j] = ci
            position[ci] = j
            i = i + 1 == n ? 0 : i + 1
            j = j == 0 ? n - 1 : j - 1
        }
    }

    /// The shared segment-swapping kick (`TSPTourMoves.doubleBridge`).
    private mutating func doubleBridge(random: inout SplitMix64) {
        let kick = TSPTourMoves.doubleBridge(tour: &tour, position: &position, costs: costs, random: &random)
        length += kick.delta
        for moved in kick.cutEnds { queue.push(moved) }
    }
}

/// FIFO of cities whose don't-look bit is off; each city is queued at most once.
struct TSPCityQueue {
    private var slots: [Int]
    private var queued: [Bool]
    private var head = 0
    private var size = 0

    init(count: Int) {
        slots = [Int](repeating: 0, count: max(count, 1))
        queued = [Bool](repeating: false, count: count)
    }

    mutating func push(_ city: Int) {
        if queued[city] { return }
        queued[city] = true
        slots[(head + size) % slots.count] = city
        size += 1
    }

    mutating func pop() -> Int? {
        guard size > 0 else { return nil }
        let city = slots[head]
        head = (head + 1) % slots.count
        size -= 1
        queued[city] = false
        return city
    }
}
