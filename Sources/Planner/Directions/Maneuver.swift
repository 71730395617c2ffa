/// What the driver does where a route leg starts. The raw values are the fixed vocabulary of the
/// `maneuver` property in plan.geojson (see docs/directions.md).
public enum Maneuver: String, Sendable, Hashable, CaseIterable {
    /// The first leg of the day, or the first after a stop whose place is kept private.
    case depart
    /// Nothing to do: the road goes on (same street, small angle); only the kind of driving changes.
    case carryOn = "none"
    /// Straight on, onto a street of another name.
    case `continue`
    case slightLeft = "slight-left"
    case slightRight = "slight-right"
    case turnLeft = "turn-left"
    case turnRight = "turn-right"
    case sharpLeft = "sharp-left"
    case sharpRight = "sharp-right"
    /// The left of two roads that both go on ahead.
    case keepLeft = "keep-left"
    case keepRight = "keep-right"
    /// The route reverses onto the street it came along (planned only at dead ends, or where nothing else goes).
    case uTurn = "u-turn"
    /// Onto a roundabout (found from the graph: a short one-way ring), with the exit to take.
    case roundabout
    /// Back at the base (the run sheet's and the GPX route's last step; not on a leg).
    case arrive

    /// True where the driver must act at the leg's first point.
    public var needsAction: Bool { self != .carryOn }
}

/// Thresholds on the signed angle between the heading into a junction and the heading out of it
/// (positive turns left). UK drivers keep left; the angles are the same either side.
public enum ManeuverThresholds {
    /// Below this, the road goes straight on.
    public static let continueBelowDegrees = 20.0
    /// From `continueBelowDegrees` to this, a slight turn.
    public static let slightBelowDegrees = 45.0
    /// From `slightBelowDegrees` to this, a turn; beyond it, a sharp turn.
    public static let turnBelowDegrees = 135.0
    /// Two roads both within this of straight ahead make a fork: keep left or keep right.
    public static let forkWithinDegrees = 45.0
    /// Headings are taken this far back along the road driven and this far ahead along the road taken,
    /// so that dense vertices at the junction itself do not add noise.
    public static let lookMetres = 15.0
}

extension Maneuver {
    /// The maneuver at a point where the route goes on from one street to the next.
    /// - Parameters:
    ///   - angleDegrees: signed turn angle of the route (positive left).
    ///   - otherAngles: signed angles of the other roads the driver could take there (not back).
    ///   - sameStreet: the street taken has the name of the street driven.
    ///   - reverses: the route turns back along the street it came on.
    public static func at(angleDegrees angle: Double, otherAngles: [Double], sameStreet: Bool, reverses: Bool) -> Maneuver {
        if reverses { return .uTurn }
        let size = abs(angle)
        // No other way to go: a bend or a change of name, never a turn the driver chooses.
        if otherAngles.isEmpty { return sameStreet ? .carryOn : .continue }
        let fork = ManeuverThresholds.forkWithinDegrees
        if size < fork, let rival = otherAngles.filter({ abs($0) < fork }).min(by: { abs($0 - angle) < abs($1 - angle) }),
           // A street that runs straight on past a road branching off at a small angle needs no word.
           !(sameStreet && size < ManeuverThresholds.continueBelowDegrees && abs(rival) > size) {
            return angle > rival ? .keepLeft : .keepRight
        }
        if size < ManeuverThresholds.continueBelowDegrees { return sameStreet ? .carryOn : .continue }
        if size < ManeuverThresholds.slightBelowDegrees {
            // The street itself bends and the others leave it: follow the road.
            if sameStreet, otherAngles.allSatisfy({ abs($0) > size }) { return .carryOn }
            return angle > 0 ? .slightLeft : .slightRight
        }
        if size < ManeuverThresholds.turnBelowDegrees { return angle > 0 ? .turnLeft : .turnRight }
        return angle > 0 ? .sharpLeft : .sharpRight
    }
}
