/// Errors of the Hotspots module; each names the file, line or object it concerns.
public enum HotspotsError: Error, Hashable, Sendable, CustomStringConvertible {
    case unreadableFile(path: String, message: String)
    case badRows(path: String, errors: [RowError])
    case personalDataColumns(path: String, columns: [String])
    case missingColumns(path: String, columns: [String])
    case storeNewerThanProgram(path: String, storeVersion: Int, programVersion: Int)
    case store(path: String, message: String)
    case invalidOption(name: String, message: String)

    public var description: String {
        switch self {
        case let .unreadableFile(path, message):
            "\(path): cannot read: \(message)"
        case let .badRows(path, errors):
            "\(path): \(errors.count) bad row\(errors.count == 1 ? "" : "s"); nothing imported (fix them, or pass --skip-bad)\n"
                + errors.map(\.description).joined(separator: "\n")
        case let .personalDataColumns(path, columns):
            "\(path): column\(columns.count == 1 ? "" : "s") \(columns.map { "'\($0)'" }.joined(separator: ", ")) "
                + "look\(columns.count == 1 ? "s" : "") like personal data or free text and will not be stored; "
                + "remove \(columns.count == 1 ? "it" : "them") from the file, or pass --drop-personal-columns to import without \(columns.count == 1 ? "it" : "them")"
        case let .missingColumns(path, columns):
            "\(path):1: header: missing column\(columns.count == 1 ? "" : "s") \(columns.joined(separator: ", "))"
        case let .storeNewerThanProgram(path, storeVersion, programVersion):
            "\(path): the store has schema version \(storeVersion), newer than this program's \(programVersion); "
                + "use a newer patrol, or a copy of the store made by this version"
        case let .store(path, message):
            "\(path): store error: \(message)"
        case let .invalidOption(name, message):
            "--\(name): \(message)"
        }
    }
}

/// One bad row: `file:line: field: message`.
public struct RowError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var field: String
    public var message: String

    public init(path: String, line: Int, field: String, message: String) {
        self.path = path
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String { "\(path):\(line): \(field): \(message)" }
}
