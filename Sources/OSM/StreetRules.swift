/// How a highway way is used: driven, or only scanned on foot from the car's surroundings.
public enum StreetUse: String, Hashable, Sendable {
    case drivable
    case scanOnly
}

/// The tags of a kept highway way, reduced to what `streets.geojson` holds.
public struct StreetAttributes: Hashable, Sendable {
    public var highway: String
    public var name: String
    public var use: StreetUse
    /// "yes", "-1" or "no".
    public var oneway: String
    public var maxspeedKilometresPerHour: Double?
}

/// Which OSM highway ways become streets, and with which attributes.
public enum StreetRules {
    /// Classes a car may drive (motorways included: they are deadhead, never swept).
    public static let drivableHighways: Set<String> = [
        "motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link",
        "secondary", "secondary_link", "tertiary", "tertiary_link", "unclassified",
        "residential", "living_street", "service", "road",
    ]
    /// Classes a pair can walk and scan but not drive. Tracks are here: on the island they are farm tracks.
    public static let scanOnlyHighways: Set<String> = [
        "footway", "path", "pedestrian", "steps", "cycleway", "bridleway", "track",
    ]
    static let deniedAccess: Set<String> = ["no", "private"]
    static let deniedMotorAccess: Set<String> = ["no", "private", "agricultural", "forestry"]

    /// The street a way becomes, or nil when it is neither drivable nor scannable
    /// (construction, proposed, raceway, bus_guideway, platforms, areas, private ways…).
    public static func classify(_ tags: [String: String]) -> StreetAttributes? {
        guard let highway = tags["highway"] else { return nil }
        if tags["area"] == "yes" { return nil }
        let footAllowed = !deniedAccess.contains(tags["foot"] ?? tags["access"] ?? "yes")
        let motorTag = tags["motorcar"] ?? tags["motor_vehicle"] ?? tags["vehicle"] ?? tags["access"] ?? "yes"
        let motorAllowed = !deniedMotorAccess.contains(motorTag)

        let use: StreetUse
        if drivableHighways.contains(highway) {
            if highway == "service" && tags["service"] == "alley" {
                guard footAllowed else { return nil }
                use = .scanOnly
            } else if motorAllowed {
                use = .drivable
            } else if footAllowed && tags["foot"] != nil {
                // A road closed to cars but explicitly open on foot (a bus gate, a closed-off street).
                use = .scanOnly
            } else {
                return nil
            }
        } else if scanOnlyHighways.contains(highway) {
            guard footAllowed else { return nil }
            use = .scanOnly
        } else {
            return nil
        }
        return StreetAttributes(
            highway: highway,
            name: tags["name"] ?? "",
            use: use,
            oneway: use == .drivable ? oneway(tags) : footOneway(tags),
            maxspeedKilometresPerHour: tags["maxspeed"].flatMap(MaxSpeed.kilometresPerHour)
        )
    }

    /// The driving direction: an explicit `oneway` wins; roundabouts and motorways imply "yes".
    public static func oneway(_ tags: [String: String]) -> String {
        switch tags["oneway"]?.lowercased() {
        case "yes", "true", "1": return "yes"
        case "-1", "reverse": return "-1"
        case "no", "false", "0": return "no"
        default: break
        }
        if let junction = tags["junction"], junction == "roundabout" || junction == "circular" { return "yes" }
        if let highway = tags["highway"], highway == "motorway" || highway == "motorway_link" { return "yes" }
        return "no"
    }

    /// Scanning is on foot, so a cycle lane's `oneway` does not bind; only `oneway:foot` does.
    static func footOneway(_ tags: [String: String]) -> String {
        switch tags["oneway:foot"]?.lowercased() {
        case "yes", "true", "1": return "yes"
        case "-1", "reverse": return "-1"
        default: return "no"
        }
    }
}
