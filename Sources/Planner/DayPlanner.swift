import Foundation
import Geo
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
        guard let network else { return (planWithoutStreets(), PhaseTimings()) }
        var timings = PhaseTimings()
        var notices: [PlanNotice] = []
        let planning = try DayPlanning(area: area, network: network, options: options, timings: &timings)
        var patches = try timings.time("patches and sweeps") { try planning.preparePatches(notices: &notices) }
        let bases = try planning.snapBases(routablePatches: Set(patches.map(\.patch.id)), notices: &notices)
        patches = try timings.time("patch splits") { try planning.splitOversized(patches, bases: bases, notices: &notices) }
        let assigned = try planning.assignPatches(patches, bases: bases, timings: &timings)
        let pairPlans = try planning.routePairs(assigned, bases: bases, timings: &timings, notices: &notices)
        let plan = DayPlan(date: options.date, areaName: area.name, patches: area.patches, pairPlans: pairPlans, notices: notices)
        return (plan, timings)
    }

    /// With no street network nothing can be routed: each patch says how to import one.
    private func planWithoutStreets() -> DayPlan {
        let notices = area.patches.map { patch in
            PlanNotice(subject: patch.id, message: "no streets yet: \(Self.importHint(area)) [E-PATCH-NO-STREETS]")
        }
        return DayPlan(date: options.date, areaName: area.name, patches: area.patches, pairPlans: [], notices: notices)
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
