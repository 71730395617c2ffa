/// `runsheet.md`: what each pair prints and takes in the car.
public enum RunSheet {
    public static func markdown(_ plan: DayPlan) -> String {
        var out = "# Sweep run sheet — \(plan.areaName), \(plan.date)\n\n"
        for pairPlan in plan.pairPlans {
            out += section(pairPlan, inferred: plan.inferredStreetNames)
        }
        if !plan.notices.isEmpty {
            out += "## Not planned today\n\n"
            for notice in plan.notices {
                out += "- **\(notice.subject)**: \(notice.message)\n"
            }
            out += "\n"
        }
        out += "_Streets © OpenStreetMap contributors (ODbL). Street names marked † are inferred from police.uk map points._\n"
        return out
    }

    static func section(_ pairPlan: PairPlan, inferred: Set<String> = []) -> String {
        func condense(_ streets: [String]) -> String { RunSheet.condense(streets, inferred: inferred) }
        let pair = pairPlan.pair
        var out = "## \(pair.id) — \(pairPlan.patches.joined(separator: ", "))\n\n"
        out += "Start \(ClockTime.format(seconds: pair.windowStartSeconds)) at \(pair.baseName); back by \(ClockTime.format(seconds: pair.windowEndSeconds)).\n"
        out += pairPlan.fullSweep ? "Full sweep: every street of the patch.\n\n" : "Budgeted sweep: the window is too short for every street; the most valuable are planned.\n\n"
        out += "| time | what | where | minutes |\n|---|---|---|---|\n"
        var sweepStreets: [String] = []
        var sweepStart: Double?
        var sweepMinutes = 0.0
        func flushSweep() {
            guard let start = sweepStart else { return }
            out += "| \(ClockTime.format(seconds: start)) | sweep | \(condense(sweepStreets)) | \(Int(sweepMinutes.rounded())) |\n"
            sweepStreets = []
            sweepStart = nil
            sweepMinutes = 0
        }
        for step in pairPlan.steps {
            switch step {
            case let .leg(leg) where leg.kind != .travel:
                if sweepStart == nil { sweepStart = leg.startSeconds }
                sweepStreets += leg.streets
                sweepMinutes += leg.durationSeconds / 60
            case let .leg(leg):
                flushSweep()
                out += "| \(ClockTime.format(seconds: leg.startSeconds)) | drive | \(condense(leg.streets)) | \(Int((leg.durationSeconds / 60).rounded())) |\n"
            case let .visit(visit):
                flushSweep()
                out += "| \(ClockTime.format(seconds: visit.arrivalSeconds)) | watch\(visit.isRevisit ? " again" : "") | \(visit.hotspot.name) | \(Int((visit.dwellSeconds / 60).rounded())) |\n"
            case let .wait(start, duration, reason):
                flushSweep()
                out += "| \(ClockTime.format(seconds: start)) | wait | \(reason) | \(Int((duration / 60).rounded())) |\n"
            }
        }
        flushSweep()
        out += "| \(ClockTime.format(seconds: pairPlan.endSeconds)) | back at base | \(pair.baseName) | |\n\n"
        let km = pairPlan.distanceMetres / 1000
        out += "Total \(String(format1(km))) km, \(Int(((pairPlan.endSeconds - Double(pair.windowStartSeconds)) / 60).rounded())) min; slack \(Int((pairPlan.slackSeconds / 60).rounded())) min.\n"
        if !pairPlan.turnCounts.isEmpty {
            let turns = pairPlan.turnCounts.keys.sorted().map { "\($0) \(pairPlan.turnCounts[$0]!)" }.joined(separator: ", ")
            out += "Turns: \(turns).\n"
        }
        if !pairPlan.scanFrom.isEmpty {
            out += "\nScan on foot or from the car:\n"
            for scan in pairPlan.scanFrom {
                out += "- \(scan.path) (\(Int(scan.lengthMetres.rounded())) m), from \(scan.fromStreet)\n"
            }
        }
        if !pairPlan.uncoveredStreets.isEmpty {
            out += "\nLeft for another day: \(condense(pairPlan.uncoveredStreets)).\n"
        }
        return out + "\n"
    }

    /// "Romsey Road → Aldermoor Road → …" with repeats and blanks removed, at most 40 names.
    static func condense(_ streets: [String], inferred: Set<String> = []) -> String {
        var names: [String] = []
        for street in streets where !street.isEmpty {
            let shown = inferred.contains(street) ? street + " †" : street
            if shown != names.last { names.append(shown) }
        }
        if names.isEmpty { return "unnamed streets" }
        if names.count > 40 { return names.prefix(40).joined(separator: " → ") + " → …" }
        return names.joined(separator: " → ")
    }

    static func format1(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
