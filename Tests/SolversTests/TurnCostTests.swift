import Base
import Testing
@testable import Solvers

@Test func turnAwareCircuitIsNeverWorseThanAPlainCircuit() throws {
    var rng = SplitMix64(seed: 31)
    for trial in 0..<150 {
        let n = rng.int(2...8)
        var arcs: [(Int, Int)] = []
        for _ in 0..<rng.int(1...5) {
            var at = 0
            for _ in 0..<rng.int(1...6) {
                let to = rng.int(0...(n - 1))
                arcs.append((at, to))
                at = to
            }
            arcs.append((at, 0))
        }
        let m = arcs.count
        var table = [Double](repeating: 0, count: m * m)
        for i in table.indices { table[i] = Double(rng.int(0...20)) }
        let penalty = { (a: Int, b: Int) in table[a * m + b] }
        let plain = try EulerCircuit.directed(nodeCount: n, arcs: arcs, start: 0)
        let aware = try TurnAwareEuler.circuit(nodeCount: n, arcs: arcs, start: 0, turnPenalty: penalty)
        #expect(aware.sorted() == Array(0..<m))
        #expect(arcs[aware[0]].0 == 0)
        for i in aware.indices { #expect(arcs[aware[i]].1 == arcs[aware[(i + 1) % m]].0) }
        #expect(TurnAwareEuler.cyclicPenalty(aware, penalty) <= TurnAwareEuler.cyclicPenalty(plain, penalty), "trial \(trial)")
    }
}

/// A 4×4 grid of two-way streets with a cul-de-sac hanging off a corner, all to be swept.
private struct Grid {
    var points: [(x: Double, y: Double)] = []
    var instance = PostmanInstance(nodeCount: 0)

    init() {
        for y in 0..<4 { for x in 0..<4 { points.append((Double(x), Double(y))) } }
        points.append((-1, 0))
        var edges: [PostmanInstance.Edge] = []
        for y in 0..<4 {
            for x in 0..<4 {
                let v = y * 4 + x
                if x < 3 { edges.append(.init(v, v + 1, cost: 10, required: true)) }
                if y < 3 { edges.append(.init(v, v + 4, cost: 10, required: true)) }
            }
        }
        edges.append(.init(0, 16, cost: 10, required: true))
        instance = PostmanInstance(nodeCount: 17, edges: edges, depot: 5)
    }

    func kind(_ a: Traversal, _ b: Traversal) -> TurnKind {
        let (p, q) = instance.endpoints(a)
        let (_, r) = instance.endpoints(b)
        let d1 = (points[q].x - points[p].x, points[q].y - points[p].y)
        let d2 = (points[r].x - points[q].x, points[r].y - points[q].y)
        let cross = d1.0 * d2.1 - d1.1 * d2.0
        let dot = d1.0 * d2.0 + d1.1 * d2.1
        if abs(cross) < 1e-9 { return dot > 0 ? .straight : .uTurn }
        return cross > 0 ? .left : .right
    }

    var model: TurnModel {
        TurnModel(penalty: { a, b in
            switch kind(a, b) {
            case .straight: return 0
            case .left: return 1
            case .right: return 3
            case .uTurn: return 100
            }
        }, kind: { a, b in kind(a, b) })
    }
}

@Test func uTurnsHappenOnlyAtTheDeadEndAndTurnsAreCounted() throws {
    let grid = Grid()
    let tour = try MixedRuralPostman.solve(grid.instance, turns: grid.model)
    #expect(tourProblems(tour, grid.instance).isEmpty)
    var uTurnNodes: [Int] = []
    for i in tour.traversals.indices {
        let a = tour.traversals[i], b = tour.traversals[(i + 1) % tour.traversals.count]
        if grid.kind(a, b) == .uTurn { uTurnNodes.append(grid.instance.endpoints(a).to) }
    }
    #expect(uTurnNodes == [16])
    #expect(tour.turnCounts.values.reduce(0, +) == tour.traversals.count)
    #expect(tour.turnCounts[.uTurn] == 1)
}

@Test func turnModelNeverRaisesThePenaltyOfTheSameRoute() throws {
    var rng = SplitMix64(seed: 32)
    for trial in 0..<30 {
        let instance = randomStreets(&rng, nodes: rng.int(4...20), oneWayShare: 0.3)
        func weight(_ t: Traversal) -> Double {
            switch t {
            case .arc(let i): return Double((i * 7) % 5)
            case .edge(let i, let f): return Double((i * 3 + (f ? 1 : 2)) % 7)
            }
        }
        let model = TurnModel(penalty: { a, b in abs(weight(a) - weight(b)) }, kind: { a, b in weight(a) < weight(b) ? .left : .right })
        let plain = try MixedRuralPostman.solve(instance)
        let aware = try MixedRuralPostman.solve(instance, turns: model)
        #expect(tourProblems(aware, instance).isEmpty)
        #expect(abs(plain.cost - aware.cost) < 1e-9, "trial \(trial): the turn model must not change the streets driven")
        var plainPenalty = 0.0
        for i in plain.traversals.indices {
            plainPenalty += model.penalty(plain.traversals[i], plain.traversals[(i + 1) % plain.traversals.count])
        }
        #expect(aware.turnPenalty <= plainPenalty + 1e-9, "trial \(trial)")
    }
}
