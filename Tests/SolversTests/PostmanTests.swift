import Base
import Testing
@testable import Solvers

/// A random connected graph: a random spanning tree plus extra edges, integer costs.
private func randomGraph(_ rng: inout SplitMix64, nodes n: Int, extra: Int, required: Int) -> [WeightedEdge] {
    var edges: [WeightedEdge] = []
    for v in 1..<n { edges.append(WeightedEdge(rng.int(0...(v - 1)), v, cost: Double(rng.int(1...20)), required: false)) }
    for _ in 0..<extra {
        let u = rng.int(0...(n - 1)), v = rng.int(0...(n - 1))
        if u != v { edges.append(WeightedEdge(u, v, cost: Double(rng.int(1...20)), required: false)) }
    }
    var indices = Array(edges.indices)
    indices.shuffle(using: &rng)
    for i in indices.prefix(required) { edges[i].required = true }
    return edges
}

/// Walks an undirected tour; returns its cost, or nil when it is not a closed walk covering all required edges.
private func walk(_ tour: UndirectedTour, _ edges: [WeightedEdge]) -> Double? {
    var at = tour.start
    var covered = Set<Int>()
    var cost = 0.0
    for step in tour.steps {
        let e = edges[step.element]
        let (from, to) = step.forward ? (e.u, e.v) : (e.v, e.u)
        if from != at { return nil }
        at = to
        cost += e.cost
        covered.insert(step.element)
    }
    if at != tour.start { return nil }
    if edges.indices.contains(where: { edges[$0].required && !covered.contains($0) }) { return nil }
    return cost
}

/// Problems with a mixed tour: a gap between consecutive traversals, an open end, a missed required
/// element, or a cost that does not add up. Arcs are walked only from their tail to their head.
func tourProblems(_ tour: PostmanTour, _ instance: PostmanInstance) -> [String] {
    var problems: [String] = []
    var at = tour.start
    var arcs = Set<Int>(), edges = Set<Int>()
    var cost = 0.0
    for (i, t) in tour.traversals.enumerated() {
        let (from, to) = instance.endpoints(t)
        if from != at { problems.append("traversal \(i) \(t) starts at \(from), walk is at \(at)") }
        at = to
        cost += instance.cost(t)
        switch t {
        case .arc(let a): arcs.insert(a)
        case .edge(let e, _): edges.insert(e)
        }
    }
    if at != tour.start { problems.append("ends at \(at), not \(tour.start)") }
    if let depot = instance.depot, tour.start != depot { problems.append("starts at \(tour.start), not the depot \(depot)") }
    for (i, a) in instance.arcs.enumerated() where a.required && !arcs.contains(i) { problems.append("arc \(i) missed") }
    for (i, e) in instance.edges.enumerated() where e.required && !edges.contains(i) { problems.append("edge \(i) missed") }
    if abs(cost - tour.cost) > 1e-6 { problems.append("cost \(tour.cost) but walk sums to \(cost)") }
    if tour.services.filter({ $0 }).count != instance.arcs.filter(\.required).count + instance.edges.filter(\.required).count {
        problems.append("service flags do not mark each required element once")
    }
    return problems
}

@Test func undirectedChinesePostmanEqualsBruteForceOnTinyGraphs() throws {
    var rng = SplitMix64(seed: 21)
    for trial in 0..<60 {
        let n = rng.int(2...6)
        let edges = randomGraph(&rng, nodes: n, extra: rng.int(0...5), required: 0)
        let all = edges.map { WeightedEdge($0.u, $0.v, cost: $0.cost, required: true) }
        let tour = try UndirectedRuralPostman.chinesePostman(nodeCount: n, edges: all)
        let expected = try #require(BruteForce.undirectedRuralPostman(nodeCount: n, edges: all, maxCopies: 1))
        #expect(walk(tour, all) == expected, "trial \(trial)")
    }
}

