import Geo
import Streets

/// The steps of one `DayPlanner.plan()` run on a street network, and what they share: the projection,
/// the snap index, the sweep router and the path search. Each step hands its result to the next and
/// adds its notices as it goes.
struct DayPlanning {
    /// The pairs that have something routable to do, and the network node each one's base snaps to.
    struct Bases {
        var pairs: [Pair] = []
        var node: [String: Int] = [:]
    }

    let area: Area
    let options: PlanOptions
    let network: StreetNetwork
    let projection: Projection
    let context: GEOSContext
    let snapper: StreetSnapper
    let router: SweepRouter
    let search: PathSearch

    init(area: Area, network: StreetNetwork, options: PlanOptions, timings: inout PhaseTimings) throws {
        self.area = area
        self.options = options
        self.network = network
        projection = try Projection.bng()
        context = try GEOSContext()
        snapper = timings.time("snap index") { StreetSnapper(network: network) }
        var router = timings.time("strong components") { SweepRouter(network: network, penalties: options.penalties) }
        router.improvementBudget = options.sweepEffort
        self.router = router
        search = PathSearch(network: network)
    }

    // MARK: Patch preparation

    /// Each patch with streets: its streets, its usable hotspots (best first), where its sweep starts and the
    /// full sweep from there.
    func preparePatches(notices: inout [PlanNotice]) throws -> [DayPlanner.PreparedPatch] {
        var prepared: [DayPlanner.PreparedPatch] = []
        for patch in area.patches {
            let streets = try PatchStreets.select(patch: patch, network: network, projection: projection, context: context)
            guard !streets.isEmpty else {
                notices.append(PlanNotice(subject: patch.id, message: "no streets of the network lie inside it yet: \(DayPlanner.importHint(area, patch: patch, projection: projection, context: context)) [E-PATCH-NO-STREETS]"))
                continue
            }
            let hotspots = try usableHotspots(of: patch, streets: streets, notices: &notices)
            let start = hotspots.first?.node ?? DayPlanner.centralNode(of: streets, network: network)
            let tour = try router.tour(requiredEdges: streets.requiredEdges, from: start)
            notices += sweepNotices(tour, patch: patch, streets: streets)
            prepared.append(DayPlanner.PreparedPatch(patch: patch, streets: streets, hotspots: hotspots, startNode: start, tour: tour))
        }
        return prepared
    }

    /// The patch's hotspots that a pair can drive to from the patch and back, best first, each at the node
    /// nearest it.
    func usableHotspots(of patch: Patch, streets: PatchStreets, notices: inout [PlanNotice]) throws -> [(hotspot: Hotspot, node: Int)] {
        var usable: [(hotspot: Hotspot, node: Int)] = []
        for hotspot in area.hotspots where hotspot.patch == patch.id {
            let grid = try projection.grid(hotspot.position)
            guard let snap = snapper.snap(grid) else { continue }
            let edge = network.edges[snap.edge]
            let node = snap.fraction < 0.5 ? edge.fromNode : edge.toNode
            if snap.distanceMetres > options.snapLimitMetres {
                notices.append(PlanNotice(subject: hotspot.name, message: "\(Int(snap.distanceMetres.rounded())) m from the nearest street of the network, so it cannot be driven to; not planned [E-HOTSPOT-UNREACHABLE]"))
            } else if router.reachable([snap.edge], from: streets.requiredEdges.map { network.edges[$0].fromNode }.first ?? node).unreachable.isEmpty {
                usable.append((hotspot, node))
            } else {
                notices.append(PlanNotice(subject: hotspot.name, message: "its street cannot be reached from the patch and back; not planned [E-HOTSPOT-UNREACHABLE]"))
            }
        }
        usable.sort { $0.hotspot.weight != $1.hotspot.weight ? $0.hotspot.weight > $1.hotspot.weight : $0.hotspot.id < $1.hotspot.id }
        return usable
    }

    /// What the full sweep of a patch leaves out: streets with no way back, and one-way streets that leave the patch.
    func sweepNotices(_ tour: SweepTour, patch: Patch, streets: PatchStreets) -> [PlanNotice] {
        var notices: [PlanNotice] = []
        if !tour.unreachableEdges.isEmpty {
            let names = tour.unreachableEdges.map { network.label(ofEdge: $0) }
            notices.append(PlanNotice(subject: patch.id, message: "\(tour.unreachableEdges.count) street segment(s) cannot be driven to and back from the rest of the patch, so they are left out: \(StreetList.text(names)) [E-ONEWAY-NO-WAY-BACK]"))
        }
        let outside = OutsideReturn.find(tour: tour, patchEdges: streets.requiredEdges, network: network)
        for text in OutsideReturn.texts(outside, network: network) {
            notices.append(PlanNotice(subject: patch.id, message: "one-way \(text): it leaves the patch with no way back inside [E-ONEWAY-OUTSIDE]"))
        }
        return notices
    }

