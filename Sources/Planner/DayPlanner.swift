import Foundation
import Geo
import Solvers
import Streets

/// Plans an Attendance Day: which pair sweeps which patch, and each pair's route through the
/// morning — the best hotspot first, the sweep, the top hotspots again, and back to base.
public struct DayPlanner {
    public let area: Area
    public let network: StreetNetwork?
    public let options: PlanOptions

    public init(area: Area, network: StreetNetwork?, options: PlanOptions) {
        self.area = area
        self.network = network
        self.options = options
    }

    /// A patch ready to plan: its streets, its usable hotspots (best first) and where its sweep starts.
    struct PreparedPatch {
        let patch: Patch
        let streets: PatchStreets
        let hotspots: [(hotspot: Hotspot, node: Int)]
        let startNode: Int
        let tour: SweepTour
    }

    public func plan() throws -> (plan: DayPlan, timings: PhaseTimings) {
        var timings = PhaseTimings()
        var notices: [PlanNotice] = []
        guard let network else {
            for patch in area.patches {
                notices.append(PlanNotice(subject: patch.id, message: "no streets yet: \(Self.importHint(area)) [E-PATCH-NO-STREETS]"))
            }
            return (DayPlan(date: options.date, areaName: area.name, patches: area.patches, pairPlans: [], notices: notices), timings)
        }
        let projection = try Projection.bng()
        let context = try GEOSContext()
        let snapper = timings.time("snap index") { StreetSnapper(network: network) }
        var router = timings.time("strong components") { SweepRouter(network: network, penalties: options.penalties) }
        router.improvementBudget = options.sweepEffort

        // Bases: a pair whose base is off the network can only be planned if it has nothing routable to do.
        var baseNode: [String: Int] = [:]
        var prepared: [PreparedPatch] = []
        try timings.time("patches and sweeps") {
            for patch in area.patches {
                let streets = try PatchStreets.select(patch: patch, network: network, projection: projection, context: context)
                guard !streets.isEmpty else {
                    notices.append(PlanNotice(subject: patch.id, message: "no streets of the network lie inside it yet: \(Self.importHint(area, patch: patch, projection: projection, context: context)) [E-PATCH-NO-STREETS]"))
                    continue
                }
                var usable: [(Hotspot, Int)] = []
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
                usable.sort { $0.0.weight != $1.0.weight ? $0.0.weight > $1.0.weight : $0.0.id < $1.0.id }
                let start = usable.first?.1 ?? Self.centralNode(of: streets, network: network)
                let tour = try router.tour(requiredEdges: streets.requiredEdges, from: start)
                if !tour.unreachableEdges.isEmpty {
                    let names = tour.unreachableEdges.map { network.label(ofEdge: $0) }
                    notices.append(PlanNotice(subject: patch.id, message: "\(tour.unreachableEdges.count) street segment(s) cannot be driven to and back from the rest of the patch, so they are left out: \(StreetList.text(names)) [E-ONEWAY-NO-WAY-BACK]"))
                }
                let outside = OutsideReturn.find(tour: tour, patchEdges: streets.requiredEdges, network: network)
                for text in OutsideReturn.texts(outside, network: network) {
                    notices.append(PlanNotice(subject: patch.id, message: "one-way \(text): it leaves the patch with no way back inside [E-ONEWAY-OUTSIDE]"))
                }
                prepared.append(PreparedPatch(patch: patch, streets: streets, hotspots: usable, startNode: start, tour: tour))
            }
        }
        let routable = Set(prepared.map(\.patch.id))
        var pairs: [Pair] = []
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
            baseNode[pair.id] = snap.fraction < 0.5 ? edge.fromNode : edge.toNode
            pairs.append(pair)
        }

