/// Writes JSON text with a stable key order and a bounded number of decimals.
///
/// Our own writer rather than JSONEncoder: GeoJSON output must put "type" first, keep
/// property keys sorted, and cap coordinates at 7 decimals (about 1 cm), byte for byte
/// the same on every run.
public struct JSONWriter {
    public private(set) var text: String = ""
    public let pretty: Bool
    private var depth = 0

    public init(pretty: Bool = false) {
        self.pretty = pretty
        text.reserveCapacity(4096)
    }

    public mutating func raw(_ fragment: String) { text += fragment }

    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: text += "null"
        case let .bool(flag): text += flag ? "true" : "false"
        case let .number(number): self.number(number)
        case let .string(string): self.string(string)
        case let .array(items):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                self.value(item)
            }
            text += "]"
        case let .object(members):
            text += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { text += "," }
                string(key)
                text += ":"
                self.value(members[key]!)
            }
            text += "}"
        }
    }

    /// A finite number; integral values print without a fraction. Non-finite numbers become null
    /// (JSON has no NaN), but GeoJSON coordinates are checked before they get here.
    public mutating func number(_ number: Double, decimals: Int? = nil) {
        guard number.isFinite else {
            text += "null"
            return
        }
        var value = number
        if let decimals {
            let scale = Self.powersOfTen[decimals]
            value = (value * scale).rounded() / scale
        }
        if value == value.rounded(), abs(value) < 1e15 {
            text += String(Int64(value))
        } else {
            text += "\(value)"
        }
    }

    private static let powersOfTen: [Double] = (0...15).map { pow10($0) }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    public mutating func string(_ string: String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }

    /// Starts a new line at the current depth when pretty-printing (used between features).
    public mutating func newline() {
        if pretty { text += "\n" }
    }
}