    // MARK: Base snapping

    /// Each pair's window for the day and its base on the network. A pair whose base is off the network can
    /// only be planned if it has nothing routable to do.
    func snapBases(routablePatches routable: Set<String>, notices: inout [PlanNotice]) throws -> Bases {
        var bases = Bases()
        for var pair in area.pairs {
            if let start = options.startSeconds { pair.windowStartSeconds = start }
            if let end = options.endSeconds { pair.windowEndSeconds = end }
            let wants = pair.preferredPatches.isEmpty ? routable : Set(pair.preferredPatches).intersection(routable)
            guard let snap = snapper.snap(try projection.grid(pair.base)) else { continue }
            if snap.distanceMetres > options.snapLimitMetres {
                if wants.isEmpty {
                    notices.append(PlanNotice(subject: pair.id, message: "its patches (\(pair.preferredPatches.joined(separator: ", "))) have no streets yet, and its base is off the network; nothing to plan"))
                    continue
                }
                throw PlanError.baseOffNetwork(pair: pair.id, metres: snap.distanceMetres)
            }
            if wants.isEmpty {
                notices.append(PlanNotice(subject: pair.id, message: "its patches (\(pair.preferredPatches.joined(separator: ", "))) have no streets yet; nothing to plan"))
                continue
            }
            let edge = network.edges[snap.edge]
            bases.node[pair.id] = snap.fraction < 0.5 ? edge.fromNode : edge.toNode
            bases.pairs.append(pair)
        }
        return bases
    }

    /// Splits a patch in two when no pair allowed it could sweep it inside its window but two could.
    func splitOversized(_ patches: [DayPlanner.PreparedPatch], bases: Bases, notices: inout [PlanNotice]) throws -> [DayPlanner.PreparedPatch] {
        var result: [DayPlanner.PreparedPatch] = []
        for patch in patches {
            let allowedPairs = bases.pairs.filter { $0.preferredPatches.isEmpty || $0.preferredPatches.contains(patch.patch.id) }
            let fits = allowedPairs.contains { pair in
                let base = bases.node[pair.id]!
                let day = patch.expectedDaySeconds(outSeconds: search.cost(from: base, to: patch.startNode),
                                                   backSeconds: search.cost(from: patch.startNode, to: base))
                return day <= Double(pair.windowSeconds)
            }
            if !fits, allowedPairs.count >= 2, let halves = try PatchSplit.split(patch, router: router, network: network) {
                let minutes = halves.map { Int(($0.tour.durationSeconds / 60).rounded()) }
                notices.append(PlanNotice(subject: patch.patch.id, message: "too big for one pair's window (sweep \(Int((patch.tour.durationSeconds / 60).rounded())) min), so split in two along its long axis: \(minutes.map { "\($0) min" }.joined(separator: " and "))"))
                result += halves
            } else {
                result.append(patch)
            }
        }
        return result
    }

    // MARK: The cost matrix and the assignment

    /// Each pair with the patches it sweeps; empty when there are no pairs or no patches to plan.
    func assignPatches(_ patches: [DayPlanner.PreparedPatch], bases: Bases,
                       timings: inout PhaseTimings) throws -> [(pair: Pair, patches: [DayPlanner.PreparedPatch])] {
        var assignment = timings.time("assignment") {
            PatchAssignment(pairs: bases.pairs, baseNode: bases.node, patches: patches, search: search, area: area)
        }
        guard !bases.pairs.isEmpty, !patches.isEmpty else { return [] }
        assignment.openPatchesNoPairPrefers()
        try assignment.checkEveryPatchReachable(pairs: bases.pairs, patches: patches, network: network)
        return try timings.time("assignment") { try assignment.patchesOfEachPair(pairs: bases.pairs, patches: patches) }
    }

    // MARK: Per-pair routes

    /// Each assigned pair's route through the morning; a pair with no patch gets a notice instead.
    func routePairs(_ assigned: [(pair: Pair, patches: [DayPlanner.PreparedPatch])], bases: Bases,
                    timings: inout PhaseTimings, notices: inout [PlanNotice]) throws -> [PairPlan] {
        var pairPlans: [PairPlan] = []
        for (pair, patches) in assigned {
            guard !patches.isEmpty else {
                notices.append(PlanNotice(subject: pair.id, message: "no patch assigned today"))
                continue
            }
            var inner = PhaseTimings()
            let day = try DayRoute(network: network, router: router, search: search, projection: projection, options: options,
                                   pair: pair, baseNode: bases.node[pair.id]!, patches: patches,
                                   homeVisits: options.homeVisits.filter { $0.pair == nil || $0.pair == pair.id },
                                   snapper: snapper, area: area).build(timings: &inner)
            timings.merge(inner)
            notices += day.notices
            pairPlans.append(day.plan)
        }
        return pairPlans
    }
}
