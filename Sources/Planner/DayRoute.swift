import Foundation
import Geo
import Solvers
import Streets

/// One pair's morning: drive to the best hotspot and watch it, sweep the patch, fold in home visits,
/// watch the top hotspots again (after the minimum gap), and get back to base inside the window.
struct DayRoute {
    let network: StreetNetwork
    let router: SweepRouter
    let search: PathSearch
    let projection: Projection
    let options: PlanOptions
    let pair: Pair
    let baseNode: Int
    let patches: [DayPlanner.PreparedPatch]
    let homeVisits: [HomeVisit]
    let snapper: StreetSnapper
    let area: Area

    /// The pair's patches, and so the first watch of each one's best hotspot, in the order of the cheapest
    /// round from the base (a TSP over the base and the patches' starts); nearest first if some start
    /// cannot be driven between.
    func visitOrder() -> [DayPlanner.PreparedPatch] {
        let nodes = [baseNode] + patches.map(\.startNode)
        let costs = nodes.map { a in nodes.map { b in a == b ? 0 : search.cost(from: a, to: b) } }
        if patches.count > 1, let round = try? TSPSolver.closedTour(costs: costs) {
            return round.nodes.dropFirst().map { patches[$0 - 1] }
        }
        return patches.sorted { search.cost(from: baseNode, to: $0.startNode) < search.cost(from: baseNode, to: $1.startNode) }
    }

    func build(timings: inout PhaseTimings) throws -> (plan: PairPlan, notices: [PlanNotice]) {
        var notices: [PlanNotice] = []
        let turnSearch = TurnAwareSearch(network: network, penalties: options.penalties)
        let windowEnd = Double(pair.windowEndSeconds)
        let ordered = visitOrder()

        let reach = search.cost(from: baseNode, to: ordered[0].startNode) + search.cost(from: ordered[0].startNode, to: baseNode)
        guard reach.isFinite else {
            throw PlanError.disconnectedNetwork(pair: pair.id, patch: ordered[0].patch.id,
                                                streets: ordered[0].streets.requiredEdges.map { network.label(ofEdge: $0) })
        }
        if Double(pair.windowStartSeconds) + reach > windowEnd {
            throw PlanError.windowTooShort(pair: pair.id, neededMinutes: Int((reach / 60).rounded(.up)), windowMinutes: pair.windowSeconds / 60)
        }

        var timeline = Timeline(network: network, projection: projection, penalties: options.penalties,
                                startSeconds: Double(pair.windowStartSeconds), node: baseNode)
        var firstArrival: [String: Double] = [:]
        var fullSweep = true
        var uncovered: [String] = []
        for (index, prepared) in ordered.enumerated() {
            try timeline.drive(path(turnSearch, from: timeline.node, to: prepared.startNode), kinds: nil)
            if let best = prepared.hotspots.first, best.node == timeline.node {
                firstArrival[best.hotspot.id] = timeline.now
                timeline.visit(best.hotspot, isRevisit: false)
            }
            // Time left for this sweep: keep what the later patches and the drive home need.
            var reserve = search.cost(from: prepared.startNode, to: baseNode)
            for later in ordered.dropFirst(index + 1) {
                reserve += later.tour.durationSeconds + Double(later.hotspots.first?.hotspot.dwellSeconds ?? 0)
            }
            let budget = windowEnd - timeline.now - reserve
            var tour = prepared.tour
            if tour.durationSeconds > budget {
                fullSweep = false
                let attractors = try attractorsNear(prepared)
                let values = BudgetedSweep.edgeValues(network: network, edges: prepared.streets.requiredEdges, attractors: attractors)
                let budgeted = try timings.time("budgeted sweep") {
                    try BudgetedSweep(router: router, network: network)
                        .solve(requiredEdges: prepared.streets.requiredEdges, start: prepared.startNode,
                               budgetSeconds: max(0, budget), values: values)
                }
                tour = budgeted.tour
                uncovered += budgeted.uncovered.map { network.name(ofEdge: $0) }
                notices.append(PlanNotice(subject: pair.id, message: "the window is too short to sweep all of \(prepared.patch.id): \(budgeted.covered.count) of \(prepared.streets.requiredEdges.count) street segments planned, chosen by value near hotspots and schools"))
            }
            try timeline.drive(tour.arcs, kinds: tour.services.map { $0 ? .sweep : .deadhead })
        }

        // Home visits: timed stops, in order of their earliest time, routed but never written out.
        for (number, visit) in homeVisits.sorted(by: { $0.earliestSeconds < $1.earliestSeconds }).enumerated() {
            guard let snap = snapper.snap(try projection.grid(visit.position)), snap.distanceMetres <= options.snapLimitMetres else {
                notices.append(PlanNotice(subject: pair.id, message: "home visit \(number + 1) is off the street network; not planned"))
                continue
            }
            let edge = network.edges[snap.edge]
            let node = snap.fraction < 0.5 ? edge.fromNode : edge.toNode
            let drive = path(turnSearch, from: timeline.node, to: node)
            let arrival = timeline.now + search.cost(from: timeline.node, to: node)
            let home = search.cost(from: node, to: baseNode)
            let leave = max(arrival, Double(visit.earliestSeconds)) + Double(visit.durationSeconds)
            guard arrival <= Double(visit.latestSeconds), leave + home <= windowEnd else {
                notices.append(PlanNotice(subject: pair.id, message: "home visit \(number + 1) cannot be made inside its time window; not planned"))
                continue
            }
            timeline.privateDrive(drive)
            timeline.wait(until: Double(visit.earliestSeconds), reason: "until the home visit is due")
            timeline.privateStop(seconds: Double(visit.durationSeconds))
        }

        timeline = try timings.time("revisits") { try revisits(after: timeline, firstArrival: firstArrival, turnSearch: turnSearch) }
        if timeline.now > windowEnd + 1 {
            throw PlanError.windowTooShort(pair: pair.id, neededMinutes: Int(((timeline.now - Double(pair.windowStartSeconds)) / 60).rounded(.up)),
                                           windowMinutes: pair.windowSeconds / 60)
        }
        let scans = try ScanInstruction.list(ordered.flatMap(\.streets.scanPaths), network: network, snapper: snapper, projection: projection)
        let turns = timeline.turnCounts.filter { $0.value > 0 }
        let plan = PairPlan(pair: pair, patches: ordered.map(\.patch.id), steps: timeline.steps, uncoveredStreets: uncovered,
                            fullSweep: fullSweep, scanFrom: scans, turnCounts: turns)
        return (plan, notices)
    }

