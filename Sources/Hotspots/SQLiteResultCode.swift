/// An SQLite result code as the SQLite documentation names it (`SQLITE_BUSY`, `SQLITE_CORRUPT`), so a
/// planner can search for it and a maintainer can tell a locked store from a damaged one. The extended
/// code is kept when it says more than the primary one (`SQLITE_IOERR`, extended code 266).
public struct SQLiteResultCode: Hashable, Sendable, CustomStringConvertible {
    /// The primary code, the low 8 bits of an extended code.
    public var primary: Int32
    public var extended: Int32

    public init(extended: Int32) {
        self.extended = extended
        self.primary = extended & 0xFF
    }

    /// `SQLITE_NAME` for the primary code, or `SQLite result code N` for one this table does not know.
    public var name: String {
        Self.primaryNames[primary].map { "SQLITE_\($0)" } ?? "SQLite result code \(primary)"
    }

    public var description: String {
        extended == primary ? name : "\(name), extended code \(extended)"
    }

    /// The primary result codes of https://www.sqlite.org/rescode.html.
    private static let primaryNames: [Int32: String] = [
        0: "OK", 1: "ERROR", 2: "INTERNAL", 3: "PERM", 4: "ABORT", 5: "BUSY", 6: "LOCKED", 7: "NOMEM",
        8: "READONLY", 9: "INTERRUPT", 10: "IOERR", 11: "CORRUPT", 12: "NOTFOUND", 13: "FULL", 14: "CANTOPEN",
        15: "PROTOCOL", 16: "EMPTY", 17: "SCHEMA", 18: "TOOBIG", 19: "CONSTRAINT", 20: "MISMATCH", 21: "MISUSE",
        22: "NOLFS", 23: "AUTH", 24: "FORMAT", 25: "RANGE", 26: "NOTADB", 27: "NOTICE", 28: "WARNING",
        100: "ROW", 101: "DONE",
    ]
}
