import CLibPQ
import Foundation

/// One libpq connection, owned here and finished in `deinit`. Not `Sendable`: each task or process opens its own.
///
/// Every statement goes through `PQexecParams` with its values bound as text parameters, never spliced into
/// the SQL; every `PGresult` is owned by a `PGResult` that clears it. Errors are `HotspotsError.postgres`,
/// carrying the server's message and SQLSTATE, with every password libpq might know scrubbed out.
final class PGConnection {
    private let handle: OpaquePointer
    /// `host:port/dbname`, for messages; never a password.
    let server: String
    private let secrets: [String]

    init(conninfo: String) throws {
        var secrets = PGConnectionSpec.passwordCandidates(in: conninfo)
        if let environment = ProcessInfo.processInfo.environment["PGPASSWORD"] { secrets.append(environment) }
        guard let connection = PQconnectdb(conninfo) else {
            throw HotspotsError.postgres(server: "PostgreSQL", sqlstate: nil, message: "libpq could not allocate a connection")
        }
        if let password = PQpass(connection) { secrets.append(String(cString: password)) }
        let server = Self.describe(connection)
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = PGConnection.scrub(PGConnection.oneLine(String(cString: PQerrorMessage(connection))), secrets: secrets)
            PQfinish(connection)
            throw HotspotsError.postgres(server: PGConnection.scrub(server, secrets: secrets), sqlstate: nil,
                                         message: "cannot connect: " + message)
        }
        // Notices ("relation already exists, skipping") would otherwise go to standard error.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        self.handle = connection
        self.secrets = secrets
        self.server = PGConnection.scrub(server, secrets: secrets)
    }

    deinit {
        PQfinish(handle)
    }

    /// Runs one statement with `parameters` bound as text (`nil` is SQL NULL).
    @discardableResult
    func execute(_ sql: String, _ parameters: [String?] = []) throws -> PGResult {
        let copies: [UnsafeMutablePointer<CChar>?] = parameters.map { $0.map { strdup($0) } ?? nil }
        defer { copies.forEach { free($0) } }
        let values = copies.map { UnsafePointer($0) }
        let raw = values.withUnsafeBufferPointer { buffer in
            PQexecParams(handle, sql, Int32(parameters.count), nil, buffer.baseAddress, nil, nil, 0)
        }
        return try check(raw, sql: sql, expecting: [PGRES_COMMAND_OK, PGRES_TUPLES_OK])
    }

    /// `COPY … FROM STDIN` (text format) with `rows` already in COPY text form; returns the rows copied.
    func copyIn(_ sql: String, chunks: [String]) throws -> Int {
        try check(PQexec(handle, sql), sql: sql, expecting: [PGRES_COPY_IN])
        for chunk in chunks {
            let sent = chunk.utf8CString.withUnsafeBufferPointer { buffer in
                PQputCopyData(handle, buffer.baseAddress, Int32(buffer.count - 1))
            }
            if sent != 1 { break }  // the error, if any, comes back from PQgetResult below
        }
        if PQputCopyEnd(handle, nil) != 1 {
            throw HotspotsError.postgres(server: server, sqlstate: nil, message: "COPY failed: \(lastError)")
        }
        let result = try check(PQgetResult(handle), sql: sql, expecting: [PGRES_COMMAND_OK])
        // PQgetResult must be drained until NULL before the next command.
        while let extra = PQgetResult(handle) { PQclear(extra) }
        return result.affectedRows
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            if PQtransactionStatus(handle) != PQTRANS_IDLE { _ = try? execute("ROLLBACK") }
            throw error
        }
    }

    private var lastError: String {
        PGConnection.scrub(PGConnection.oneLine(String(cString: PQerrorMessage(handle))), secrets: secrets)
    }

    @discardableResult
    private func check(_ raw: OpaquePointer?, sql: String, expecting: [ExecStatusType]) throws -> PGResult {
        guard let raw else {
            throw HotspotsError.postgres(server: server, sqlstate: nil, message: lastError)
        }
        let result = PGResult(raw)
        let status = PQresultStatus(raw)
        guard expecting.contains(status) else {
            let sqlstate = PQresultErrorField(raw, PATROL_PG_DIAG_SQLSTATE).map { String(cString: $0) }
            var message = PQresultErrorField(raw, PATROL_PG_DIAG_MESSAGE_PRIMARY).map { String(cString: $0) }
                ?? String(cString: PQresultErrorMessage(raw))
            if let detail = PQresultErrorField(raw, PATROL_PG_DIAG_MESSAGE_DETAIL) { message += " (\(String(cString: detail)))" }
            if message.isEmpty { message = String(cString: PQresStatus(status)) }
            let statement = sql.split(separator: "\n").first.map(String.init) ?? sql
            throw HotspotsError.postgres(server: server, sqlstate: sqlstate,
                                         message: PGConnection.scrub(message.trimmingCharacters(in: .whitespacesAndNewlines),
                                                                     secrets: secrets) + " in: \(statement)")
        }
        return result
    }

    /// `host:port/dbname` as libpq resolved them (from the spec, the environment or a service file).
    private static func describe(_ connection: OpaquePointer) -> String {
        let host = PQhost(connection).map { String(cString: $0) } ?? ""
        let port = PQport(connection).map { String(cString: $0) } ?? ""
        let database = PQdb(connection).map { String(cString: $0) } ?? ""
        return "\(host.isEmpty ? "localhost" : host):\(port.isEmpty ? "5432" : port)/\(database)"
    }

    /// libpq's multi-line messages (a hint after a newline and tab) as one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: "; ")
    }

    static func scrub(_ text: String, secrets: [String]) -> String {
        var text = text
        for secret in secrets where secret.count >= 2 {
            text = text.replacingOccurrences(of: secret, with: "***")
        }
        return text
    }
}

/// One `PGresult`, cleared in `deinit`.
final class PGResult {
    private let handle: OpaquePointer

    init(_ handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        PQclear(handle)
    }

    var rowCount: Int { Int(PQntuples(handle)) }

    /// Rows touched by INSERT, UPDATE, DELETE or COPY.
    var affectedRows: Int { Int(String(cString: PQcmdTuples(handle))) ?? 0 }

    func column(_ name: String) -> Int32 { PQfnumber(handle, name) }

    func text(_ row: Int, _ column: Int32) -> String? {
        if PQgetisnull(handle, Int32(row), column) == 1 { return nil }
        return String(cString: PQgetvalue(handle, Int32(row), column))
    }

    func string(_ row: Int, _ column: Int32) -> String { text(row, column) ?? "" }
    func int(_ row: Int, _ column: Int32) -> Int { text(row, column).flatMap { Int($0) } ?? 0 }
    func double(_ row: Int, _ column: Int32) -> Double { text(row, column).flatMap { Double($0) } ?? .nan }
}
