import Streets

public struct PlanOptions: Sendable {
    public var date: PlanDate
    /// Overrides every pair's window when set (seconds after midnight).
    public var startSeconds: Int?
    public var endSeconds: Int?
    /// A revisit of a hotspot comes at least this long after the first visit's arrival.
    public var revisitGapSeconds: Int = 45 * 60
    /// How many hotspots may be watched again after the sweep.
    public var maxRevisits: Int = 2
    /// Hotspots and bases further than this from any street cannot be planned.
    public var snapLimitMetres: Double = 300
    public var penalties: TurnPenalties = .ukDefaults
    public var homeVisits: [HomeVisit] = []
    public var seed: UInt64 = 1
    /// Flow re-solves the postman solver spends improving each sweep (see MixedRuralPostman).
    public var sweepEffort: Int = 400

    public init(date: PlanDate) {
        self.date = date
    }
}

/// How long each phase of planning took, for the closing summary and the benchmarks.
public struct PhaseTimings: Sendable {
    public private(set) var phases: [(name: String, seconds: Double)] = []

    mutating func add(_ name: String, _ seconds: Double) {
        if let index = phases.firstIndex(where: { $0.name == name }) {
            phases[index].seconds += seconds
        } else {
            phases.append((name, seconds))
        }
    }

    mutating func merge(_ other: PhaseTimings) {
        for phase in other.phases { add(phase.name, phase.seconds) }
    }

    mutating func time<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        defer {
            let elapsed = ContinuousClock.now - start
            add(name, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        return try body()
    }
}
