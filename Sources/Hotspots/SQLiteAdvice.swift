/// The hint for an SQLite failure: what to do about its result code, then the statement that failed,
/// on one line, so a report of the error shows where it happened.
enum SQLiteAdvice {
    static func hint(code: SQLiteResultCode, sql: String?) -> String {
        let advice = advice(code)
        guard let sql, !sql.isEmpty else { return advice }
        return "\(advice) (failed statement: `\(oneLine(sql))`)"
    }

    static func advice(_ code: SQLiteResultCode) -> String {
        switch code.name {
        case "SQLITE_BUSY", "SQLITE_LOCKED":
            "another program is writing to the store; try again when it has finished"
        case "SQLITE_CORRUPT", "SQLITE_NOTADB":
            "the file is damaged or is not a patrol stop store; restore it from a backup, or point --db at another store"
        case "SQLITE_IOERR", "SQLITE_FULL":
            "check the disk that holds the store: it may be full or failing"
        default:
            "check that --db names a patrol stop store and that the file and its folder are writable"
        }
    }

    /// The statement with its whitespace runs made single spaces, cut after 160 characters.
    static func oneLine(_ sql: String) -> String {
        let words = sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
        let line = words.joined(separator: " ")
        return line.count > 160 ? String(line.prefix(160)) + "…" : line
    }
}
