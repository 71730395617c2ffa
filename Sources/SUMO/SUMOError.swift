/// Why a SUMO network could not be read or imported, with the file, the line and what was expected.
public enum SUMOError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The XML itself is broken (truncated, unclosed tag, bad character).
    case malformedXML(file: String, line: Int, column: Int, message: String, expected: String)
    /// The XML parses but an element lacks what a SUMO network needs.
    case invalidElement(file: String, line: Int, element: String, field: String, expected: String)
    /// The file is readable XML but not a usable network (no `<location>`, no projection…).
    case invalidNetwork(file: String, message: String)
    case cannotRead(file: String, reason: String)

    public var description: String {
        switch self {
        case let .malformedXML(file, line, column, message, expected):
            "\(file):\(line):\(column): malformed XML (\(message)); expected \(expected)"
        case let .invalidElement(file, line, element, field, expected):
            "\(file):\(line): <\(element)> \(field): expected \(expected)"
        case let .invalidNetwork(file, message):
            "\(file): \(message)"
        case let .cannotRead(file, reason):
            "cannot read \(file): \(reason)"
        }
    }

    /// The line the problem is on, when there is one.
    public var line: Int? {
        switch self {
        case let .malformedXML(_, line, _, _, _), let .invalidElement(_, line, _, _, _): line
        default: nil
        }
    }
}
