/// Which police.uk locations name a street.
///
/// police.uk writes every map point's place as "On or near X". X is either a street ("Shirley High Street",
/// "The Polygon", "Kingsway") or one of its place categories ("Shopping Area", "Park/Open Space",
/// "Supermarket", "Police Station"…). Requiring a street-type last word (Road, Street…) would lose real
/// streets of central Southampton such as The Polygon, Kingsway, Queensway, Bargate and Western Esplanade,
/// so the rule removes the categories instead. X is not a street when:
/// - it contains "/" (all of police.uk's two-part categories do: "Sports/Recreation Area", "Bus/Coach Station");
/// - its last word, or the word before a trailing North/South/East/West, is a place noun
///   (`placeNouns`: Area, Station, Centre, Subway, Supermarket, Nightclub, Hospital, Hall, Building…);
/// - it is a bare road number (A33, M27, B3041): a reference, not a name.
public enum StreetNameRule {
    public static let prefix = "On or near "

    public static let placeNouns: Set<String> = [
        "area", "station", "centre", "center", "subway", "supermarket", "nightclub", "hospital",
        "hall", "building", "terminal", "airport", "airfield", "prison", "estate", "school",
        "college", "university", "church", "cemetery", "car park", "services",
    ]

    static let compassWords: Set<String> = ["north", "south", "east", "west"]

    /// The street name a police.uk `Location` stands for, or nil when it names no street.
    public static func streetName(fromLocation location: String) -> String? {
        var text = Substring(location.trimmingWhitespace)
        if text.lowercased().hasPrefix(prefix.lowercased()) { text = text.dropFirst(prefix.count) }
        let name = fixApostropheCase(String(text).trimmingWhitespace)
        guard !name.isEmpty, !name.contains("/") else { return nil }
        let words = name.split(separator: " ").map { $0.lowercased() }
        if words.count == 1, isRoadNumber(words[0]) { return nil }
        var last = words.count - 1
        if last > 0, compassWords.contains(words[last]) { last -= 1 }
        if placeNouns.contains(words[last]) { return nil }
        return name
    }

    /// "A33", "M27", "B3041", "A3(M)".
    static func isRoadNumber(_ word: String) -> Bool {
        guard let first = word.first, "abm".contains(first) else { return false }
        var rest = word.dropFirst()
        if rest.hasSuffix("(m)") { rest = rest.dropLast(3) }
        return !rest.isEmpty && rest.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// police.uk capitalises the letter after an apostrophe ("Cox'S Drive"); "Cox's Drive" is meant.
    static func fixApostropheCase(_ name: String) -> String {
        var characters = Array(name)
        for index in characters.indices.dropLast() where characters[index] == "'" {
            let next = index + 1
            let atWordEnd = next + 1 == characters.count || !characters[next + 1].isLetter
            if characters[next].isUppercase, atWordEnd {
                characters[next] = Character(characters[next].lowercased())
            }
        }
        return String(characters)
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[start...end])
        return String(result)
    }
}
