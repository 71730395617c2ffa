import Foundation
import GRDB

/// The embedded store: one SQLite file in WAL mode, opened through a GRDB `DatabasePool`.
/// Schema changes go through a `DatabaseMigrator`; `PRAGMA user_version` carries `StoreSchema.version`
/// so a store written by a newer patrol is recognised and refused before anything touches it.
public final class SQLiteStopStore: StopStore {
    public let location: String
    private let pool: DatabasePool

    /// Opens (creating) the store at `path`; with `migrate` false the schema is left as found, for `db status`.
    public init(path: String, migrate: Bool = true) throws {
        location = path
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            throw HotspotsError.store(path: path, message: "folder \(directory) does not exist")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw Self.storeError(error, path: path)
        }
        let found: Int
        do {
            found = try pool.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
        } catch {
            throw Self.storeError(error, path: path)
        }
        if found > StoreSchema.version {
            throw HotspotsError.storeNewerThanProgram(path: path, storeVersion: found, programVersion: StoreSchema.version)
        }
        if migrate { try self.migrate() }
    }

    @discardableResult
    public func migrate() throws -> Int {
        let before = try schemaVersion()
        do {
            try Self.migrator.migrate(pool)
        } catch {
            throw Self.storeError(error, path: location, context: "migration failed")
        }
        return before
    }

    public func status() throws -> StoreStatus {
        let version = try schemaVersion()
        let counts = version == 0 ? [0, 0, 0] : try ["stops", "imports", "visits"].map { try countRows(table: $0).rows }
        return StoreStatus(backend: "sqlite", location: location, schemaVersion: version, programVersion: StoreSchema.version,
                           spatialMode: "lonlat", stops: counts[0], imports: counts[1], visits: counts[2])
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: stops, imports, visits") { db in
            try db.execute(sql: """
                CREATE TABLE imports (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    file_name TEXT NOT NULL,
                    imported_at TEXT NOT NULL,
                    role TEXT NOT NULL,
                    format TEXT NOT NULL,
                    rows_read INTEGER NOT NULL,
                    rows_stored INTEGER NOT NULL,
                    rows_already_stored INTEGER NOT NULL,
                    rows_skipped INTEGER NOT NULL);
                CREATE TABLE stops (
                    hash TEXT PRIMARY KEY NOT NULL,
                    time TEXT NOT NULL,
                    lon REAL NOT NULL,
                    lat REAL NOT NULL,
                    easting REAL NOT NULL,
                    northing REAL NOT NULL,
                    place TEXT NOT NULL,
                    school TEXT NOT NULL,
                    age_band TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    pair TEXT NOT NULL,
                    sweep TEXT NOT NULL,
                    import_id INTEGER NOT NULL REFERENCES imports(id));
                CREATE INDEX stops_time ON stops(time);
                CREATE TABLE visits (
                    key TEXT PRIMARY KEY NOT NULL,
                    date TEXT NOT NULL,
                    hotspot_id TEXT NOT NULL,
                    pair TEXT NOT NULL,
                    visit_seq INTEGER NOT NULL,
                    minutes REAL NOT NULL,
                    source TEXT NOT NULL);
                PRAGMA user_version = 1;
                """)
        }
        return migrator
    }

    public func schemaVersion() throws -> Int {
        try wrap { try pool.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 } }
    }

    public func importFile(_ file: ParsedStopFile, role: String, importedAt: String) throws -> ImportSummary {
        try wrap {
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO imports (file_name, imported_at, role, format, rows_read, rows_stored, rows_already_stored, rows_skipped)
                    VALUES (?, ?, ?, ?, ?, 0, 0, ?)
                    """, arguments: [(file.path as NSString).lastPathComponent, importedAt, role, file.format.rawValue,
                                     file.rowsRead, file.rowsRead - file.stops.count])
                let importID = db.lastInsertedRowID
                var stored = 0
                for stop in file.stops {
                    try self.insertOrIgnore(stop, importID: importID, db: db)
                    stored += db.changesCount
                }
                try db.execute(sql: "UPDATE imports SET rows_stored = ?, rows_already_stored = ? WHERE id = ?",
                               arguments: [stored, file.stops.count - stored, importID])
                return ImportSummary(importID: importID, file: file.path, rowsRead: file.rowsRead, rowsValid: file.stops.count,
                                     rowsStored: stored, rowsAlreadyStored: file.stops.count - stored,
                                     rowsSkipped: file.rowsRead - file.stops.count)
            }
        }
    }

    public func stops(from: LocalDateTime?, before: LocalDateTime?) throws -> [Stop] {
        try wrap {
            try pool.read { db in
                var sql = "SELECT * FROM stops"
                var conditions: [String] = []
                var arguments: StatementArguments = []
                if let from {
                    conditions.append("time >= ?")
                    arguments += [from.description]
                }
                if let before {
                    conditions.append("time < ?")
                    arguments += [before.description]
                }
                if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
                sql += " ORDER BY time, hash"
                return try Row.fetchAll(db, sql: sql, arguments: arguments).map(stop)
            }
        }
    }

    private func stop(_ row: Row) throws -> Stop {
        let timeText: String = row["time"]
        let reasonText: String = row["reason"]
        let outcomeText: String = row["outcome"]
        guard let time = LocalDateTime(iso: timeText), let reason = StopReason(rawValue: reasonText),
              let outcome = StopOutcome(rawValue: outcomeText) else {
            let hash: String = row["hash"]
            throw HotspotsError.store(path: location, message: "stop \(hash) has an unreadable time, reason or outcome")
        }
        return Stop(hash: row["hash"], time: time, lon: row["lon"], lat: row["lat"], easting: row["easting"],
                    northing: row["northing"], place: row["place"], school: row["school"],
                    ageBand: row["age_band"], reason: reason, outcome: outcome, pair: row["pair"],
                    sweep: row["sweep"], importID: row["import_id"])
    }

    public func stops(withinMetres radiusMetres: Double, ofEasting easting: Double, northing: Double) throws -> [Stop] {
        try wrap {
            try pool.read { db in
                // The box lets SQLite skip most rows cheaply; the squared distance decides.
                try Row.fetchAll(db, sql: """
                    SELECT * FROM stops
                    WHERE easting BETWEEN ? AND ? AND northing BETWEEN ? AND ?
                      AND (easting - ?) * (easting - ?) + (northing - ?) * (northing - ?) <= ? * ?
                    ORDER BY time, hash
                    """, arguments: [easting - radiusMetres, easting + radiusMetres, northing - radiusMetres,
                                     northing + radiusMetres, easting, easting, northing, northing, radiusMetres, radiusMetres])
                    .map(stop)
            }
        }
    }

    public func insertCopied(imports: [ImportRecord], stops: [Stop], visits: [Visit]) throws -> CopySummary {
        try wrap {
            try pool.write { db in
                var summary = CopySummary()
                var existing: [[String]: Int64] = [:]
                for record in try self.readImports(db) where existing[record.naturalKey] == nil { existing[record.naturalKey] = record.id }
                var targetID: [Int64: Int64] = [:]
                for record in imports {
                    if let id = existing[record.naturalKey] {
                        targetID[record.id] = id
                        summary.importsAlready += 1
                        continue
                    }
                    try db.execute(sql: """
                        INSERT INTO imports (file_name, imported_at, role, format, rows_read, rows_stored, rows_already_stored, rows_skipped)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [record.fileName, record.importedAt, record.role, record.format, record.rowsRead,
                                         record.rowsStored, record.rowsAlreadyStored, record.rowsSkipped])
                    targetID[record.id] = db.lastInsertedRowID
                    existing[record.naturalKey] = db.lastInsertedRowID
                    summary.importsCopied += 1
                }
                for stop in stops {
                    guard let source = stop.importID, let importID = targetID[source] else {
                        throw HotspotsError.store(path: self.location, message: "stop \(stop.hash) names an import the source does not have")
                    }
                    try self.insertOrIgnore(stop, importID: importID, db: db)
                    if db.changesCount == 1 { summary.stopsCopied += 1 } else { summary.stopsAlready += 1 }
                }
                for visit in visits {
                    try self.insertOrIgnore(visit, db: db)
                    if db.changesCount == 1 { summary.visitsCopied += 1 } else { summary.visitsAlready += 1 }
                }
                return summary
            }
        }
    }

    private func insertOrIgnore(_ stop: Stop, importID: Int64, db: Database) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO stops (hash, time, lon, lat, easting, northing, place, school, age_band,
                                         reason, outcome, pair, sweep, import_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try insert.execute(arguments: [stop.hash, stop.time.description, stop.lon, stop.lat, stop.easting,
                                       stop.northing, stop.place, stop.school, stop.ageBand, stop.reason.rawValue,
                                       stop.outcome.rawValue, stop.pair, stop.sweep, importID])
    }

    private func insertOrIgnore(_ visit: Visit, db: Database) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO visits (key, date, hotspot_id, pair, visit_seq, minutes, source)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [visit.key, visit.date, visit.hotspotID, visit.pair, visit.visitSeq, visit.minutes, visit.source])
    }

    public func imports() throws -> [ImportRecord] {
        try wrap { try pool.read { db in try readImports(db) } }
    }

    private func readImports(_ db: Database) throws -> [ImportRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM imports ORDER BY id").map { row in
            ImportRecord(id: row["id"], fileName: row["file_name"], importedAt: row["imported_at"], role: row["role"],
                         format: row["format"], rowsRead: row["rows_read"], rowsStored: row["rows_stored"],
                         rowsAlreadyStored: row["rows_already_stored"], rowsSkipped: row["rows_skipped"])
        }
    }

    public func recordVisits(_ visits: [Visit]) throws -> Int {
        try wrap {
            try pool.write { db in
                var stored = 0
                for visit in visits {
                    try self.insertOrIgnore(visit, db: db)
                    stored += db.changesCount
                }
                return stored
            }
        }
    }

    public func visits() throws -> [Visit] {
        try wrap {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM visits ORDER BY date, pair, visit_seq, hotspot_id").map { row in
                    Visit(date: row["date"], hotspotID: row["hotspot_id"], pair: row["pair"], visitSeq: row["visit_seq"],
                          minutes: row["minutes"], source: row["source"])
                }
            }
        }
    }

    public func countRows(table: String) throws -> (rows: Int, distinctKeys: Int) {
        let keys = ["stops": "hash", "imports": "id", "visits": "key"]
        guard let key = keys[table] else { throw HotspotsError.store(path: location, message: "no table \(table)") }
        return try wrap {
            try pool.read { db in
                let rows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
                let distinct = try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT \(key)) FROM \(table)") ?? 0
                return (rows, distinct)
            }
        }
    }

    private func wrap<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as HotspotsError {
            throw error
        } catch {
            throw Self.storeError(error, path: location)
        }
    }

    /// The error to throw for a failure from GRDB. A `DatabaseError` keeps SQLite's result code and the
    /// statement, but never the statement's arguments, which can be stop data; a row that cannot be
    /// decoded is not described, because GRDB's description of it holds the row.
    static func storeError(_ error: any Error, path: String, context: String? = nil) -> HotspotsError {
        func withContext(_ message: String) -> String { context.map { "\($0): \(message)" } ?? message }
        switch error {
        case let error as DatabaseError:
            let code = SQLiteResultCode(extended: error.extendedResultCode.rawValue)
            return .sqlite(path: path, code: code, message: withContext(error.message ?? code.name), sql: error.sql)
        case is RowDecodingError:
            return .store(path: path, message: withContext("a stored row cannot be read"))
        default:
            return .store(path: path, message: withContext("\(error)"))
        }
    }
}
