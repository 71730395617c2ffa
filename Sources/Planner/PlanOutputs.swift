import Base
import Foundation
import Geo

/// Writes a day plan's files, each atomically: plan.geojson, one GPX per pair, runsheet.md, runsheet.html and
/// one phone page per pair.
public enum PlanOutputs {
    /// `area`, when given, lists every hotspot and school on the phone pages' stop forms.
    @discardableResult
    public static func write(_ plan: DayPlan, to folder: URL, area: Area? = nil) throws -> [URL] {
        var written: [URL] = []
        let geojson = folder.appendingPathComponent("plan.geojson")
        try AtomicFile.write(GeoJSONWriter.string(PlanGeoJSON.collection(plan)), to: geojson)
        written.append(geojson)
        for pairPlan in plan.pairPlans {
            let gpx = folder.appendingPathComponent("\(Area.slug(pairPlan.pair.id)).gpx")
            try AtomicFile.write(GPXWriter.gpx(pairPlan, date: plan.date, area: plan.areaName), to: gpx)
            written.append(gpx)
        }
        let sheet = folder.appendingPathComponent("runsheet.md")
        try AtomicFile.write(RunSheet.markdown(plan), to: sheet)
        written.append(sheet)
        let printable = folder.appendingPathComponent("runsheet.html")
        try AtomicFile.write(RunSheetHTML.page(plan), to: printable)
        written.append(printable)
        written += try PhonePage.write(plan, area: area, to: folder)
        return written
    }

    /// The one-screen summary printed after planning.
    public static func summary(_ plan: DayPlan) -> String {
        var lines = ["Plan for \(plan.areaName) on \(plan.date):"]
        for pairPlan in plan.pairPlans {
            let minutes = Int(((pairPlan.endSeconds - Double(pairPlan.pair.windowStartSeconds)) / 60).rounded())
            let sweepKm = pairPlan.legs.filter { $0.kind == .sweep }.reduce(0) { $0 + $1.distanceMetres } / 1000
            let visits = pairPlan.visits.count
            lines.append("  \(pairPlan.pair.id): \(pairPlan.patches.joined(separator: ", ")) — \(pairPlan.fullSweep ? "full" : "budgeted") sweep \(String(format: "%.1f", sweepKm)) km, \(visits) hotspot watch\(visits == 1 ? "" : "es"), \(ClockTime.format(seconds: pairPlan.pair.windowStartSeconds))–\(ClockTime.format(seconds: pairPlan.endSeconds)) (\(minutes) min, slack \(Int((pairPlan.slackSeconds / 60).rounded())) min)")
        }
        if plan.pairPlans.isEmpty { lines.append("  no pair has a routable patch today") }
        for notice in plan.notices {
            lines.append("  note: \(notice.subject): \(notice.message)")
        }
        return lines.joined(separator: "\n")
    }
}
