/// Which tagged OSM objects become schools and candidate hotspots.
public enum PlaceRules {
    /// The `places.geojson` kind of an object, or nil. The first matching rule wins.
    public static func kind(_ tags: [String: String]) -> String? {
        switch tags["shop"] {
        case "supermarket": return "supermarket"
        case "convenience": return "convenience"
        case "mall": return "shopping_centre"
        default: break
        }
        if tags["amenity"] == "fast_food" { return "fast_food" }
        switch tags["leisure"] {
        case "park": return "park"
        case "playground": return "playground"
        case "sports_centre", "leisure_centre": return "leisure_centre"
        default: break
        }
        if tags["landuse"] == "retail", let name = tags["name"], !name.isEmpty { return "shopping_centre" }
        return nil
    }

    public static func isSchool(_ tags: [String: String]) -> Bool {
        tags["amenity"] == "school"
    }

    /// GIAS-style phase from OSM tags: `isced:level`, else words in the name; "Not applicable" when unknown.
    public static func schoolPhase(_ tags: [String: String]) -> String {
        if let level = tags["isced:level"] {
            let levels = Set(level.split(whereSeparator: { $0 == ";" || $0 == "-" || $0 == "," })
                .compactMap { Int($0.trimmingWhitespace) })
            let primary = levels.contains(1) || levels.contains(0)
            let secondary = levels.contains(2) || levels.contains(3)
            if primary && secondary { return "All-through" }
            if secondary { return "Secondary" }
            if primary { return "Primary" }
        }
        let name = (tags["name"] ?? "").lowercased()
        if name.contains("primary") || name.contains("infant") || name.contains("junior") { return "Primary" }
        if name.contains("secondary") || name.contains("high school") { return "Secondary" }
        if name.contains("nursery") { return "Nursery" }
        return "Not applicable"
    }
}
