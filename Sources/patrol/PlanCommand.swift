import ArgumentParser
import Base
import Foundation
import Geo
import Hotspots
import MapRender
import Planner
import Streets

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan an Attendance Day: every pair's hotspots, sweep and return, as GeoJSON, GPX, a run sheet and a phone page per pair.",
        discussion: """
        Pairs are given patches so that the longest day is as short as possible. Each pair drives to its \
        patch's best hotspot and watches it, sweeps every street of the patch, watches the top hotspots \
        again at least 45 minutes later, and is back at base inside its window. When the window is too \
        short, the most valuable streets are swept.

        Example:
          patrol plan --data geodata/southampton --date 2026-11-25 --out out/
          patrol plan --data geodata/isle-of-wight --start 10:00 --end 12:00 --out out/isle-of-wight
        """
    )

    @Option(help: "The area folder.") var data: String = "geodata/southampton"
    @Option(help: "The day to plan, YYYY-MM-DD (default: tomorrow in the UK).") var date: String?
    @Option(help: "Start of every pair's window, HH:MM (default: each pair's own, usually 10:00).") var start: String?
    @Option(help: "End of every pair's window, HH:MM (default: each pair's own, usually 12:30).") var end: String?
    @Option(help: "Folder for plan.geojson, <pair>.gpx, runsheet.md, runsheet.html and <pair>-phone.html.") var out: String = "out"
    @Option(help: "Stop store for hotspot weights: PATH, sqlite:PATH or a PostgreSQL URI (default: $PATROL_DB, else <data>/stops.sqlite, else <data>/stops.csv).") var db: String?
    @Option(help: "CSV of home visits (lon,lat,earliest,latest[,minutes][,pair]); used for routing only, never written out.")
    var homeVisits: String?
    @Option(help: "Speed profile JSON (km/h per highway class).") var speedProfile: String?
    @Option(help: "Minimum minutes between the first watch of a hotspot and the revisit.") var revisitGap: Int = 45
    @Flag(help: "Do not draw map.svg and map.html.") var noMap = false

    func validate() throws {
        if let date, PlanDate(date) == nil { throw ValidationError("--date must be YYYY-MM-DD, got \(date)") }
        if let start, ClockTime.parse(start) == nil { throw ValidationError("--start must be HH:MM, got \(start)") }
        if let end, ClockTime.parse(end) == nil { throw ValidationError("--end must be HH:MM, got \(end)") }
        if let start, let end, let s = ClockTime.parse(start), let e = ClockTime.parse(end), e <= s {
            throw ValidationError("--end must be after --start")
        }
        if revisitGap < 0 || revisitGap > 240 { throw ValidationError("--revisit-gap must be 0 to 240 minutes") }
    }

    /// map.svg and map.html beside the plan: streets, patches, routes, hotspots and schools.
    func drawMap(_ plan: DayPlan, area: Area, streets: FeatureCollection?) throws -> [URL] {
        func collection(_ name: String) throws -> FeatureCollection? {
            let url = area.folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            if case let .featureCollection(found) = try GeoJSONReader.read(contentsOf: url) { return found }
            return nil
        }
        let planFeatures = PlanGeoJSON.collection(plan)
        let title = MapRenderer.title(forPlan: planFeatures)
        let svg = try MapRenderer.render(plan: planFeatures, streets: streets,
                                         hotspots: try collection("hotspots.geojson"), schools: try collection("schools.geojson"),
                                         title: title)
        let folder = URL(fileURLWithPath: out)
        let svgURL = folder.appendingPathComponent("map.svg")
        let htmlURL = folder.appendingPathComponent("map.html")
        try AtomicFile.write(svg, to: svgURL)
        try AtomicFile.write(MapHTML.page(svg: svg, title: title), to: htmlURL)
        return [svgURL, htmlURL]
    }

    func run() throws {
        let clock = ContinuousClock.now
        var area = try Area.load(from: URL(fileURLWithPath: data))
        let day = date.flatMap(PlanDate.init) ?? PlanDate.tomorrowInUK(nowSecondsSince1970: Date().timeIntervalSince1970)
        var options = PlanOptions(date: day)
        options.startSeconds = start.flatMap(ClockTime.parse)
        options.endSeconds = end.flatMap(ClockTime.parse)
        options.revisitGapSeconds = revisitGap * 60
        if let homeVisits {
            options.homeVisits = try HomeVisitsFile.read(contentsOf: URL(fileURLWithPath: homeVisits))
        }
        let projection = try Projection.bng()
        if let db { try refusePassword(db, option: "db") }
        let store = db ?? ProcessInfo.processInfo.environment[StoreLocator.environmentVariable]
        let weights = try HotspotWeights.apply(to: &area, store: store, date: day, projection: projection)
        var network: StreetNetwork?
        if area.hasStreets {
            let profile = try speedProfile.map { try SpeedProfile.load(contentsOf: URL(fileURLWithPath: $0)) } ?? .ukUrban
            network = try StreetNetwork.load(contentsOf: area.streetsURL, profile: profile)
        }
        var (plan, timings) = try DayPlanner(area: area, network: network, options: options).plan()
        // Read once: for the † marks on inferred names and for the map.
        var streetFeatures: FeatureCollection?
        if area.hasStreets, case let .featureCollection(streets) = try GeoJSONReader.read(contentsOf: area.streetsURL) {
            streetFeatures = streets
            plan.inferredStreetNames = Set(streets.features.compactMap { feature in
                feature["name_source"]?.stringValue?.hasPrefix("police.uk") == true ? feature["name"]?.stringValue : nil
            })
        }
        var written = try PlanOutputs.write(plan, to: URL(fileURLWithPath: out), area: area)
        if !noMap {
            written += try drawMap(plan, area: area, streets: streetFeatures)
        }
        print(PlanOutputs.summary(plan))
        print("Hotspot weights from \(weights.source).")
        print("Wrote \(written.map(\.path).joined(separator: ", ")).")
        let elapsed = ContinuousClock.now - clock
        let phases = timings.phases.map { "\($0.name) \(String(format: "%.3f", $0.seconds)) s" }.joined(separator: ", ")
        FileHandle.standardError.write(Data("planned in \(elapsed.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 3)))): \(phases)\n".utf8))
    }
}