        // Assignment: expected day of each pair on each patch alone.
        let search = PathSearch(network: network)
        try timings.time("patch splits") {
            prepared = try splitOversized(prepared, pairs: pairs, baseNode: baseNode, search: search, router: router,
                                          network: network, notices: &notices)
        }
        var costs: [[Double]] = []
        var allowed: [[Bool]] = []
        timings.time("assignment") {
            for pair in pairs {
                let base = baseNode[pair.id]!
                let out = search.costs(from: base, to: prepared.map(\.startNode))
                costs.append(prepared.enumerated().map { k, patch in
                    let back = search.cost(from: patch.startNode, to: base)
                    let dwell = Double(patch.hotspots.first.map { $0.hotspot.dwellSeconds * 2 } ?? 0)
                    return out[k] + patch.tour.durationSeconds + dwell + back
                })
                allowed.append(prepared.map { pair.preferredPatches.isEmpty || pair.preferredPatches.contains(Self.parentID($0.patch.id, in: area)) })
            }
        }
        var pairPlans: [PairPlan] = []
        if !pairs.isEmpty, !prepared.isEmpty {
            // A patch no pair prefers still goes to someone rather than nobody.
            for k in prepared.indices where !allowed.contains(where: { $0[k] }) {
                for w in allowed.indices { allowed[w][k] = true }
            }
            // A patch no pair can reach from its base and get back from is a broken network, not a plan.
            for k in prepared.indices where !costs.indices.contains(where: { allowed[$0][k] && costs[$0][k].isFinite }) {
                throw PlanError.disconnectedNetwork(pair: pairs.map(\.id).joined(separator: ", "), patch: prepared[k].patch.id,
                                                    streets: prepared[k].streets.requiredEdges.map { network.label(ofEdge: $0) })
            }
            let assignment = try timings.time("assignment") { try MinMaxAssignment.solve(costs: costs, allowed: allowed) }
            for (w, pair) in pairs.enumerated() {
                let mine = prepared.indices.filter { assignment.workerOfJob[$0] == w }
                guard !mine.isEmpty else {
                    notices.append(PlanNotice(subject: pair.id, message: "no patch assigned today"))
                    continue
                }
                var inner = PhaseTimings()
                let day = try DayRoute(network: network, router: router, search: search, projection: projection, options: options,
                                       pair: pair, baseNode: baseNode[pair.id]!, patches: mine.map { prepared[$0] },
                                       homeVisits: options.homeVisits.filter { $0.pair == nil || $0.pair == pair.id },
                                       snapper: snapper, area: area).build(timings: &inner)
                timings.merge(inner)
                notices += day.notices
                pairPlans.append(day.plan)
            }
        }
        let plan = DayPlan(date: options.date, areaName: area.name, patches: area.patches, pairPlans: pairPlans, notices: notices)
        return (plan, timings)
    }

    /// Splits a patch in two when no pair allowed it could sweep it inside its window but two could.
    func splitOversized(_ patches: [PreparedPatch], pairs: [Pair], baseNode: [String: Int], search: PathSearch,
                        router: SweepRouter, network: StreetNetwork, notices: inout [PlanNotice]) throws -> [PreparedPatch] {
        var result: [PreparedPatch] = []
        for patch in patches {
            let allowedPairs = pairs.filter { $0.preferredPatches.isEmpty || $0.preferredPatches.contains(patch.patch.id) }
            let fits = allowedPairs.contains { pair in
                let base = baseNode[pair.id]!
                let day = search.cost(from: base, to: patch.startNode) + patch.tour.durationSeconds
                    + Double(2 * (patch.hotspots.first?.hotspot.dwellSeconds ?? 0)) + search.cost(from: patch.startNode, to: base)
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

    /// The end node of a required street nearest the streets' centre, for a patch with no hotspot.
    static func centralNode(of streets: PatchStreets, network: StreetNetwork) -> Int {
        let nodes = streets.requiredEdges.flatMap { [network.edges[$0].fromNode, network.edges[$0].toNode] }
        let e = nodes.reduce(0.0) { $0 + network.nodePoints[$1].easting } / Double(nodes.count)
        let n = nodes.reduce(0.0) { $0 + network.nodePoints[$1].northing } / Double(nodes.count)
        let centre = GridPoint(easting: e, northing: n)
        return nodes.min { network.nodePoints[$0].distanceMetres(to: centre) < network.nodePoints[$1].distanceMetres(to: centre) }!
    }

    /// The patch a split half came from (`polygon-2` → `polygon`).
    static func parentID(_ id: String, in area: Area) -> String {
        if area.patches.contains(where: { $0.id == id }) { return id }
        if let dash = id.lastIndex(of: "-"), area.patches.contains(where: { $0.id == String(id[..<dash]) }) {
            return String(id[..<dash])
        }
        return id
    }

    /// The exact command that would give an area streets covering all its patches.
    public static func importHint(_ area: Area, patch: Patch? = nil, projection: Projection? = nil, context: GEOSContext? = nil) -> String {
        var bbox = "MINLON,MINLAT,MAXLON,MAXLAT"
        let positions = area.patches.flatMap { $0.outline.allPositions }
        if let minLon = positions.map(\.lon).min(), let maxLon = positions.map(\.lon).max(),
           let minLat = positions.map(\.lat).min(), let maxLat = positions.map(\.lat).max() {
            // About 1 km of margin, so deadhead routes out and back in are there too.
            func f(_ v: Double) -> String { String(format: "%.3f", v) }
            bbox = "\(f(minLon - 0.015)),\(f(minLat - 0.01)),\(f(maxLon + 0.015)),\(f(maxLat + 0.01))"
        }
        return "import an OpenStreetMap extract that covers it: `patrol import-osm hampshire-latest.osm.pbf --bbox \(bbox) --out \(area.folder.relativePath)` (curated schools.geojson and README.md are kept)"
    }

}
