/// Parses OSM `maxspeed` values into km/h.
public enum MaxSpeed {
    public static let kilometresPerMile = 1.609344

    /// "30 mph" → 48.28, "20" → 20, "50 km/h" → 50; "GB:nsl_single" → 96.56 (60 mph),
    /// "GB:nsl_dual" and "GB:motorway" → 112.65 (70 mph). Values that are no number
    /// ("signals", "none", "variable", "walk", several values) give nil. Rounded to 0.01 km/h.
    public static func kilometresPerHour(_ text: String) -> Double? {
        let value = text.trimmingWhitespace.lowercased()
        switch value {
        case "gb:nsl_single", "uk:nsl_single": return rounded(60 * kilometresPerMile)
        case "gb:nsl_dual", "uk:nsl_dual", "gb:motorway", "uk:motorway": return rounded(70 * kilometresPerMile)
        default: break
        }
        var number = ""
        var rest = Substring(value)
        while let first = rest.first, first.isASCII, first.isNumber || first == "." {
            number.append(first)
            rest = rest.dropFirst()
        }
        guard let speed = Double(number), speed.isFinite, speed > 0, speed < 400 else { return nil }
        let unit = rest.trimmingWhitespace
        switch unit {
        case "": return rounded(speed)
        case "mph": return rounded(speed * kilometresPerMile)
        case "km/h", "kmh", "kph", "kmph": return rounded(speed)
        case "knots": return rounded(speed * 1.852)
        default: return nil
        }
    }

    static func rounded(_ value: Double) -> Double {
        (value * 100).rounded() / 100
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        let scalars = String(self).unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}
