import Foundation
import Geo
import Solvers
import Streets

/// When the window is too short to cover every street, choose which streets to cover so as to
/// collect the most value within the time: orienteering on arcs. Streets are taken in groups (a named
/// street's connected run, so a pair never sweeps half a close), valued by length and by nearness to
/// hotspots and schools, and the coverage solver prices every candidate set exactly.
///
/// The choice of groups is `BudgetedSelection`'s search in Solvers; this side holds the geography: the
/// groups, their values, and a candidate set's tour over the street graph with what the search reads off it.
/// The greedy result is the baseline the tests compare against; the gap to the exhaustive optimum on
/// small instances is measured by `BudgetedSweepGap` (docs/tsp-and-orienteering.md).
struct BudgetedSweep {
    struct Group {
        let edges: [Int]
        let value: Double
        let seconds: Double
    }

    struct Result {
        let tour: SweepTour
        let covered: [Int]
        let uncovered: [Int]
        let value: Double
        let greedyValue: Double
        let evaluations: Int
    }

    let router: SweepRouter
    let network: StreetNetwork

    /// Value of each edge: its length, raised near weighted attractors (hotspots, schools).
    static func edgeValues(network: StreetNetwork, edges: [Int], attractors: [(point: GridPoint, weight: Double)]) -> [Int: Double] {
        var values: [Int: Double] = [:]
        for edge in edges {
            let mid = Polyline.midpoint(network.geometry(ofEdge: edge)) ?? network.nodePoints[network.edges[edge].fromNode]
            var boost = 1.0
            for attractor in attractors {
                boost += attractor.weight * exp(-mid.distanceMetres(to: attractor.point) / 250)
            }
            values[edge] = network.edges[edge].lengthMetres * boost
        }
        return values
    }

    /// Groups: connected runs of edges that share a street name (unnamed edges run together too).
    static func groups(network: StreetNetwork, edges: [Int], values: [Int: Double]) -> [Group] {
        var parent = Dictionary(uniqueKeysWithValues: edges.map { ($0, $0) })
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x]! != x {
                parent[x] = parent[parent[x]!]!
                x = parent[x]!
            }
            return x
        }
        var byNodeAndName: [String: Int] = [:]
        for edge in edges {
            let record = network.edges[edge]
            let name = network.name(ofEdge: edge)
            for node in [record.fromNode, record.toNode] {
                let key = "\(node)|\(name)"
                if let other = byNodeAndName[key] {
                    let a = find(edge), b = find(other)
                    if a != b { parent[max(a, b)] = min(a, b) }
                } else {
                    byNodeAndName[key] = edge
                }
            }
        }
        var members: [Int: [Int]] = [:]
        for edge in edges { members[find(edge), default: []].append(edge) }
        return members.keys.sorted().map { root in
            let list = members[root]!.sorted()
            return Group(edges: list, value: list.reduce(0) { $0 + values[$1]! },
                         seconds: list.reduce(0) { $0 + network.edges[$1].durationSeconds })
        }
    }

    /// The evaluator every candidate set is priced with: the router with its improvement capped, so that a
    /// candidate costs a quick solve. A set fits the budget when this evaluator's tour fits.
    static func pricingRouter(_ router: SweepRouter) -> SweepRouter {
        var quick = router
        quick.improvementBudget = min(router.improvementBudget, 50)
        return quick
    }

    func solve(requiredEdges: [Int], start: Int, budgetSeconds: Double, values: [Int: Double], rounds: Int = 12, fillTries: Int = 16) throws -> Result {
        let groups = Self.groups(network: network, edges: requiredEdges, values: values)
        // Candidates are priced with a quick solve; the chosen set gets the full solve at the end.
        let quick = Self.pricingRouter(router)
        let selection = try BudgetedSelection.solve(
            values: groups.map(\.value), ownSeconds: groups.map(\.seconds), budgetSeconds: budgetSeconds,
            rounds: rounds, fillTries: fillTries
        ) { chosen in
            try Self.price(chosen, groups: groups, start: start, router: quick, network: network)
        }
        var tour = selection.priced.tour
        let covered = groups.indices.filter { selection.chosen[$0] }.flatMap { groups[$0].edges }
        if !covered.isEmpty, router.improvementBudget > quick.improvementBudget {
            let polished = try router.tour(requiredEdges: covered, from: start)
            if polished.durationSeconds <= tour.durationSeconds { tour = polished }
        }
        let uncovered = groups.indices.filter { !selection.chosen[$0] }.flatMap { groups[$0].edges }
        return Result(tour: tour, covered: covered, uncovered: uncovered, value: selection.value,
                      greedyValue: selection.greedyValue, evaluations: selection.evaluations)
    }

    /// A set of groups as the selection search weighs it: the evaluator's tour over their streets, the
    /// seconds that tour spends on each group's streets, and the seconds of each group's streets it does
    /// not drive.
    static func price(_ chosen: [Bool], groups: [Group], start: Int, router: SweepRouter,
                      network: StreetNetwork) throws -> BudgetedSelection.Priced<SweepTour> {
        let edges = groups.indices.filter { chosen[$0] }.flatMap { groups[$0].edges }
        let tour = edges.isEmpty ? SweepTour.empty(at: start) : try router.tour(requiredEdges: edges, from: start)
        var spent: [Int: Double] = [:]
        for arc in tour.arcs { spent[network.edge(ofArc: arc), default: 0] += network.durationSeconds(ofArc: arc) }
        let driven = Set(tour.arcs.map { network.edge(ofArc: $0) })
        return BudgetedSelection.Priced(
            tour: tour, durationSeconds: tour.durationSeconds,
            spentSeconds: groups.map { $0.edges.reduce(0) { $0 + (spent[$1] ?? 0) } },
            undrivenSeconds: groups.map { $0.edges.filter { !driven.contains($0) }.reduce(0) { $0 + network.edges[$1].durationSeconds } })
    }
}
