/// XML character data and attribute values, for the GPX, SVG and HTML writers: the five predefined entities.
public enum XMLEscape {
    public static func text(_ value: String) -> String {
        guard value.contains(where: { "&<>\"'".contains($0) }) else { return value }
        var out = ""
        out.reserveCapacity(value.count + 8)
        for character in value {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
