import Foundation
import Geo
import Streets

/// `patrol route`: a full sweep of one patch from a base and back, as GeoJSON legs and a summary.
public struct PatchRoute {
    public let plan: PairPlan
    public let requiredLengthMetres: Double
    public let requiredEdgeCount: Int
    /// Streets left out (no way there and back), each name once.
    public let unreachableStreets: [String]
    /// One-way streets that leave the patch with no way back inside, and the outside streets driven instead.
    public let outsideReturns: [String]
    /// Driving seconds of the sweep (turns aside), and the least any sweep of the same streets on the same
    /// graph could take (the mixed postman's lower bound): their gap bounds how far from optimal it is.
    public let sweepDrivingSeconds: Double
    public let lowerBoundSeconds: Double?

    public var deadheadRatio: Double {
        let sweep = plan.legs.filter { $0.kind == .sweep }.reduce(0) { $0 + $1.distanceMetres }
        let total = plan.distanceMetres
        return total > 0 ? (total - sweep) / total : 0
    }

    /// Sweeps `patchID` from `base` (default: the first pair preferring the patch, else the first pair).
    public static func make(area: Area, network: StreetNetwork, patchID: String, base: LonLat?, date: PlanDate,
                            penalties: TurnPenalties = .ukDefaults, effort: Int = 400) throws -> PatchRoute {
        guard let patch = area.patches.first(where: { $0.id == patchID }) else {
            throw AreaError(file: area.folder.appendingPathComponent("patches.geojson").path,
                            message: "no patch with id \"\(patchID)\"; patches: \(area.patches.map(\.id).joined(separator: ", "))",
                            exitCode: .usage)
        }
        let projection = try Projection.bng()
        let context = try GEOSContext()
        let streets = try PatchStreets.select(patch: patch, network: network, projection: projection, context: context)
        guard !streets.isEmpty else {
            throw PlanError(code: "E-PATCH-NO-STREETS", message: "patch \(patchID) has no streets of the network inside it",
                            hint: DayPlanner.importHint(area, patch: patch, projection: projection, context: context), exitCode: .unavailable)
        }
        var pair = area.pairs.first { $0.preferredPatches.contains(patchID) } ?? area.pairs.first
            ?? Pair(id: "pair", baseName: "base", base: base ?? LonLat(lon: 0, lat: 0))
        if let base {
            pair.base = base
            pair.baseName = "given base"
        }
        let snapper = StreetSnapper(network: network)
        guard let snap = snapper.snap(try projection.grid(pair.base)) else {
            throw PlanError.baseOffNetwork(pair: pair.id, metres: .infinity)
        }
        guard snap.distanceMetres <= 300 else { throw PlanError.baseOffNetwork(pair: pair.id, metres: snap.distanceMetres) }
        let edge = network.edges[snap.edge]
        let baseNode = snap.fraction < 0.5 ? edge.fromNode : edge.toNode
        var router = SweepRouter(network: network, penalties: penalties)
        router.improvementBudget = effort
        let tour = try router.tour(requiredEdges: streets.requiredEdges, from: baseNode)
        if tour.arcs.isEmpty {
            throw PlanError.disconnectedNetwork(pair: pair.id, patch: patchID, streets: tour.unreachableEdges.map { network.label(ofEdge: $0) })
        }
        let driving = tour.arcs.reduce(0) { $0 + network.durationSeconds(ofArc: $1) }
        let bound = try router.lowerBoundSeconds(requiredEdges: streets.requiredEdges, from: baseNode)
        var timeline = Timeline(network: network, projection: projection, penalties: penalties,
                                startSeconds: Double(pair.windowStartSeconds), node: baseNode)
        try timeline.drive(tour.arcs, kinds: tour.services.map { $0 ? .sweep : .deadhead })
        pair.windowEndSeconds = max(pair.windowEndSeconds, Int(timeline.now.rounded(.up)))
        let scans = try ScanInstruction.list(streets.scanPaths, network: network, snapper: snapper, projection: projection)
        let plan = PairPlan(pair: pair, patches: [patchID], steps: timeline.steps, scanFrom: scans, turnCounts: timeline.turnCounts)
        return PatchRoute(plan: plan, requiredLengthMetres: streets.requiredLengthMetres, requiredEdgeCount: streets.requiredEdges.count,
                          unreachableStreets: tour.unreachableEdges.map { network.label(ofEdge: $0) }.reduce(into: []) { names, name in
                              if !names.contains(name) { names.append(name) }
                          },
                          outsideReturns: OutsideReturn.texts(OutsideReturn.find(tour: tour, patchEdges: streets.requiredEdges,
                                                                                 network: network), network: network),
                          sweepDrivingSeconds: driving, lowerBoundSeconds: bound)
    }
}