@Test func ruralPostmanEqualsBruteForceOnTinyInstances() throws {
    var rng = SplitMix64(seed: 22)
    var equal = 0
    var worstGap = 0.0
    let trials = 80
    for trial in 0..<trials {
        let n = rng.int(4...7)
        let edges = randomGraph(&rng, nodes: n, extra: rng.int(1...4), required: rng.int(2...8))
        let depot: Int? = trial % 3 == 0 ? rng.int(0...(n - 1)) : nil
        let tour = try UndirectedRuralPostman.solve(nodeCount: n, edges: edges, depot: depot)
        let cost = try #require(walk(tour, edges), "trial \(trial): infeasible tour")
        if let depot { #expect(tour.start == depot) }
        let optimum = try #require(BruteForce.undirectedRuralPostman(nodeCount: n, edges: edges, depot: depot))
        #expect(cost >= optimum - 1e-9, "trial \(trial): below the brute-force optimum")
        if abs(cost - optimum) < 1e-9 { equal += 1 }
        worstGap = max(worstGap, (cost - optimum) / optimum)
    }
    #expect(equal >= trials * 95 / 100, "optimal on \(equal) of \(trials); worst gap \(worstGap)")
    #expect(worstGap <= 0.10)
}

@Test func directedChinesePostmanEqualsBruteForceOnTinyGraphs() throws {
    var rng = SplitMix64(seed: 23)
    for trial in 0..<50 {
        let n = rng.int(2...5)
        // A few closed walks through node 0: strongly connected on the nodes they touch.
        var arcs: [(from: Int, to: Int, cost: Double)] = []
        for _ in 0..<rng.int(1...3) {
            var at = 0
            for _ in 0..<rng.int(1...3) {
                let to = rng.int(0...(n - 1))
                if to != at { arcs.append((at, to, Double(rng.int(1...9)))) }
                at = to
            }
            if at != 0 { arcs.append((at, 0, Double(rng.int(1...9)))) }
        }
        if arcs.isEmpty { continue }
        let tour = try DirectedChinesePostman.solve(nodeCount: n, arcs: arcs, start: 0)
        let instance = PostmanInstance(nodeCount: n, arcs: arcs.map { .init(from: $0.from, to: $0.to, cost: $0.cost, required: true) }, depot: 0)
        #expect(tourProblems(tour, instance).isEmpty, "trial \(trial)")
        let optimum = try #require(BruteForce.directedRuralPostman(nodeCount: n, arcs: instance.arcs, depot: 0, maxCopies: 3))
        #expect(abs(tour.cost - optimum) < 1e-9, "trial \(trial): \(tour.cost) vs \(optimum)")
    }
}

/// A random mixed street graph: a connected two-way skeleton, some streets one-way, some required.
func randomStreets(_ rng: inout SplitMix64, nodes n: Int, oneWayShare: Double) -> PostmanInstance {
    var instance = PostmanInstance(nodeCount: n)
    var pairs: [(Int, Int)] = []
    for v in 1..<n { pairs.append((rng.int(0...(v - 1)), v)) }
    for _ in 0..<(n / 2 + 1) {
        let u = rng.int(0...(n - 1)), v = rng.int(0...(n - 1))
        if u != v { pairs.append((u, v)) }
    }
    for (u, v) in pairs {
        let cost = Double(rng.int(1...30))
        let required = rng.next() % 2 == 0
        if Double(rng.next() % 1000) / 1000 < oneWayShare {
            // One-way in a random direction, with a way back so the graph stays strongly connected.
            let (a, b) = rng.next() % 2 == 0 ? (u, v) : (v, u)
            instance.arcs.append(.init(from: a, to: b, cost: cost, required: required))
            instance.arcs.append(.init(from: b, to: a, cost: cost + Double(rng.int(0...10)), required: false))
        } else {
            instance.edges.append(.init(u, v, cost: cost, required: required))
        }
    }
    if !instance.arcs.contains(where: \.required) && !instance.edges.contains(where: \.required) {
        instance.edges[0].required = true
    }
    instance.depot = rng.int(0...(n - 1))
    return instance
}

@Test func everyPostmanTourIsClosedAtTheDepotCoversAllAndDrivesOneWaysForwards() throws {
    var rng = SplitMix64(seed: 24)
    for trial in 0..<120 {
        let instance = randomStreets(&rng, nodes: rng.int(3...25), oneWayShare: [0, 0.3, 0.7, 1][trial % 4])
        let tour = try MixedRuralPostman.solve(instance)
        #expect(tourProblems(tour, instance).isEmpty, "trial \(trial): \(tourProblems(tour, instance))")
        #expect(tour.start == instance.depot)
    }
}

@Test func directedRuralPostmanIsNearTheBruteForceOptimum() throws {
    var rng = SplitMix64(seed: 25)
    var equal = 0
    var total = 0
    var worstGap = 0.0
    for trial in 0..<40 {
        let n = rng.int(3...5)
        var arcs: [PostmanInstance.Arc] = []
        for v in 1..<n {
            let u = rng.int(0...(v - 1))
            arcs.append(.init(from: u, to: v, cost: Double(rng.int(1...9)), required: rng.next() % 2 == 0))
            arcs.append(.init(from: v, to: u, cost: Double(rng.int(1...9)), required: rng.next() % 3 == 0))
        }
        if !arcs.contains(where: \.required) { arcs[0].required = true }
        let instance = PostmanInstance(nodeCount: n, arcs: arcs, depot: 0)
        let tour = try MixedRuralPostman.solve(instance)
        #expect(tourProblems(tour, instance).isEmpty, "trial \(trial)")
        let optimum = try #require(BruteForce.directedRuralPostman(nodeCount: n, arcs: arcs, depot: 0, maxCopies: 2))
        #expect(tour.cost >= optimum - 1e-9)
        total += 1
        if abs(tour.cost - optimum) < 1e-9 { equal += 1 }
        worstGap = max(worstGap, (tour.cost - optimum) / optimum)
    }
    #expect(equal >= total * 95 / 100, "optimal on \(equal) of \(total); worst gap \(worstGap)")
    #expect(worstGap <= 0.05, "worst gap \(worstGap)")
}

/// Mixed instances (two-way edges and one-way arcs) against the brute-force optimum: every orientation of the
/// required edges, each edge otherwise free to be driven either way, solved as a directed rural postman.
@Test func mixedRuralPostmanIsNearTheBruteForceOptimum() throws {
    var rng = SplitMix64(seed: 27)
    var equal = 0
    var total = 0
    var worstGap = 0.0
    for trial in 0..<40 {
        let n = rng.int(3...4)
        var instance = PostmanInstance(nodeCount: n, depot: 0)
        var links = (1..<n).map { v in (rng.int(0...(v - 1)), v) }
        links.append((0, n - 1))
        for (u, v) in links {
            if rng.next() % 2 == 0 {
                instance.edges.append(.init(u, v, cost: Double(rng.int(1...9)), required: rng.next() % 2 == 0))
            } else {
                instance.arcs.append(.init(from: u, to: v, cost: Double(rng.int(1...9)), required: rng.next() % 2 == 0))
                instance.arcs.append(.init(from: v, to: u, cost: Double(rng.int(1...9)), required: rng.next() % 3 == 0))
            }
        }
        if !instance.arcs.contains(where: \.required) && !instance.edges.contains(where: \.required) {
            if instance.edges.isEmpty { instance.arcs[0].required = true } else { instance.edges[0].required = true }
        }
        let tour = try MixedRuralPostman.solve(instance)
        #expect(tourProblems(tour, instance).isEmpty, "trial \(trial)")
        let requiredEdges = instance.edges.indices.filter { instance.edges[$0].required }
        var optimum = Double.infinity
        for mask in 0..<(1 << requiredEdges.count) {
            var arcs = instance.arcs
            for (i, e) in instance.edges.enumerated() {
                let k = requiredEdges.firstIndex(of: i)
                let backwards = k.map { mask & (1 << $0) != 0 } ?? false
                arcs.append(.init(from: e.u, to: e.v, cost: e.cost, required: k != nil && !backwards))
                arcs.append(.init(from: e.v, to: e.u, cost: e.cost, required: k != nil && backwards))
            }
            if let value = BruteForce.directedRuralPostman(nodeCount: n, arcs: arcs, depot: 0, maxCopies: 2) {
                optimum = min(optimum, value)
            }
        }
        #expect(optimum < .infinity, "trial \(trial): brute force found nothing")
        let bound = try #require(try MixedRuralPostman.balanceLowerBound(instance))
        #expect(bound <= optimum + 1e-9, "trial \(trial): lower bound \(bound) above the optimum \(optimum)")
        #expect(tour.cost >= optimum - 1e-9, "trial \(trial): \(tour.cost) below the optimum \(optimum)")
        total += 1
        if abs(tour.cost - optimum) < 1e-9 { equal += 1 }
        worstGap = max(worstGap, (tour.cost - optimum) / optimum)
    }
    #expect(equal >= total * 90 / 100, "optimal on \(equal) of \(total); worst gap \(worstGap)")
}

/// With every arc required and no edges, the balance bound is the directed Chinese postman optimum itself.
@Test func balanceLowerBoundIsExactForTheDirectedChinesePostman() throws {
    var rng = SplitMix64(seed: 28)
    for trial in 0..<30 {
        let n = rng.int(3...9)
        var arcs: [(from: Int, to: Int, cost: Double)] = (0..<n).map { ($0, ($0 + 1) % n, Double(rng.int(1...20))) }
        for _ in 0..<rng.int(0...(2 * n)) {
            let a = rng.int(0...(n - 1)), b = rng.int(0...(n - 1))
            if a != b { arcs.append((a, b, Double(rng.int(1...20)))) }
        }
        let tour = try DirectedChinesePostman.solve(nodeCount: n, arcs: arcs, start: 0)
        let instance = PostmanInstance(nodeCount: n, arcs: arcs.map { .init(from: $0.from, to: $0.to, cost: $0.cost, required: true) }, depot: 0)
        let bound = try #require(try MixedRuralPostman.balanceLowerBound(instance))
        #expect(abs(bound - tour.cost) < 1e-9, "trial \(trial): bound \(bound), tour \(tour.cost)")
    }
}

@Test func sameInputGivesTheSameTour() throws {
    var rng = SplitMix64(seed: 26)
    for _ in 0..<4 {
        let instance = randomStreets(&rng, nodes: 25, oneWayShare: 0.3)
        #expect(try MixedRuralPostman.solve(instance) == MixedRuralPostman.solve(instance))
        let edges = randomGraph(&rng, nodes: 25, extra: 15, required: 14)
        #expect(try UndirectedRuralPostman.solve(nodeCount: 25, edges: edges) == UndirectedRuralPostman.solve(nodeCount: 25, edges: edges))
    }
}

@Test func unreachableRequiredEdgesAreNamed() {
    // Nodes 0-1-2 connected; edge 3 (3-4) is required but in another piece.
    let edges = [WeightedEdge(0, 1, cost: 1), WeightedEdge(1, 2, cost: 1, required: false),
                 WeightedEdge(2, 0, cost: 1), WeightedEdge(3, 4, cost: 1)]
    #expect(throws: SolverError.unreachableRequired(arcs: [], edges: [3])) {
        try UndirectedRuralPostman.solve(nodeCount: 5, edges: edges, depot: 0)
    }
    // A required one-way into node 2 with no way out: it cannot be part of a closed walk.
    let instance = PostmanInstance(nodeCount: 3,
                                   arcs: [.init(from: 1, to: 2, cost: 1, required: true)],
                                   edges: [.init(0, 1, cost: 1, required: true)], depot: 0)
    #expect(throws: SolverError.unreachableRequired(arcs: [0], edges: [])) { try MixedRuralPostman.solve(instance) }
    #expect(throws: SolverError.nothingRequired) {
        try MixedRuralPostman.solve(PostmanInstance(nodeCount: 2, edges: [.init(0, 1, cost: 1, required: false)]))
    }
    #expect(throws: SolverError.self) {
        try MixedRuralPostman.solve(PostmanInstance(nodeCount: 2, edges: [.init(0, 5, cost: 1, required: true)]))
    }
}

@Test func oneWayLeavingThePatchReturnsThroughTheOutsideNetwork() throws {
    // Patch: 0-1 two-way (required); one-way 1→2 required leaves the patch; the way back is 2→3→0 outside.
    let instance = PostmanInstance(nodeCount: 4,
                                   arcs: [.init(from: 1, to: 2, cost: 2, required: true),
                                          .init(from: 2, to: 3, cost: 5, required: false),
                                          .init(from: 3, to: 0, cost: 5, required: false)],
                                   edges: [.init(0, 1, cost: 3, required: true)], depot: 0)
    let tour = try MixedRuralPostman.solve(instance)
    #expect(tourProblems(tour, instance).isEmpty)
    #expect(tour.cost == 3 + 2 + 5 + 5)
    #expect(tour.traversals.contains(.arc(1)) && tour.traversals.contains(.arc(2)))
}