    /// Arcs of the cheapest turn-aware drive between two nodes (empty when they coincide).
    func path(_ turnSearch: TurnAwareSearch, from: Int, to: Int) -> [Int] {
        guard from != to else { return [] }
        return turnSearch.path(from: from, to: to)?.arcs ?? search.path(from: from, to: to)?.arcs ?? []
    }

    /// Hotspots (by weight) and schools near a patch, as the value field of a budgeted sweep.
    func attractorsNear(_ prepared: DayPlanner.PreparedPatch) throws -> [(point: GridPoint, weight: Double)] {
        let top = prepared.hotspots.map(\.hotspot.weight).max() ?? 1
        var list: [(GridPoint, Double)] = try prepared.hotspots.map { (try projection.grid($0.hotspot.position), $0.hotspot.weight / max(top, 1e-9)) }
        for school in area.schools where prepared.patch.schools.contains(school.name) {
            list.append((try projection.grid(school.position), 0.5))
        }
        return list
    }

    /// After the sweep: choose and order hotspot visits (revisits of the ones watched first, and any
    /// not yet watched) by orienteering to the base, then drive it, waiting where a revisit would come
    /// too soon. If the real drive overruns the window, the last visit is dropped and it is tried again.
    func revisits(after start: Timeline, firstArrival: [String: Double], turnSearch: TurnAwareSearch) throws -> Timeline {
        let windowEnd = Double(pair.windowEndSeconds)
        var candidates: [(hotspot: Hotspot, node: Int)] = []
        var seen = Set<String>()
        for prepared in patches {
            for entry in prepared.hotspots where seen.insert(entry.hotspot.id).inserted {
                candidates.append(entry)
            }
        }
        let revisitable = candidates.filter { firstArrival[$0.hotspot.id] != nil }.prefix(options.maxRevisits)
        let fresh = candidates.filter { firstArrival[$0.hotspot.id] == nil }
        candidates = Array(revisitable) + fresh

        var chosen: [(hotspot: Hotspot, node: Int)] = []
        if !candidates.isEmpty {
            let nodes = [start.node, baseNode] + candidates.map(\.node)
            let matrix = nodes.map { search.costs(from: $0, to: nodes) }
            // Waiting for the revisit gap is a cost too: charge the worst case to the revisit's service time.
            let service = [0.0, 0.0] + candidates.map { entry -> Double in
                var seconds = Double(entry.hotspot.dwellSeconds)
                if let first = firstArrival[entry.hotspot.id] {
                    seconds += max(0, first + Double(options.revisitGapSeconds) - start.now)
                }
                return seconds
            }
            let prizes = [0.0, 0.0] + candidates.map { $0.hotspot.weight * Double($0.hotspot.dwellSeconds) / 3600 }
            let budget = (windowEnd - start.now) * 0.97 - 60
            // No time left beyond the drive home means no more watching today.
            if budget > matrix[0][1],
               let route = try? Orienteering.solve(costs: matrix, prizes: prizes, serviceTimes: service, start: 0, end: 1,
                                                   budget: budget, seed: options.seed) {
                chosen = route.nodes.filter { $0 >= 2 }.map { candidates[$0 - 2] }
            }
        }
        while true {
            var timeline = start
            for entry in chosen {
                try timeline.drive(path(turnSearch, from: timeline.node, to: entry.node), kinds: nil)
                let first = firstArrival[entry.hotspot.id]
                if let first {
                    timeline.wait(until: first + Double(options.revisitGapSeconds), reason: "so the revisit comes \(options.revisitGapSeconds / 60) min after the first watch")
                }
                timeline.visit(entry.hotspot, isRevisit: first != nil)
            }
            try timeline.drive(path(turnSearch, from: timeline.node, to: baseNode), kinds: nil)
            if timeline.now <= windowEnd || chosen.isEmpty { return timeline }
            chosen.removeLast()
        }
    }
}

extension Timeline {
    mutating func drive(_ arcs: [Int], kinds: [RouteLeg.Kind]?) throws {
        try drive(arcs, kinds: kinds ?? Array(repeating: .travel, count: arcs.count))
    }
}
