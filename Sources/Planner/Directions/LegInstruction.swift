import Foundation
import Geo

/// The words for a leg's maneuver: a full instruction ("Turn left onto Janson Road") and a short one for
/// a GPS unit's screen ("Left: Janson Road").
public enum LegInstruction {
    /// The maneuver of `leg`, for legs built without the street graph too.
    public static func maneuver(_ leg: RouteLeg, previous: RouteLeg?) -> Maneuver {
        leg.maneuver ?? (previous == nil ? .depart : .continue)
    }

    /// The street the leg drives along, or "unnamed road (service)".
    public static func street(_ leg: RouteLeg) -> String {
        if let name = leg.streets.first(where: { !$0.isEmpty }) { return name }
        return leg.roadClass.map { "unnamed road (\($0))" } ?? "unnamed road"
    }

    public static func text(_ leg: RouteLeg, previous: RouteLeg?) -> String {
        let street = street(leg)
        // An unnamed road is no landmark: "stay on" only a named street.
        let stays = leg.streets.contains { !$0.isEmpty } && previous.map { Self.street($0) == street } ?? false
        let onto = stays ? "to stay on \(street)" : "onto \(street)"
        switch maneuver(leg, previous: previous) {
        case .depart: return "Head \(compass(leg.path)) on \(street)"
        case .carryOn: return "Carry on along \(street), \(doing(leg.kind))"
        case .continue: return "Continue \(onto)"
        case .slightLeft: return "Slight left \(onto)"
        case .slightRight: return "Slight right \(onto)"
        case .turnLeft: return "Turn left \(onto)"
        case .turnRight: return "Turn right \(onto)"
        case .sharpLeft: return "Sharp left \(onto)"
        case .sharpRight: return "Sharp right \(onto)"
        case .keepLeft: return "Keep left \(onto)"
        case .keepRight: return "Keep right \(onto)"
        case .uTurn: return leg.startsAtDeadEnd ? "Turn round at the dead end of \(street)" : "Make a U-turn on \(street)"
        case .roundabout:
            let ring = leg.streets.first(where: { !$0.isEmpty }) ?? "the roundabout"
            guard let exit = leg.roundaboutExit else { return "Enter \(ring)" }
            return "At \(ring), take the \(ordinal(exit)) exit"
        case .arrive: return "Arrive at \(street)"
        }
    }

    public static func short(_ leg: RouteLeg, previous: RouteLeg?) -> String {
        if let exit = leg.roundaboutExit { return "Roundabout: exit \(exit)" }
        return "\(label(maneuver(leg, previous: previous))): \(street(leg))"
    }

    /// "1st", "2nd", "3rd", "4th", … "11th", "12th", "13th", "21st".
    static func ordinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }

    /// The maneuver in one or two words.
    public static func label(_ maneuver: Maneuver) -> String {
        switch maneuver {
        case .depart: "Start"
        case .carryOn: "On"
        case .continue: "Ahead"
        case .slightLeft: "Slight left"
        case .slightRight: "Slight right"
        case .turnLeft: "Left"
        case .turnRight: "Right"
        case .sharpLeft: "Sharp left"
        case .sharpRight: "Sharp right"
        case .keepLeft: "Keep left"
        case .keepRight: "Keep right"
        case .uTurn: "U-turn"
        case .roundabout: "Roundabout"
        case .arrive: "Arrive"
        }
    }

    static func doing(_ kind: RouteLeg.Kind) -> String {
        switch kind {
        case .sweep: "sweeping"
        case .deadhead: "already swept"
        case .travel: "driving through"
        }
    }

    /// The eight-point compass direction of the line's first stretch ("north", "south-west").
    static func compass(_ path: [LonLat]) -> String {
        guard let first = path.first, let next = path.first(where: { $0 != first }) else { return "off" }
        let dx = (next.lon - first.lon) * cos(first.lat * .pi / 180)
        let dy = next.lat - first.lat
        let bearing = (atan2(dx, dy) * 180 / .pi + 360).truncatingRemainder(dividingBy: 360)
        let names = ["north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"]
        return names[Int((bearing + 22.5) / 45) % 8]
    }
}
