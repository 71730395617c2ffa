import Base
import Testing
@testable import Solvers

/// A random strongly connected directed graph: a ring both ways plus random chords.
private func randomNetwork(_ rng: inout SplitMix64, nodes n: Int) -> [(from: Int, to: Int, cost: Double)] {
    var arcs: [(from: Int, to: Int, cost: Double)] = []
    for v in 0..<n {
        arcs.append((v, (v + 1) % n, Double(rng.int(1...20))))
        arcs.append(((v + 1) % n, v, Double(rng.int(1...20))))
    }
    for _ in 0..<(2 * n) {
        let a = rng.int(0...(n - 1)), b = rng.int(0...(n - 1))
        if a != b { arcs.append((a, b, Double(rng.int(1...20)))) }
    }
    return arcs
}

/// The minimum cost of meeting `supply` (positive = sends) from scratch, by the transportation-free
/// successive-shortest-path solver on the network itself with a super source and sink.
private func freshOptimum(nodes n: Int, arcs: [(from: Int, to: Int, cost: Double)], supply: [Int]) -> Double? {
    let total = supply.filter { $0 > 0 }.reduce(0, +)
    var mcf = MinCostFlow(nodeCount: n + 2)
    for a in arcs { mcf.addArc(a.from, a.to, capacity: total, cost: a.cost) }
    for v in 0..<n where supply[v] > 0 { mcf.addArc(n, v, capacity: supply[v], cost: 0) }
    for v in 0..<n where supply[v] < 0 { mcf.addArc(v, n + 1, capacity: -supply[v], cost: 0) }
    let (sent, cost) = mcf.solve(from: n, to: n + 1, amount: total)
    return sent == total ? cost : nil
}

@Test func sendingMoreThroughTheResidualNetworkKeepsTheFlowOptimal() throws {
    var rng = SplitMix64(seed: 4040)
    for trial in 0..<60 {
        let n = rng.int(4...14)
        let arcs = randomNetwork(&rng, nodes: n)
        var flow = try #require(ResidualFlow(nodeCount: n, arcs: arcs, flow: [Int](repeating: 0, count: arcs.count)))
        var supply = [Int](repeating: 0, count: n)
        for step in 0..<8 {
            let s = rng.int(0...(n - 1)), t = rng.int(0...(n - 1))
            let units = rng.int(1...3)
            let before = flow.cost
            let lowerBound = try #require(flow.marginalCost(from: s, to: t))
            let sent = flow.send(units, from: s, to: t)
            let added = try #require(sent)
            supply[s] += s == t ? 0 : units
            supply[t] -= s == t ? 0 : units
            let optimum = try #require(freshOptimum(nodes: n, arcs: arcs, supply: supply))
            #expect(abs(flow.cost - optimum) < 1e-6, "trial \(trial) step \(step): \(flow.cost) vs fresh \(optimum)")
            #expect(abs(flow.cost - (before + added)) < 1e-6)
            // The first unit's price bounds the average price of several from below.
            #expect(Double(units) * lowerBound <= added + 1e-6 || s == t)
            // The flow itself balances the supplies and its cost is what it says.
            var net = [Int](repeating: 0, count: n)
            for (i, a) in arcs.enumerated() {
                #expect(flow.flow[i] >= 0)
                net[a.from] += flow.flow[i]
                net[a.to] -= flow.flow[i]
            }
            #expect(net == supply)
            let recomputed = zip(arcs, flow.flow).reduce(0.0) { $0 + $1.0.cost * Double($1.1) }
            #expect(abs(recomputed - flow.cost) < 1e-6)
        }
    }
}

@Test func aFlowWithANegativeResidualCycleIsRefused() {
    // Two units around 0→1→0 cost 2 × (3 + 4) and can be cancelled: not a minimum-cost flow.
    let arcs: [(from: Int, to: Int, cost: Double)] = [(0, 1, 3), (1, 0, 4)]
    #expect(ResidualFlow(nodeCount: 2, arcs: arcs, flow: [2, 2]) == nil)
    #expect(ResidualFlow(nodeCount: 2, arcs: arcs, flow: [2, 0]) != nil)
}
