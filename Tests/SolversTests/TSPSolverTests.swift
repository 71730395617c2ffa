import Base
import Foundation
import Testing
@testable import Solvers

enum TSPTestData {
    static func euclidean(count: Int, random: inout SplitMix64) -> [[Double]] {
        let points = (0..<count).map { _ in (random.unit() * 100, random.unit() * 100) }
        return points.map { a in points.map { b in ((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1)).squareRoot() } }
    }

    /// Euclidean plus a random one-way surcharge, so that direction matters.
    static func asymmetric(count: Int, random: inout SplitMix64) -> [[Double]] {
        var costs = euclidean(count: count, random: &random)
        for i in 0..<count {
            for j in 0..<count where i != j { costs[i][j] += random.unit() * 40 }
        }
        return costs
    }

    static func walk(_ nodes: [Int], _ costs: [[Double]], closed: Bool) -> Double {
        var total = 0.0
        for k in 0..<(nodes.count - 1) { total += costs[nodes[k]][nodes[k + 1]] }
        if closed, let first = nodes.first, let last = nodes.last { total += costs[last][first] }
        return total
    }

    /// Every order of `middle` between `first` and `last`, cheapest walk kept.
    static func bruteForcePath(first: Int, middle: [Int], last: Int?, costs: [[Double]]) -> Double {
        var best = Double.infinity
        var order = middle
        func permute(_ k: Int) {
            if k == order.count {
                var nodes = [first] + order
                if let last { nodes.append(last) }
                best = min(best, walk(nodes, costs, closed: last == nil))
                return
            }
            for i in k..<order.count {
                order.swapAt(k, i)
                permute(k + 1)
                order.swapAt(k, i)
            }
        }
        permute(0)
        return best
    }

    static func isPermutation(_ nodes: [Int], of count: Int) -> Bool {
        nodes.count == count && Set(nodes) == Set(0..<count)
    }
}

