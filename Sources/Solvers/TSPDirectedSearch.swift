/// Iterated local search for an asymmetric matrix, where reversing a stretch of the tour changes
/// its cost. 2-opt prices a reversal from prefix sums of the forward and backward arc costs;
/// Or-opt moves segments without flipping them; the kick is the double bridge, which keeps
/// every segment's direction. Scans are exhaustive, which suits the small instances (hotspot
/// orders, turn-aware sequences) this path serves.
struct TSPDirectedSearch {
    private let costs: TSPCostMatrix
    private let n: Int
    private(set) var tour: [Int]
    private(set) var length: Double
    private let epsilon: Double
    /// forward[k]: cost of walking tour[0] … tour[k]; backward[k]: of walking tour[k] … tour[0].
    private var forward: [Double]
    private var backward: [Double]

    init(costs: TSPCostMatrix, tour: [Int]) {
        self.costs = costs
        n = costs.count
        self.tour = tour
        length = costs.closedCost(tour)
        let largest = costs.values.reduce(0) { max($0, abs($1)) }
        epsilon = max(largest, 1) * 1e-12
        forward = []
        backward = []
    }

    mutating func run(kicks: Int, random: inout TourRandom) {
        guard n >= 4 else { return }
        localSearch()
        guard n >= 5 else { return }
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
            }
        }
    }

    private mutating func localSearch() {
        var improved = true
        while improved {
            improved = improveTwoOpt() || improveOrOpt()
        }
        length = costs.closedCost(tour)
    }

    private mutating func refreshPrefixes() {
        forward = [Double](repeating: 0, count: n)
        backward = [Double](repeating: 0, count: n)
        for k in 1..<n {
            forward[k] = forward[k - 1] + costs[tour[k - 1], tour[k]]
            backward[k] = backward[k - 1] + costs[tour[k], tour[k - 1]]
        }
    }

    /// First improving reversal of tour[i+1 … j], scanning all pairs once.
    private mutating func improveTwoOpt() -> Bool {
        refreshPrefixes()
        for i in 0..<(n - 2) {
            let a = tour[i], b = tour[i + 1]
            for j in (i + 2)..<n {
                if i == 0 && j == n - 1 { continue }
                let c = tour[j], d = tour[(j + 1) % n]
                let inner = (backward[j] - backward[i + 1]) - (forward[j] - forward[i + 1])
                let delta = costs[a, c] + costs[b, d] - costs[a, b] - costs[c, d] + inner
                if delta < -epsilon {
                    tour[(i + 1)...j].reverse()
                    length += delta
                    return true
                }
            }
        }
        return false
    }

    /// First improving move of a segment of one to three consecutive cities to another gap.
    private mutating func improveOrOpt() -> Bool {
        for count in 1...3 where n >= count + 3 {
            for first in 0..<n {
                let last = (first + count - 1) % n
                let s1 = tour[first], s2 = tour[last]
                let before = tour[(first - 1 + n) % n], after = tour[(last + 1) % n]
                let removalGain = costs[before, s1] + costs[s2, after] - costs[before, after]
                if removalGain <= epsilon { continue }
                // Gaps outside the segment, from after→next(after) round to the gap ending at before.
                var index = (last + 1) % n
                while index != (first - 1 + n) % n {
                    let u = tour[index], v = tour[(index + 1) % n]
                    let delta = costs[u, s1] + costs[s2, v] - costs[u, v] - removalGain
                    if delta < -epsilon {
                        moveSegment(first: first, count: count, after: u)
                        length += delta
                        return true
                    }
                    index = (index + 1) % n
                }
            }
        }
        return false
    }

    private mutating func moveSegment(first: Int, count: Int, after u: Int) {
        let last = (first + count - 1) % n
        let segment = (0..<count).map { tour[(first + $0) % n] }
        var rebuilt = [Int]()
        rebuilt.reserveCapacity(n)
        var index = (last + 1) % n
        while index != first {
            rebuilt.append(tour[index])
            if tour[index] == u { rebuilt.append(contentsOf: segment) }
            index = (index + 1) % n
        }
        tour = rebuilt
    }

    private mutating func doubleBridge(random: inout TourRandom) {
        var cuts = Set<Int>()
        while cuts.count < 3 { cuts.insert(1 + random.below(n - 1)) }
        let sorted = cuts.sorted()
        let p1 = sorted[0], p2 = sorted[1], p3 = sorted[2]
        tour = Array(tour[..<p1] + tour[p2..<p3] + tour[p1..<p2] + tour[p3...])
        length = costs.closedCost(tour)
    }
}
