import Geo
/// A growing SVG document. Numbers are written with one decimal (a tenth of a pixel is finer than any
/// screen or print at the map's scale) by hand, because `String(format:)` dominates the time of a big map.
struct SVGText {
    private(set) var text = ""

    init(reservingCapacity capacity: Int = 1 << 16) {
        text.reserveCapacity(capacity)
    }

    mutating func raw(_ fragment: String) { text += fragment }

    mutating func number(_ value: Double) {
        text += SVGText.format(value)
    }

    /// `x,y` for path data.
    mutating func point(_ x: Double, _ y: Double) {
        text += SVGText.format(x)
        text += ","
        text += SVGText.format(y)
    }

    mutating func escaped(_ value: String) { text += XMLEscape.text(value) }

    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let magnitude = tenths.magnitude
        let whole = magnitude / 10
        let fraction = magnitude % 10
        var out = tenths < 0 ? "-" : ""
        out += String(whole)
        if fraction != 0 {
            out += "."
            out += String(fraction)
        }
        return out
    }


    /// An XML id from any pair id: letters, digits, `-` and `_`; other characters become `-`.
    static func identifier(_ value: String) -> String {
        let mapped = value.unicodeScalars.map { scalar -> Character in
            let ascii = scalar.isASCII && (ASCIIName.isAlphanumeric(scalar) || scalar == "-" || scalar == "_")
            return ascii ? Character(scalar) : "-"
        }
        let text = String(mapped)
        return text.isEmpty ? "pair" : text
    }
}

enum ASCIIName {
    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
