import Geo

/// One thing for the car to do next, as the phone page shows it: what to do, when the plan says to start it,
/// and where.
public struct PhoneStep: Hashable, Sendable {
    public var instruction: String
    /// Planned start, in seconds after local midnight.
    public var clockSeconds: Double
    /// Where the step starts (a watch: the hotspot; the last step: the base).
    public var position: LonLat
    /// `drive`, `sweep`, `watch`, `wait` or `end`.
    public var kind: String

    public init(instruction: String, clockSeconds: Double, position: LonLat, kind: String) {
        self.instruction = instruction
        self.clockSeconds = clockSeconds
        self.position = position
        self.kind = kind
    }
}

/// The one adapter from a pair's plan to phone steps. Coarse on purpose: a run of driving of one sort is one step,
/// each watch and wait is one, and the return to base ends the list. Turn-by-turn directions replace the driving
/// steps here when they exist, and nothing else on the page changes.
public enum PhoneSteps {
    public static func steps(for pairPlan: PairPlan) -> [PhoneStep] {
        var steps: [PhoneStep] = []
        var run: [RouteLeg] = []
        let items = pairPlan.steps
        func flushRun(before next: PlanStep?) {
            guard let first = run.first, let start = first.path.first else {
                run = []
                return
            }
            steps.append(drivingStep(run, start: start, before: next, baseName: pairPlan.pair.baseName))
            run = []
        }
        for (index, item) in items.enumerated() {
            switch item {
            case let .leg(leg):
                if let last = run.last, isSweeping(last) != isSweeping(leg) { flushRun(before: item) }
                run.append(leg)
            case let .visit(visit):
                flushRun(before: item)
                steps.append(watchStep(visit))
            case let .wait(start, duration, reason):
                flushRun(before: item)
                let minutes = Int((duration / 60).rounded())
                let position = steps.last?.position ?? pairPlan.pair.base
                steps.append(PhoneStep(instruction: "Wait \(minutes) min: \(reason)", clockSeconds: start,
                                       position: position, kind: "wait"))
            }
            if index == items.count - 1 { flushRun(before: nil) }
        }
        steps.append(PhoneStep(instruction: "Back at base: \(pairPlan.pair.baseName)", clockSeconds: pairPlan.endSeconds,
                               position: pairPlan.pair.base, kind: "end"))
        return steps
    }

    static func isSweeping(_ leg: RouteLeg) -> Bool { leg.kind != .travel }

    /// "Sweep Church Street, Shirley Road, …" with every street named once, in the order they are reached.
    static func drivingStep(_ run: [RouteLeg], start: LonLat, before next: PlanStep?, baseName: String) -> PhoneStep {
        let streets = streetList(run.flatMap(\.streets))
        let instruction: String
        if run.contains(where: isSweeping) {
            instruction = "Sweep \(streets ?? "the unnamed streets here")"
        } else {
            let destination: String = switch next {
            case let .visit(visit)?: "Drive to \(visit.hotspot.name)"
            case nil: "Drive back to \(baseName)"
            case let .leg(leg)? where isSweeping(leg): "Drive to the patch"
            default: "Drive on"
            }
            instruction = streets.map { "\(destination) by \($0)" } ?? destination
        }
        return PhoneStep(instruction: instruction, clockSeconds: run[0].startSeconds, position: start,
                         kind: run.contains(where: isSweeping) ? "sweep" : "drive")
    }

    static func watchStep(_ visit: HotspotVisit) -> PhoneStep {
        let minutes = Int((visit.dwellSeconds / 60).rounded())
        return PhoneStep(instruction: "Watch\(visit.isRevisit ? " again" : ""): \(visit.hotspot.name), \(minutes) min",
                         clockSeconds: visit.arrivalSeconds, position: visit.hotspot.position, kind: "watch")
    }

    /// Names once each, first reached first; nil when every street is unnamed.
    static func streetList(_ names: [String]) -> String? {
        var seen = Set<String>()
        let unique = names.filter { !$0.isEmpty && seen.insert($0).inserted }
        return unique.isEmpty ? nil : unique.joined(separator: ", ")
    }
}
