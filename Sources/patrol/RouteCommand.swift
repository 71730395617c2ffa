import ArgumentParser
import Base
import Foundation
import Geo
import Planner
import Streets

struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "A full sweep of one patch: every street, from the base and back.",
        discussion: """
        The route is a mixed rural postman tour: one-way streets are driven only their way, two-way \
        streets once in either direction, deadheading on any street inside or outside the patch, with \
        turns paired at junctions to avoid right turns and U-turns.

        Example:
          patrol route --data geodata/southampton --patch shirley --out out/shirley-route.geojson
          patrol route --data geodata/isle-of-wight --patch ryde --from -1.1630,50.7260
        """
    )

    @Option(help: "The area folder.") var data: String = "geodata/southampton"
    @Option(help: "The patch id.") var patch: String
    @Option(name: .customLong("from"), help: "Base as lon,lat (default: the base of the pair preferring the patch).") var base: String?
    @Option(help: "Write the route as GeoJSON here.") var out: String?
    @Option(help: "Flow re-solves spent improving the tour (more is slower and a little shorter).") var effort: Int = 400

    func parsedBase() throws -> LonLat? {
        guard let base else { return nil }
        let parts = base.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, (-180...180).contains(parts[0]), (-90...90).contains(parts[1]) else {
            throw ValidationError("--from must be lon,lat in degrees, e.g. -1.4295,50.9193")
        }
        return LonLat(lon: parts[0], lat: parts[1])
    }

    func validate() throws { _ = try parsedBase() }

    func run() throws {
        let area = try Area.load(from: URL(fileURLWithPath: data))
        guard area.hasStreets else {
            throw AreaError(file: area.streetsURL.path, message: "missing: this area has no streets yet",
                            hint: DayPlanner.importHint(area), exitCode: .noInput)
        }
        let network = try StreetNetwork.load(contentsOf: area.streetsURL)
        let date = PlanDate.tomorrowInUK(nowSecondsSince1970: Date().timeIntervalSince1970)
        let route = try PatchRoute.make(area: area, network: network, patchID: patch, base: try parsedBase(), date: date, effort: effort)
        let plan = route.plan
        let minutes = (plan.endSeconds - Double(plan.pair.windowStartSeconds)) / 60
        let turns = plan.turnCounts
        print("""
        Sweep of \(patch) from \(plan.pair.baseName):
          total time       \(String(format: "%.1f", minutes)) min, \(String(format: "%.2f", plan.distanceMetres / 1000)) km
          required streets \(route.requiredEdgeCount) segments, \(String(format: "%.2f", route.requiredLengthMetres / 1000)) km
          deadhead ratio   \(String(format: "%.1f", route.deadheadRatio * 100)) % of distance
          right turns      \(turns["right"] ?? 0)
          U-turns          \(turns["u-turn"] ?? 0)
        """)
        if let bound = route.lowerBoundSeconds, bound > 0 {
            let gap = (route.sweepDrivingSeconds - bound) / bound * 100
            print("  lower bound      \(String(format: "%.1f", bound / 60)) min of driving; this route drives \(String(format: "%.1f", route.sweepDrivingSeconds / 60)) min, within \(String(format: "%.1f", gap)) %")
        }
        if !route.unreachableStreets.isEmpty {
            print("  left out (no way there and back): \(route.unreachableStreets.joined(separator: ", "))")
        }
        if !plan.scanFrom.isEmpty {
            let metres = plan.scanFrom.reduce(0) { $0 + $1.lengthMetres }
            let firstFew = plan.scanFrom.prefix(3).map { "\($0.path) from \($0.fromStreet)" }.joined(separator: "; ")
            print("  scan-only ways   \(plan.scanFrom.count), \(String(format: "%.2f", metres / 1000)) km, looked along from the car: \(firstFew)\(plan.scanFrom.count > 3 ? "; …" : "")")
        }
        for text in route.outsideReturns {
            print("  one-way, no way back inside the patch: \(text)")
        }
        if let out {
            let day = DayPlan(date: date, areaName: area.name, patches: area.patches.filter { $0.id == patch },
                              pairPlans: [plan], notices: [])
            try AtomicFile.write(GeoJSONWriter.string(PlanGeoJSON.collection(day)), to: URL(fileURLWithPath: out))
            print("Wrote \(out).")
        }
    }
}
