import Base
import Testing
@testable import Solvers

/// Several random closed walks through node 0: connected, and balanced as a directed graph.
private func randomClosedWalks(_ rng: inout SplitMix64, nodes: Int, walks: Int) -> [(Int, Int)] {
    var arcs: [(Int, Int)] = []
    for _ in 0..<walks {
        var at = 0
        for _ in 0..<rng.int(2...8) {
            let to = rng.int(0...(nodes - 1))
            arcs.append((at, to))
            at = to
        }
        arcs.append((at, 0))
    }
    return arcs
}

@Test func undirectedEulerCircuitUsesEveryEdgeOnceAndCloses() throws {
    var rng = SplitMix64(seed: 11)
    for _ in 0..<200 {
        let n = rng.int(2...9)
        let edges = randomClosedWalks(&rng, nodes: n, walks: rng.int(1...4))
        let circuit = try EulerCircuit.undirected(nodeCount: n, edges: edges, start: 0)
        #expect(circuit.count == edges.count)
        #expect(Set(circuit.map(\.element)).count == edges.count)
        var at = 0
        for step in circuit {
            let e = edges[step.element]
            let (from, to) = step.forward ? (e.0, e.1) : (e.1, e.0)
            #expect(from == at)
            at = to
        }
        #expect(at == 0)
    }
}

@Test func directedEulerCircuitUsesEveryArcOnceInItsDirection() throws {
    var rng = SplitMix64(seed: 12)
    for _ in 0..<200 {
        let n = rng.int(2...9)
        let arcs = randomClosedWalks(&rng, nodes: n, walks: rng.int(1...4))
        let circuit = try EulerCircuit.directed(nodeCount: n, arcs: arcs, start: 0)
        #expect(circuit.sorted() == Array(arcs.indices))
        var at = 0
        for a in circuit {
            #expect(arcs[a].0 == at)
            at = arcs[a].1
        }
        #expect(at == 0)
    }
}

@Test func mixedEulerCircuitOrientsEdgesAndUsesEverythingOnce() throws {
    var rng = SplitMix64(seed: 13)
    for _ in 0..<200 {
        let n = rng.int(2...9)
        var arcs: [(Int, Int)] = []
        var edges: [(Int, Int)] = []
        for a in randomClosedWalks(&rng, nodes: n, walks: rng.int(1...4)) {
            // Hide the direction of about half the arcs; swap endpoints at random.
            if rng.next() % 2 == 0 {
                edges.append(rng.next() % 2 == 0 ? a : (a.1, a.0))
            } else {
                arcs.append(a)
            }
        }
        let circuit = try EulerCircuit.mixed(nodeCount: n, arcs: arcs, edges: edges, start: 0)
        #expect(circuit.count == arcs.count + edges.count)
        #expect(Set(circuit).count == circuit.count)
        var at = 0
        for t in circuit {
            switch t {
            case .arc(let i):
                #expect(arcs[i].0 == at)
                at = arcs[i].1
            case .edge(let i, let forward):
                let (from, to) = forward ? edges[i] : (edges[i].1, edges[i].0)
                #expect(from == at)
                at = to
            }
        }
        #expect(at == 0)
    }
}

@Test func eulerCircuitRejectsOddDegreeAndImbalance() {
    #expect(throws: SolverError.self) { try EulerCircuit.undirected(nodeCount: 3, edges: [(0, 1), (1, 2)], start: 0) }
    #expect(throws: SolverError.self) { try EulerCircuit.directed(nodeCount: 2, arcs: [(0, 1), (0, 1)], start: 0) }
    // Two one-way arcs into node 1 cannot be balanced by the single edge.
    #expect(throws: SolverError.self) {
        try EulerCircuit.mixed(nodeCount: 3, arcs: [(0, 1), (2, 1)], edges: [(0, 2)], start: 0)
    }
}
