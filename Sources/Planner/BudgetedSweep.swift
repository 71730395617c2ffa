import Foundation
import Geo
import Solvers
import Streets

/// When the window is too short to cover every street, choose which streets to cover so as to
/// collect the most value within the time: orienteering on arcs. Streets are taken in groups (a named
/// street's connected run, so a pair never sweeps half a close), valued by length and by nearness to
/// hotspots and schools, and the coverage solver prices every candidate set exactly.
///
/// The search is an iterated local search: a greedy phase drops the groups with the least value per
/// second until the tour fits; then rounds of "add the best left-out group, drop the weakest kept
/// ones until it fits again" are accepted when they raise the value. Last, the slack is filled with left-out
/// groups that still fit. A group's seconds are read off the current tour: dropping weighs the time the tour
/// spends on its streets (a dead end costs its way back), adding weighs its streets the tour does not drive
/// yet. The greedy result is the baseline the tests compare against; the gap to the exhaustive optimum on
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
        var evaluations = 0
        var cache: [[Bool]: SweepTour] = [:]
        func tour(_ chosen: [Bool]) throws -> SweepTour {
            if let known = cache[chosen] { return known }
            evaluations += 1
            let edges = groups.indices.filter { chosen[$0] }.flatMap { groups[$0].edges }
            let result = edges.isEmpty ? SweepTour.empty(at: start) : try quick.tour(requiredEdges: edges, from: start)
            cache[chosen] = result
            return result
        }
        func value(_ chosen: [Bool]) -> Double { groups.indices.filter { chosen[$0] }.reduce(0) { $0 + groups[$1].value } }

        // Weakest first: least value per second the tour spends on the group's streets, so that a dead end is
        // charged its way back and a street the tour drives through anyway is charged once.
        func dropOrder(_ kept: [Bool], tour: SweepTour, keeping: Int? = nil) -> [Int] {
            var spent: [Int: Double] = [:]
            for arc in tour.arcs { spent[network.edge(ofArc: arc), default: 0] += network.durationSeconds(ofArc: arc) }
            let dropRatio = Dictionary(uniqueKeysWithValues: groups.indices.filter { kept[$0] && $0 != keeping }.map { index in
                (index, groups[index].value / max(1, groups[index].edges.reduce(0) { $0 + (spent[$1] ?? 0) }))
            })
            return dropRatio.keys.sorted { dropRatio[$0]! != dropRatio[$1]! ? dropRatio[$0]! < dropRatio[$1]! : $0 < $1 }
        }

        // Greedy: drop the weakest groups, a batch sized by the overrun, until the tour fits.
        var chosen = [Bool](repeating: true, count: groups.count)
        var current = try tour(chosen)
        while current.durationSeconds > budgetSeconds, chosen.contains(true) {
            var overrun = current.durationSeconds - budgetSeconds
            for index in dropOrder(chosen, tour: current) {
                chosen[index] = false
                overrun -= groups[index].seconds * 1.5
                if overrun <= 0 { break }
            }
            current = try tour(chosen)
        }
        let greedyValue = value(chosen)
        var bestValue = greedyValue

        // Fill the slack: left-out groups, most value per second not yet driven first, are added while they fit. Only a group whose streets
        // not yet driven take no longer than the slack is priced, and at most `fillTries` in all, so that a large
        // patch (hundreds of groups) pays a bounded number of extra solves.
        var fillsLeft = fillTries
        // What adding a group costs at least: its streets the tour does not drive yet.
        func newSeconds(_ index: Int, driven: Set<Int>) -> Double {
            groups[index].edges.filter { !driven.contains($0) }.reduce(0) { $0 + network.edges[$1].durationSeconds }
        }
        func addOrder(_ candidates: [Int]) -> [Int] {
            let driven = Set(current.arcs.map { network.edge(ofArc: $0) })
            let addRatio = Dictionary(uniqueKeysWithValues: candidates.map { ($0, groups[$0].value / max(1, newSeconds($0, driven: driven))) })
            return candidates.sorted { addRatio[$0]! != addRatio[$1]! ? addRatio[$0]! > addRatio[$1]! : $0 < $1 }
        }
        func fill() throws {
            var driven = Set(current.arcs.map { network.edge(ofArc: $0) })
            for index in addOrder(groups.indices.filter { !chosen[$0] }) {
                guard fillsLeft > 0 else { return }
                guard newSeconds(index, driven: driven) <= budgetSeconds - current.durationSeconds else { continue }
                fillsLeft -= 1
                var candidate = chosen
                candidate[index] = true
                let candidateTour = try tour(candidate)
                if candidateTour.durationSeconds <= budgetSeconds {
                    chosen = candidate
                    current = candidateTour
                    bestValue = value(chosen)
                    driven = Set(current.arcs.map { network.edge(ofArc: $0) })
                }
            }
        }

        // Iterated local search: bring back a left-out group, then drop the weakest until it fits.
        var tried = Set<Int>()
        for _ in 0..<rounds {
            guard let add = addOrder(groups.indices.filter { !chosen[$0] && !tried.contains($0) }).first else { break }
            tried.insert(add)
            var candidate = chosen
            candidate[add] = true
            var candidateTour = try tour(candidate)
            // Drop a batch sized by the overrun, then price once; repeat while it still overruns.
            while candidateTour.durationSeconds > budgetSeconds {
                var dropOrder = dropOrder(candidate, tour: candidateTour, keeping: add)
                if dropOrder.isEmpty { break }
                var overrun = candidateTour.durationSeconds - budgetSeconds
                while overrun > 0, !dropOrder.isEmpty {
                    let drop = dropOrder.removeFirst()
                    candidate[drop] = false
                    overrun -= groups[drop].seconds * 1.5
                }
                candidateTour = try tour(candidate)
            }
            if candidateTour.durationSeconds > budgetSeconds {
                candidate[add] = false
                candidateTour = try tour(candidate)
            }
            let candidateValue = value(candidate)
            if candidateTour.durationSeconds <= budgetSeconds, candidateValue > bestValue + 1e-9 {
                chosen = candidate
                current = candidateTour
                bestValue = candidateValue
                tried.removeAll()
            }
        }
        if current.durationSeconds <= budgetSeconds { try fill() }
        let covered = groups.indices.filter { chosen[$0] }.flatMap { groups[$0].edges }
        if !covered.isEmpty, router.improvementBudget > quick.improvementBudget {
            let polished = try router.tour(requiredEdges: covered, from: start)
            if polished.durationSeconds <= current.durationSeconds { current = polished }
        }
        let uncovered = groups.indices.filter { !chosen[$0] }.flatMap { groups[$0].edges }
        return Result(tour: current, covered: covered, uncovered: uncovered, value: bestValue, greedyValue: greedyValue,
                      evaluations: evaluations)
    }
}
