import Geo

/// The page's data as JSON inside `<script type="application/json">`, escaped so that no text from the area
/// (a hotspot called `</script><script>…`) can end the element or start markup.
enum PhonePageData {
    static func json(_ page: PhonePage, projection: PhoneMapProjection) -> String {
        func point(_ position: LonLat) -> [String: JSONValue] {
            ["lon": .number(rounded(position.lon)), "lat": .number(rounded(position.lat))]
        }
        let steps: [JSONValue] = page.steps.map { step in
            .object(point(step.position).merging([
                "text": .string(step.instruction), "clock": .number(step.clockSeconds.rounded()), "kind": .string(step.kind),
            ]) { first, _ in first })
        }
        let places: [JSONValue] = page.places.map { .object(point($0.position).merging(["name": .string($0.name)]) { first, _ in first }) }
        let data: JSONValue = .object([
            "pair": .string(page.pairID),
            "date": .string(page.date.description),
            "area": .string(page.areaName),
            "sweep": .string("\(page.areaName)-\(page.date)"),
            "csvName": .string(page.csvFileName),
            "steps": .array(steps),
            "places": .array(places),
            "projection": .object([
                "minLon": .number(projection.minLon), "maxLat": .number(projection.maxLat),
                "kx": .number(projection.unitsPerDegreeLon), "ky": .number(projection.unitsPerDegreeLat),
                "width": .number(projection.width), "height": .number(projection.height),
            ]),
        ])
        var writer = JSONWriter()
        writer.value(data)
        return scriptSafe(writer.text)
    }

    /// `<`, `>` and `&` as JSON escapes (they occur only inside strings), and the two line separators JavaScript
    /// once refused in string literals.
    static func scriptSafe(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Seven decimals, as every file a person opens.
    static func rounded(_ degrees: Double) -> Double { (degrees * 1e7).rounded() / 1e7 }
}
