import Base
import Foundation
import Geo
import Solvers
import Streets

/// The budgeted sweep's choice of street groups against the best choice, found by trying subsets in order
/// of value. Both sides price a set of groups with the same evaluator (`BudgetedSweep.pricingRouter`), the
/// one the sweep's own choices rest on, so the gap measured is that of the selection heuristic alone, not
/// of the coverage solver. For the tests and `patrol-bench budgeted`; planning never calls it.
public enum BudgetedSweepGap {
    /// A budgeted sweep: a connected run of a patch's street groups, a start among them, a value per edge,
    /// and a budget below the time of sweeping them all.
    public struct Instance: Sendable {
        public let patchID: String
        public let requiredEdges: [Int]
        public let start: Int
        public let values: [Int: Double]
        public let groupCount: Int
        /// The evaluator's tour over every group.
        public let fullDurationSeconds: Double
        public let budgetSeconds: Double
    }

    /// A chosen set of groups, as the evaluator prices it.
    public struct Choice: Sendable {
        public let value: Double
        public let durationSeconds: Double
        /// Tours the choice cost (the heuristic's distinct candidates; the subsets the exhaustive search priced).
        public let evaluations: Int
    }

    /// `count` instances from the area's patches with streets, each of `minGroups...maxGroups` groups and a budget
    /// drawn between 30 % and 90 % of its full sweep. The same seed gives the same instances.
    public static func instances(area: Area, network: StreetNetwork, router: SweepRouter, count: Int, seed: UInt64,
                                 minGroups: Int, maxGroups: Int) throws -> [Instance] {
        let projection = try Projection.bng()
        let context = try GEOSContext()
        var patches: [PatchStreets] = []
        for patch in area.patches {
            let streets = try PatchStreets.select(patch: patch, network: network, projection: projection, context: context)
            if !streets.isEmpty { patches.append(streets) }
        }
        guard !patches.isEmpty, minGroups >= 1, minGroups <= maxGroups else { return [] }
        let quick = BudgetedSweep.pricingRouter(router)
        var random = SplitMix64(seed: seed)
        var found: [Instance] = []
        var attempts = 0
        while found.count < count, attempts < count * 50 {
            attempts += 1
            let streets = patches[Int(random.next() % UInt64(patches.count))]
            let target = minGroups + Int(random.next() % UInt64(maxGroups - minGroups + 1))
            guard let edges = connectedRun(of: streets.requiredEdges, groups: target, network: network, random: &random) else { continue }
            let start = DayPlanner.centralNode(
                of: PatchStreets(patchID: streets.patchID, requiredEdges: edges, scanPaths: [], requiredLengthMetres: 0),
                network: network)
            // Streets the pair could not drive back from are never swept: leave them out of the instance.
            let reachable = quick.reachable(edges, from: start).reachable
            let unit = Dictionary(uniqueKeysWithValues: reachable.map { ($0, 1.0) })
            let groupCount = BudgetedSweep.groups(network: network, edges: reachable, values: unit).count
            guard (minGroups...maxGroups).contains(groupCount) else { continue }
            let nodes = reachable.flatMap { [network.edges[$0].fromNode, network.edges[$0].toNode] }
            var attractors: [(point: GridPoint, weight: Double)] = []
            for _ in 0..<(1 + Int(random.next() % 3)) {
                attractors.append((network.nodePoints[nodes[Int(random.next() % UInt64(nodes.count))]], 0.5 + 2.5 * random.unit()))
            }
            let values = BudgetedSweep.edgeValues(network: network, edges: reachable, attractors: attractors)
            let full = try quick.tour(requiredEdges: reachable, from: start).durationSeconds
            guard full > 0 else { continue }
            let budget = full * (0.3 + 0.6 * random.unit())
            found.append(Instance(patchID: streets.patchID, requiredEdges: reachable, start: start, values: values,
                                  groupCount: groupCount, fullDurationSeconds: full, budgetSeconds: budget))
        }
        return found
    }

    /// The budgeted sweep's own choice, run as the planner runs it.
    public static func heuristic(_ instance: Instance, router: SweepRouter, network: StreetNetwork) throws -> Choice {
        let result = try BudgetedSweep(router: router, network: network)
            .solve(requiredEdges: instance.requiredEdges, start: instance.start, budgetSeconds: instance.budgetSeconds,
                   values: instance.values)
        let priced = result.covered.isEmpty ? 0 : try BudgetedSweep.pricingRouter(router)
            .tour(requiredEdges: result.covered, from: instance.start).durationSeconds
        return Choice(value: result.value, durationSeconds: priced, evaluations: result.evaluations)
    }

    /// The best set of groups whose evaluator tour fits the budget: subsets in order of falling value, the
    /// first that fits. Exact for the evaluator, whether or not its tours grow with the set.
    public static func optimum(_ instance: Instance, router: SweepRouter, network: StreetNetwork) throws -> Choice {
        let groups = BudgetedSweep.groups(network: network, edges: instance.requiredEdges, values: instance.values)
        let quick = BudgetedSweep.pricingRouter(router)
        let optimum = try BudgetedSelection.exhaustive(values: groups.map(\.value), budgetSeconds: instance.budgetSeconds) { chosen in
            let edges = groups.indices.filter { chosen[$0] }.flatMap { groups[$0].edges }
            return try quick.tour(requiredEdges: edges, from: instance.start).durationSeconds
        }
        return Choice(value: optimum.value, durationSeconds: optimum.durationSeconds, evaluations: optimum.evaluations)
    }

    /// A connected run of whole street groups of the patch (groups touching at a junction), grown at random from
    /// one group; nil when the group it starts from has too few neighbours to reach `groups`.
    static func connectedRun(of edges: [Int], groups target: Int, network: StreetNetwork, random: inout SplitMix64) -> [Int]? {
        let unit = Dictionary(uniqueKeysWithValues: edges.map { ($0, 1.0) })
        let groups = BudgetedSweep.groups(network: network, edges: edges, values: unit)
        guard groups.count >= target else { return nil }
        var groupsAtNode: [Int: [Int]] = [:]
        for (index, group) in groups.enumerated() {
            for edge in group.edges {
                for node in Set([network.edges[edge].fromNode, network.edges[edge].toNode]) { groupsAtNode[node, default: []].append(index) }
            }
        }
        var chosen: Set<Int> = [Int(random.next() % UInt64(groups.count))]
        var frontier: Set<Int> = []
        func reach(from index: Int) {
            for edge in groups[index].edges {
                for node in [network.edges[edge].fromNode, network.edges[edge].toNode] {
                    for other in groupsAtNode[node] ?? [] where !chosen.contains(other) { frontier.insert(other) }
                }
            }
        }
        reach(from: chosen.first!)
        while chosen.count < target {
            guard !frontier.isEmpty else { return nil }
            let next = frontier.sorted()[Int(random.next() % UInt64(frontier.count))]
            frontier.remove(next)
            chosen.insert(next)
            reach(from: next)
        }
        return chosen.sorted().flatMap { groups[$0].edges }
    }
}
