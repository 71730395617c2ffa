import Base

/// The tour rewrites the symmetric and directed searches share. Both keep `position` the inverse
/// of `tour`; the callers price the moves and push the touched cities on their own queues.
enum TSPTourMoves {
    /// Moves the `count` cities at positions `first`… (wrapping) to just after city `u`, flipped
    /// when `reversed`. The array is rebuilt starting from the city after the segment.
    static func moveSegment(
        tour: inout [Int], position: inout [Int], first: Int, count: Int, after u: Int, reversed: Bool
    ) {
        let n = tour.count
        let last = (first + count - 1) % n
        var segment = (0..<count).map { tour[(first + $0) % n] }
        if reversed { segment.reverse() }
        var rebuilt = [Int]()
        rebuilt.reserveCapacity(n)
        var index = (last + 1) % n
        while index != first {
            let city = tour[index]
            rebuilt.append(city)
            if city == u { rebuilt.append(contentsOf: segment) }
            index = (index + 1) % n
        }
        tour = rebuilt
        for (i, city) in tour.enumerated() { position[city] = i }
    }

    /// Cuts the tour after a random position into A B C D with B and C up to 100 cities long, and
    /// reconnects it as A C B D, which keeps every segment's direction. Measured on TSPLIB,
    /// segments of up to 100 escape deep local optima that segments of 3 to 30 never leave, at no
    /// extra cost per kick. Returns the change in length and the six cities at the cuts.
    static func doubleBridge(
        tour: inout [Int], position: inout [Int], costs: TSPCostMatrix, random: inout SplitMix64
    ) -> (delta: Double, cutEnds: [Int]) {
        let n = tour.count
        let maxSegment = max(1, min(100, (n - 2) / 3))
        let start = random.below(n)
        let lengthB = 1 + random.below(maxSegment)
        let lengthC = 1 + random.below(maxSegment)
        func city(_ offset: Int) -> Int { tour[(start + offset) % n] }
        let aEnd = city(0), bStart = city(1)
        let bEnd = city(lengthB), cStart = city(1 + lengthB)
        let cEnd = city(lengthB + lengthC), dStart = city(1 + lengthB + lengthC)
        let delta = costs[aEnd, cStart] + costs[cEnd, bStart] + costs[bEnd, dStart]
            - costs[aEnd, bStart] - costs[bEnd, cStart] - costs[cEnd, dStart]
        let b = (0..<lengthB).map { city(1 + $0) }
        let c = (0..<lengthC).map { city(1 + lengthB + $0) }
        for (k, moved) in (c + b).enumerated() {
            let index = (start + 1 + k) % n
            tour[index] = moved
            position[moved] = index
        }
        return (delta, [aEnd, bStart, bEnd, cStart, cEnd, dStart])
    }
}
