/// Turns a `--db` value into a store: `PATH` or `sqlite:PATH` is the embedded SQLite store; a PostgreSQL
/// URI (`postgres://…`, `postgresql://…`) or libpq keyword string (`host=…`, `dbname=…`, `service=…`) is the
/// shared PostgreSQL store.
public enum StoreLocator {
    public enum Backend: Equatable, Sendable {
        case sqlite(path: String)
        case postgres(connection: String)
    }

    /// The environment variable that selects a store when `--db` is not given.
    public static let environmentVariable = "PATROL_DB"

    public static func backend(_ spec: String) -> Backend {
        if spec.hasPrefix("sqlite:") { return .sqlite(path: String(spec.dropFirst("sqlite:".count))) }
        if spec.hasPrefix("postgres://") || spec.hasPrefix("postgresql://") || isKeywordString(spec) {
            return .postgres(connection: spec)
        }
        return .sqlite(path: spec)
    }

    private static func isKeywordString(_ spec: String) -> Bool {
        let keywords = ["host", "hostaddr", "port", "dbname", "user", "service", "password", "sslmode", "options"]
        let trimmed = spec.drop { $0 == " " }
        return keywords.contains { trimmed.hasPrefix($0 + "=") || trimmed.hasPrefix($0 + " =") }
    }

    public static func open(_ spec: String, migrate: Bool = true) throws -> any StopStore {
        switch backend(spec) {
        case let .sqlite(path):
            return try SQLiteStopStore(path: path, migrate: migrate)
        case let .postgres(connection):
            return try PostgresStopStore(connection: connection, migrate: migrate)
        }
    }

    /// Whether a PostgreSQL spec carries a password itself. The CLI refuses such a spec on its command line
    /// (where `ps` and shell history would show it); the password belongs in PGPASSWORD, ~/.pgpass or a service file.
    public static func holdsPassword(_ spec: String) -> Bool {
        guard case .postgres = backend(spec) else { return false }
        return !PGConnectionSpec.passwordCandidates(in: spec).isEmpty
    }

    /// A path, or `host:port/dbname` of a PostgreSQL spec as written (no environment defaults), never its password.
    public static func describe(_ spec: String) -> String {
        switch backend(spec) {
        case let .sqlite(path): return path
        case let .postgres(connection):
            guard let parsed = try? PGConnectionSpec(parsing: connection) else { return "(unparsable connection string)" }
            if let service = parsed["service"], parsed["host"] == nil { return "service \(service)" }
            return "\(parsed["host"] ?? "localhost"):\(parsed["port"] ?? "5432")/\(parsed["dbname"] ?? "")"
        }
    }
}
