import Base
import Geo
import Streets
import Testing
@testable import Planner

@Suite struct VisitOrderTests {
    /// The order a pair takes its patches (and so their first hotspot watches) is the cheapest round from the
    /// base: equal to brute force over every order, on random starts of the Southampton network.
    @Test func patchOrderIsTheCheapestRoundFromTheBase() throws {
        let area = try Southampton.area()
        let network = try Southampton.network()
        let search = PathSearch(network: network)
        let router = SweepRouter(network: network)
        // Nodes of the largest strongly connected piece, so every round can be driven.
        let nodes = try Southampton.connectedNodes(area: area, network: network)
        var random = SplitMix64(seed: 5)
        for trial in 0..<12 {
            let base = nodes[Int.random(in: 0..<nodes.count, using: &random)]
            let patches = (0..<(2 + trial % 4)).map { _ in
                DayPlanner.PreparedPatch(patch: area.patches[0],
                                         streets: PatchStreets(patchID: "", requiredEdges: [], scanPaths: [], requiredLengthMetres: 0),
                                         hotspots: [], startNode: nodes[Int.random(in: 0..<nodes.count, using: &random)], tour: .empty(at: 0))
            }
            let day = DayRoute(network: network, router: router, search: search, projection: try Projection.bng(),
                               options: PlanOptions(date: try #require(PlanDate("2026-11-25"))), pair: area.pairs[0], baseNode: base,
                               patches: patches, homeVisits: [], snapper: StreetSnapper(network: network), area: area)
            func round(_ order: [Int]) -> Double {
                let stops = [base] + order + [base]
                return zip(stops, stops.dropFirst()).reduce(0) { $0 + search.cost(from: $1.0, to: $1.1) }
            }
            var best = Double.infinity
            func permute(_ rest: [Int], _ prefix: [Int]) {
                if rest.isEmpty { best = min(best, round(prefix)); return }
                for (i, node) in rest.enumerated() {
                    var remaining = rest
                    remaining.remove(at: i)
                    permute(remaining, prefix + [node])
                }
            }
            permute(patches.map(\.startNode), [])
            let chosen = round(day.visitOrder().map(\.startNode))
            #expect(abs(chosen - best) < 1e-6, "trial \(trial): round \(chosen) s, best \(best) s")
            #expect(day.visitOrder().count == patches.count)
        }
    }
}
