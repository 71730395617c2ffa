import Testing
@testable import Base

@Suite struct StrongComponentsTests {
    /// A random digraph on `nodeCount` nodes, with loops and parallel arcs allowed.
    func randomArcs(nodeCount: Int, arcCount: Int, seed: UInt64) -> [(from: Int, to: Int)] {
        var random = SplitMix64(seed: seed)
        return (0..<arcCount).map { _ in (random.below(nodeCount), random.below(nodeCount)) }
    }

    /// Who reaches whom, by the transitive closure (Floyd–Warshall on booleans).
    func reachability(nodeCount n: Int, arcs: [(from: Int, to: Int)]) -> [[Bool]] {
        var reach = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
        for v in 0..<n { reach[v][v] = true }
        for arc in arcs { reach[arc.from][arc.to] = true }
        for k in 0..<n { for i in 0..<n where reach[i][k] { for j in 0..<n where reach[k][j] { reach[i][j] = true } } }
        return reach
    }

    @Test(arguments: 0..<40)
    func componentsAreTheClassesOfMutualReachability(seed: Int) {
        let nodeCount = 1 + seed % 13
        let arcs = randomArcs(nodeCount: nodeCount, arcCount: seed % 29, seed: UInt64(seed))
        let reach = reachability(nodeCount: nodeCount, arcs: arcs)
        let components = StrongComponents(nodeCount: nodeCount, arcs: arcs)
        #expect(components.component.count == nodeCount)
        #expect(Set(components.component) == Set(0..<components.count))
        for i in 0..<nodeCount {
            for j in 0..<nodeCount {
                #expect((components.component[i] == components.component[j]) == (reach[i][j] && reach[j][i]))
            }
        }
    }

    @Test(arguments: 0..<40)
    func numberingIsReverseTopological(seed: Int) {
        let nodeCount = 2 + seed % 11
        let arcs = randomArcs(nodeCount: nodeCount, arcCount: 2 * nodeCount, seed: 1_000 + UInt64(seed))
        let component = StrongComponents(nodeCount: nodeCount, arcs: arcs).component
        // Tarjan closes a component only after every component it reaches.
        for arc in arcs { #expect(component[arc.from] >= component[arc.to]) }
    }

    @Test func compressedAndArcListFormsAgree() {
        let arcs = randomArcs(nodeCount: 30, arcCount: 45, seed: 99)
        var successorStart = [Int32](repeating: 0, count: 31)
        var successors: [Int32] = []
        for node in 0..<30 {
            successors += arcs.filter { $0.from == node }.map { Int32($0.to) }
            successorStart[node + 1] = Int32(successors.count)
        }
        let compressed = StrongComponents(successorStart: successorStart, successors: successors)
        let listed = StrongComponents(nodeCount: 30, arcs: arcs)
        #expect(compressed.component == listed.component)
        #expect(compressed.count == listed.count)
    }

    @Test func aLongChainDoesNotOverflowTheStack() {
        // Recursion 200,000 deep would overflow; the search keeps its own stack.
        let count = 200_000
        let ring: [(from: Int, to: Int)] = (0..<count).map { ($0, ($0 + 1) % count) }
        #expect(StrongComponents(nodeCount: count, arcs: ring).count == 1)
        #expect(StrongComponents(nodeCount: count, arcs: Array(ring.dropLast())).count == count)
    }

    @Test func noNodesGiveNoComponents() {
        let components = StrongComponents(nodeCount: 0, arcs: [])
        #expect(components.component.isEmpty && components.count == 0)
    }
}
