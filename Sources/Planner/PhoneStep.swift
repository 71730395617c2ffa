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

/// The one adapter from a pair's plan to phone steps: the run sheet's numbered directions, each placed where it
/// starts, so the page and the paper agree step for step.
public enum PhoneSteps {
    public static func steps(for pairPlan: PairPlan) -> [PhoneStep] {
        var drawnLegs = pairPlan.legs.filter { !$0.path.isEmpty }[...]
        var visits = pairPlan.visits[...]
        var position = pairPlan.pair.base
        return Directions.steps(pairPlan).map { step in
            switch step.kind {
            case .drive, .travel:
                let covered = drawnLegs.prefix(step.legCount)
                drawnLegs = drawnLegs.dropFirst(step.legCount)
                let start = covered.first?.path.first ?? position
                position = covered.last?.path.last ?? position
                return PhoneStep(instruction: step.text, clockSeconds: step.startSeconds, position: start,
                                 kind: step.kind == .travel ? "drive" : "sweep")
            case .watch:
                position = visits.popFirst()?.hotspot.position ?? position
                return PhoneStep(instruction: step.text, clockSeconds: step.startSeconds, position: position, kind: "watch")
            case .wait:
                return PhoneStep(instruction: step.text, clockSeconds: step.startSeconds, position: position, kind: "wait")
            case .arrive:
                return PhoneStep(instruction: step.text, clockSeconds: step.startSeconds, position: pairPlan.pair.base, kind: "end")
            }
        }
    }
}
