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
        for step in Directions.steps(pairPlan) {
            out += line(step, inferred: inferred)
        }
        out += "\n"
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

    /// One numbered step: its clock time and instruction, watches in bold capitals, every further
    /// instruction of the step on its own line beneath.
    static func line(_ step: DirectionStep, inferred: Set<String>) -> String {
        let time = ClockTime.format(seconds: step.startSeconds)
        let text = switch step.kind {
        // Hotspot names are places, not inferred street names: they are never marked.
        case .watch: "**WATCH — \(step.text)**"
        case .wait: "_\(step.text)_"
        case .arrive: "**\(step.text)**"
        case .travel: "**\(markStreets(step, inferred: inferred))**"
        case .drive where step.maneuver == .carryOn: "\(mark(step.text, inferred: inferred)) — \(DistanceText.format(step.headDistanceMetres))"
        case .drive: "\(mark(step.text, inferred: inferred)) — \(DistanceText.format(step.headDistanceMetres)), \(LegInstruction.doing(step.legKind ?? .sweep))"
        }
        var out = "\(step.number). \(time) \(text)\n"
        for detail in step.details {
            out += "    - \(mark(detail.text, inferred: inferred)) — \(DistanceText.format(detail.distanceMetres))\n"
        }
        return out
    }

    /// A travel step's text with its streets marked, not the place it drives to.
    static func markStreets(_ step: DirectionStep, inferred: Set<String>) -> String {
        guard let place = step.place, step.text.hasPrefix("Drive to \(place)") else { return mark(step.text, inferred: inferred) }
        let head = "Drive to \(place)"
        return head + mark(String(step.text.dropFirst(head.count)), inferred: inferred)
    }

    /// Marks inferred street names with †.
    static func mark(_ text: String, inferred: Set<String>) -> String {
        inferred.sorted { $0.count > $1.count }.reduce(text) { text, name in
            text.contains(name) ? text.replacingOccurrences(of: name, with: name + " †") : text
        }
    }

    /// "Romsey Road → Aldermoor Road" with repeats and blanks removed; never cut short.
    static func condense(_ streets: [String], inferred: Set<String> = []) -> String {
        var names: [String] = []
        for street in streets where !street.isEmpty {
            let shown = inferred.contains(street) ? street + " †" : street
            if shown != names.last { names.append(shown) }
        }
        if names.isEmpty { return "unnamed streets" }
        return names.joined(separator: " → ")
    }

    static func format1(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
