/// A rolling time split of a stop history: the most recent quarter of its time span is held out as the test
/// period, the rest is the fit. A map chosen on it is judged only on stops it could not have seen.
public struct TimeSplit: Hashable, Sendable {
    /// The first test stop's time; the fit uses stops strictly before it and weighs them as of it.
    public var testStart: LocalDateTime
    public var training: [Stop]
    public var test: [Stop]

    public static let minimumStops = 30
    public static let minimumWeeks = 2
    public static let heldOutShare = 0.25

    public enum Outcome: Hashable, Sendable {
        case split(TimeSplit)
        /// Why the history is too short to choose by prediction.
        case tooLittleHistory(String)
    }

    /// Splits `stops` at the start of the last quarter of their time span; the test period starts with the
    /// first stop at or after that moment, so stops recorded together (a month of police.uk points, a sweep)
    /// fall on one side.
    public static func lastQuarter(of stops: [Stop]) -> Outcome {
        let sorted = stops.sorted { $0.time < $1.time }
        guard sorted.count >= minimumStops else {
            return .tooLittleHistory("\(sorted.count) stops, fewer than the \(minimumStops) needed to choose a map by prediction")
        }
        let weeks = Set(sorted.map { Int(($0.time.days / 7).rounded(.down)) })
        guard weeks.count >= minimumWeeks else {
            return .tooLittleHistory("stops from \(weeks.count) week, fewer than the \(minimumWeeks) distinct weeks needed to hold one out")
        }
        let first = sorted[0].time.days, last = sorted[sorted.count - 1].time.days
        let threshold = first + (1 - heldOutShare) * (last - first)
        guard let firstTest = sorted.firstIndex(where: { $0.time.days >= threshold }), firstTest > 0 else {
            return .tooLittleHistory("no stop before the held-out period")
        }
        return .split(TimeSplit(testStart: sorted[firstTest].time, training: Array(sorted[..<firstTest]),
                                test: Array(sorted[firstTest...])))
    }
}
