/// Turns a `--db` value into a store: `PATH` or `sqlite:PATH` is the embedded SQLite store. A PostgreSQL
/// URI (`postgres://…`, `postgresql://…`) or keyword string is recognised and refused until the libpq
/// backend of issue 13 exists, so that a county team's setting fails clearly instead of creating a file.
public enum StoreLocator {
    public enum Backend: Equatable, Sendable {
        case sqlite(path: String)
        case postgres(connection: String)
    }

    public static func backend(_ spec: String) -> Backend {
        if spec.hasPrefix("sqlite:") { return .sqlite(path: String(spec.dropFirst("sqlite:".count))) }
        if spec.hasPrefix("postgres://") || spec.hasPrefix("postgresql://") || spec.hasPrefix("host=")
            || spec.hasPrefix("dbname=") || spec.hasPrefix("service=") {
            return .postgres(connection: spec)
        }
        return .sqlite(path: spec)
    }

    public static func open(_ spec: String) throws -> any StopStore {
        switch backend(spec) {
        case let .sqlite(path):
            return try SQLiteStopStore(path: path)
        case .postgres:
            // Never echo the spec: it may hold a password.
            throw HotspotsError.store(path: "--db", message: "the PostgreSQL store is not in this build; use an SQLite path")
        }
    }
}
