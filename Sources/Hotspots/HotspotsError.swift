import Base

/// Errors of the Hotspots module; each names the file, line or object it concerns.
public enum HotspotsError: UserFacingError, Hashable, Sendable {
    case unreadableFile(path: String, message: String)
    case badRows(path: String, errors: [RowError])
    case personalDataColumns(path: String, columns: [String])
    case missingColumns(path: String, columns: [String])
    case storeNewerThanProgram(path: String, storeVersion: Int, programVersion: Int)
    case store(path: String, message: String)
    /// SQLite refused: its result code and the statement that failed, never the statement's arguments
    /// (they can be stop data).
    case sqlite(path: String, code: SQLiteResultCode, message: String, sql: String?)
    /// A PostgreSQL failure: `server` is `host:port/dbname`, never a password.
    case postgres(server: String, sqlstate: String?, message: String)
    case invalidOption(name: String, message: String)
    case configuration(path: String, message: String)

    public var description: String {
        switch self {
        case let .unreadableFile(path, message):
            "\(path): cannot read: \(message)"
        case let .badRows(path, errors):
            "\(path): \(errors.count) bad row\(errors.count == 1 ? "" : "s"); nothing imported from this file\n"
                + errors.map(\.description).joined(separator: "\n")
        case let .personalDataColumns(path, columns):
            "\(path): column\(columns.count == 1 ? "" : "s") \(columns.map { "'\($0)'" }.joined(separator: ", ")) "
                + "look\(columns.count == 1 ? "s" : "") like personal data or free text; the file was not imported"
        case let .missingColumns(path, columns):
            "\(path):1: header: missing column\(columns.count == 1 ? "" : "s") \(columns.joined(separator: ", "))"
        case let .storeNewerThanProgram(path, storeVersion, programVersion):
            "\(path): the store has schema version \(storeVersion), newer than this program's \(programVersion)"
        case let .store(path, message):
            "\(path): store error: \(message)"
        case let .sqlite(path, code, message, _):
            "\(path): store error: \(message) [\(code)]"
        case let .postgres(server, sqlstate, message):
            "PostgreSQL \(server): \(message)\(sqlstate.map { " [SQLSTATE \($0)]" } ?? "")"
        case let .invalidOption(name, message):
            "--\(name): \(message)"
        case let .configuration(path, message):
            "\(path): \(message)"
        }
    }
}

extension HotspotsError {
    public var hint: String? {
        switch self {
        case .unreadableFile: "check the path and that the file is the kind named"
        case .badRows: "fix the rows named (file:line: field), or pass --skip-bad to import the good rows only"
        case .personalDataColumns: "remove the columns from the file, or pass --drop-personal-columns to import without reading them"
        case .missingColumns: "the header needs time, reason, outcome and lon/lat or place (any order); see docs/hotspots.md"
        case .storeNewerThanProgram: "use a newer patrol, or point --db at a store made by this version"
        case .store: "check that --db names a patrol stop store and that its folder is writable"
        case let .sqlite(_, code, _, sql): SQLiteAdvice.hint(code: code, sql: sql)
        case .postgres(_, nil, _):
            "check the host, port and database; the password comes from PGPASSWORD, ~/.pgpass or pg_service.conf (see README)"
        case .postgres: "see the server's message and SQLSTATE; `patrol db status` shows the store's version and mode"
        case .invalidOption: "see --help"
        case .configuration: "reason weights are a JSON object such as {\"truanting\": 1.0, \"sick\": 0.5}"
        }
    }

    public var exitCode: ExitStatus {
        switch self {
        case .unreadableFile: .noInput
        case .badRows, .personalDataColumns, .missingColumns: .dataError
        case .storeNewerThanProgram: .incompatibleStore
        case .store, .sqlite: .cannotCreate
        case .postgres(_, nil, _): .unavailable
        case .postgres: .software
        case .invalidOption: .usage
        case .configuration: .configuration
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