struct TSPSolverTests {
    @Test(arguments: 0..<30)
    func symmetricClosedTourEqualsBruteForceOptimum(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &+ 1_000)
        let n = 7 + seed % 3
        let costs = TSPTestData.euclidean(count: n, random: &random)
        let tour = try TSPSolver.closedTour(costs: costs, options: TSPOptions(seed: UInt64(seed)))
        let optimum = TSPTestData.bruteForcePath(first: 0, middle: Array(1..<n), last: nil, costs: costs)
        #expect(TSPTestData.isPermutation(tour.nodes, of: n))
        #expect(abs(TSPTestData.walk(tour.nodes, costs, closed: true) - tour.cost) < 1e-9)
        #expect(abs(tour.cost - optimum) < 1e-9, "n=\(n): found \(tour.cost), optimum \(optimum)")
    }

    @Test(arguments: 0..<20)
    func asymmetricClosedTourEqualsBruteForceOptimum(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &+ 2_000)
        let n = 7 + seed % 3
        let costs = TSPTestData.asymmetric(count: n, random: &random)
        let tour = try TSPSolver.closedTour(costs: costs, options: TSPOptions(seed: UInt64(seed)))
        let optimum = TSPTestData.bruteForcePath(first: 0, middle: Array(1..<n), last: nil, costs: costs)
        #expect(TSPTestData.isPermutation(tour.nodes, of: n))
        #expect(abs(tour.cost - optimum) < 1e-9, "n=\(n): found \(tour.cost), optimum \(optimum)")
    }

    @Test(arguments: 0..<30)
    func openPathKeepsEndpointsAndEqualsBruteForceOptimum(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &+ 3_000)
        let n = 6 + seed % 4
        let costs = seed % 2 == 0
            ? TSPTestData.euclidean(count: n, random: &random)
            : TSPTestData.asymmetric(count: n, random: &random)
        let start = random.below(n)
        var end = random.below(n)
        if end == start { end = (start + 1) % n }
        let path = try TSPSolver.openPath(costs: costs, start: start, end: end, options: TSPOptions(seed: UInt64(seed)))
        let middle = (0..<n).filter { $0 != start && $0 != end }
        let optimum = TSPTestData.bruteForcePath(first: start, middle: middle, last: end, costs: costs)
        #expect(path.nodes.first == start)
        #expect(path.nodes.last == end)
        #expect(TSPTestData.isPermutation(path.nodes, of: n))
        #expect(abs(TSPTestData.walk(path.nodes, costs, closed: false) - path.cost) < 1e-9)
        #expect(abs(path.cost - optimum) < 1e-9, "n=\(n) \(start)→\(end): found \(path.cost), optimum \(optimum)")
    }

    @Test
    func openPathWithEqualEndpointsIsAClosedTourFromThatNode() throws {
        var random = SplitMix64(seed: 41)
        let costs = TSPTestData.euclidean(count: 8, random: &random)
        let path = try TSPSolver.openPath(costs: costs, start: 3, end: 3)
        let optimum = TSPTestData.bruteForcePath(first: 0, middle: Array(1..<8), last: nil, costs: costs)
        #expect(path.nodes.first == 3 && path.nodes.last == 3)
        #expect(TSPTestData.isPermutation(Array(path.nodes.dropLast()), of: 8))
        #expect(abs(path.cost - optimum) < 1e-9)
    }

    @Test(arguments: TSPConstruction.allCases)
    func everyConstructionYieldsAPermutationThatSearchDoesNotLengthen(_ construction: TSPConstruction) throws {
        for (seed, symmetric) in [(5, true), (6, false)] {
            var random = SplitMix64(seed: UInt64(seed))
            let costs = symmetric
                ? TSPTestData.euclidean(count: 60, random: &random)
                : TSPTestData.asymmetric(count: 60, random: &random)
            let matrix = try TSPCostMatrix(validating: costs)
            let start = TSPConstructionHeuristics.build(construction, costs: matrix)
            #expect(TSPTestData.isPermutation(start, of: 60))
            let tour = try TSPSolver.closedTour(costs: costs, options: TSPOptions(construction: construction, kicks: 200))
            #expect(TSPTestData.isPermutation(tour.nodes, of: 60))
            #expect(tour.nodes.first == 0)
            #expect(tour.cost <= TSPTestData.walk(start, costs, closed: true) + 1e-9)
        }
    }

    @Test
    func sameSeedGivesTheSameTour() throws {
        var random = SplitMix64(seed: 77)
        let costs = TSPTestData.euclidean(count: 80, random: &random)
        let options = TSPOptions(kicks: 500, seed: 9)
        let first = try TSPSolver.closedTour(costs: costs, options: options)
        let second = try TSPSolver.closedTour(costs: costs, options: options)
        #expect(first == second)
    }

    @Test
    func iteratedSearchBeatsPlainConstructionOnLargerInstance() throws {
        var random = SplitMix64(seed: 99)
        let costs = TSPTestData.euclidean(count: 120, random: &random)
        let matrix = try TSPCostMatrix(validating: costs)
        let nearest = TSPConstructionHeuristics.nearestNeighbour(matrix)
        let tour = try TSPSolver.closedTour(costs: costs, options: TSPOptions(construction: .nearestNeighbour, kicks: 2_000))
        // Nearest neighbour is typically 20–25 % above optimum; the search should remove most of that.
        #expect(tour.cost < 0.9 * TSPTestData.walk(nearest, costs, closed: true))
    }

    @Test
    func badMatricesAreRejectedWithTheirPosition() {
        #expect(throws: TSPError.emptyMatrix) { try TSPSolver.closedTour(costs: []) }
        #expect(throws: TSPError.notSquare(row: 1, count: 1, expected: 2)) {
            try TSPSolver.closedTour(costs: [[0, 1], [1]])
        }
        #expect(throws: TSPError.invalidCost(from: 0, to: 1, value: .infinity)) {
            try TSPSolver.closedTour(costs: [[0, .infinity], [1, 0]])
        }
        #expect(throws: TSPError.endpointOutOfRange(node: 5, nodeCount: 2)) {
            try TSPSolver.openPath(costs: [[0, 1], [1, 0]], start: 0, end: 5)
        }
    }

    @Test
    func tinyInstancesAreSolved() throws {
        #expect(try TSPSolver.closedTour(costs: [[0]]).nodes == [0])
        let path = try TSPSolver.openPath(costs: [[0, 2], [3, 0]], start: 1, end: 0)
        #expect(path.nodes == [1, 0])
        #expect(path.cost == 3)
        // Three nodes, asymmetric: only one direction round is cheap.
        let tour = try TSPSolver.closedTour(costs: [[0, 1, 9], [9, 0, 1], [1, 9, 0]])
        #expect(tour.nodes == [0, 1, 2])
        #expect(tour.cost == 3)
    }
}
