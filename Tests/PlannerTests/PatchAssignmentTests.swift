import Base
import Streets
import Testing
@testable import Planner

/// The adapter between the day plan and the min–max assignment solver: the cost matrix it builds from
/// pairs and patches, the preferences it passes, and the answer mapped back to pairs.
@Suite struct PatchAssignmentTests {
    @Test func everyPatchGoesToOnePairAndAPatchNoPairPrefersStillGoesToSomeone() throws {
        let area = try Southampton.area()
        let network = try Southampton.network()
        let search = PathSearch(network: network)
        // Every patch start and base can be driven to and back from any other.
        let nodes = try Southampton.connectedNodes(area: area, network: network)
        var random = SplitMix64(seed: 11)
        func node() -> Int { nodes[Int.random(in: 0..<nodes.count, using: &random)] }
        // A split half (`polygon-2`) counts as its parent patch for a pair's preferences.
        let patches = ["shirley", "polygon-2", "lordshill"].map { id in
            DayPlanner.PreparedPatch(patch: Patch(id: id, name: id, schools: [], outline: area.patches[0].outline),
                                     streets: PatchStreets(patchID: id, requiredEdges: [], scanPaths: [], requiredLengthMetres: 0),
                                     hotspots: [], startNode: node(), tour: .empty(at: 0))
        }
        let pairs = [Pair(id: "a", baseName: "a", base: area.pairs[0].base, preferredPatches: ["shirley"]),
                     Pair(id: "b", baseName: "b", base: area.pairs[0].base, preferredPatches: ["polygon"])]
        let baseNode = ["a": node(), "b": node()]

        var assignment = PatchAssignment(pairs: pairs, baseNode: baseNode, patches: patches, search: search, area: area)
        #expect(assignment.allowed == [[true, false, false], [false, true, false]])
        for (w, pair) in pairs.enumerated() {
            let base = baseNode[pair.id]!
            for (k, patch) in patches.enumerated() {
                #expect(assignment.daySeconds[w][k] == search.cost(from: base, to: patch.startNode) + search.cost(from: patch.startNode, to: base))
            }
        }
        assignment.openPatchesNoPairPrefers()
        #expect(assignment.allowed == [[true, false, true], [false, true, true]])
        try assignment.checkEveryPatchReachable(pairs: pairs, patches: patches, network: network)

        let assigned = try assignment.patchesOfEachPair(pairs: pairs, patches: patches)
        #expect(assigned.map(\.pair.id) == ["a", "b"])
        #expect(assigned[0].patches.map(\.patch.id).first == "shirley")
        #expect(assigned[1].patches.map(\.patch.id).first == "polygon-2")
        #expect(assigned.flatMap { $0.patches.map(\.patch.id) }.sorted() == ["lordshill", "polygon-2", "shirley"])
    }
}
