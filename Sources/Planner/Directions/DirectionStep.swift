/// One numbered step of a pair's directions: what the run sheets list and a driver reads.
public struct DirectionStep: Hashable, Sendable {
    public enum Kind: String, Sendable {
        /// A maneuver onto a street of the sweep (swept or driven through), and the driving up to the next.
        case drive
        /// Consecutive travel legs as one "drive to …", with their turns as details.
        case travel
        /// A hotspot watch (or revisit).
        case watch
        case wait
        /// Back at the base.
        case arrive
    }

    /// A further instruction inside a step, with the metres driven after it.
    public struct Detail: Hashable, Sendable {
        public var text: String
        public var distanceMetres: Double
    }

    public var number: Int
    public var kind: Kind
    /// The maneuver that starts the step (the first leg's; nil for watches and waits).
    public var maneuver: Maneuver?
    /// The kind of driving of the step's first leg.
    public var legKind: RouteLeg.Kind?
    public var startSeconds: Double
    public var durationSeconds: Double
    public var distanceMetres: Double
    /// The headline: the first leg's instruction (a drive), "Drive to …", "Watch …".
    public var text: String
    /// Metres driven after the headline's own instruction before the first detail (for a drive).
    public var headDistanceMetres: Double
    public var details: [Detail]
    /// How many route legs (with a line) the step covers, in order.
    public var legCount: Int
    public var isRevisit: Bool
    /// Where a travel step drives to (a hotspot's name, the base), kept apart from street names.
    public var place: String? = nil

    public var endSeconds: Double { startSeconds + durationSeconds }
}
