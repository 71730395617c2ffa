import Foundation

/// The shared store for a county team: a PostgreSQL database reached through libpq (`PGConnection`).
///
/// The connection string is anything libpq accepts (URI, keyword string, `service=NAME`), and libpq fills in
/// the rest from `PGHOST`, `PGPORT`, `PGDATABASE`, `PGUSER`, `PGPASSWORD`, `~/.pgpass` and `pg_service.conf`.
/// Tables live in the first schema of the connection's search_path. Imports load a file's rows with `COPY`
/// into a temporary table and move them with `INSERT … ON CONFLICT (hash) DO NOTHING`, all in one
/// transaction, so concurrent importers store each row once and a dropped connection stores nothing.
public final class PostgresStopStore: StopStore {
    public let location: String
    private let connection: PGConnection
    /// Whether `stops.geom` (PostGIS, EPSG:27700) exists; decided at opening and after `migrate()`.
    public private(set) var hasGeometry = false

    public init(connection conninfo: String, migrate: Bool = true) throws {
        connection = try PGConnection(conninfo: conninfo)
        location = "PostgreSQL \(connection.server)"
        let found = try schemaVersion()
        if found > StoreSchema.version {
            throw HotspotsError.storeNewerThanProgram(path: location, storeVersion: found, programVersion: StoreSchema.version)
        }
        if migrate { try self.migrate() }
        hasGeometry = try geometryColumnExists()
    }

    public func schemaVersion() throws -> Int {
        let exists = try connection.execute("SELECT to_regclass('schema_migrations') IS NOT NULL")
        guard exists.text(0, 0) == "t" else { return 0 }
        return try connection.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").int(0, 0)
    }

    @discardableResult
    public func migrate() throws -> Int {
        let before = try connection.transaction {
            // Several planners may open a new store at once; one migrates, the others wait and find it done.
            try connection.execute("SELECT pg_advisory_xact_lock(hashtext('patrol store ' || coalesce(current_schema(), '')))")
            try connection.execute("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                """)
            let before = try schemaVersion()
            if before > StoreSchema.version {
                throw HotspotsError.storeNewerThanProgram(path: location, storeVersion: before, programVersion: StoreSchema.version)
            }
            for migration in PostgresSchema.migrations where migration.version > before {
                for statement in migration.sql { try connection.execute(statement) }
                try connection.execute("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                                       [String(migration.version), migration.name])
            }
            try addGeometryIfPossible()
            return before
        }
        hasGeometry = try geometryColumnExists()
        return before
    }

    /// Adds `stops.geom` when PostGIS is (or can be) installed; without the privilege to install it the
    /// store stays in lon/lat mode.
    private func addGeometryIfPossible() throws {
        guard try !geometryColumnExists() else { return }
        if try connection.execute("SELECT to_regtype('geometry') IS NULL").text(0, 0) == "t" {
            let available = try connection.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'").rowCount > 0
            guard available else { return }
            try connection.execute("SAVEPOINT postgis")
            do {
                try connection.execute("CREATE EXTENSION IF NOT EXISTS postgis")
                try connection.execute("RELEASE SAVEPOINT postgis")
            } catch {
                try connection.execute("ROLLBACK TO SAVEPOINT postgis")
                return
            }
            // Installed elsewhere than the search_path: the type is still out of reach.
            guard try connection.execute("SELECT to_regtype('geometry') IS NULL").text(0, 0) == "f" else { return }
        }
        for statement in PostgresSchema.spatialColumn { try connection.execute(statement) }
    }

    private func geometryColumnExists() throws -> Bool {
        try connection.execute("""
            SELECT 1 FROM pg_attribute
            WHERE attrelid = to_regclass('stops') AND attname = 'geom' AND NOT attisdropped
            """).rowCount > 0
    }

    public func status() throws -> StoreStatus {
        let version = try schemaVersion()
        let counts = version == 0 ? [0, 0, 0] : try ["stops", "imports", "visits"].map { try countRows(table: $0).rows }
        return StoreStatus(backend: "postgresql", location: location, schemaVersion: version, programVersion: StoreSchema.version,
                           spatialMode: hasGeometry ? "postgis" : "lonlat", stops: counts[0], imports: counts[1], visits: counts[2])
    }

    public func importFile(_ file: ParsedStopFile, role: String, importedAt: String) throws -> ImportSummary {
        try retryingDeadlocks {
            try connection.transaction {
                let importID = Int64(try connection.execute("""
                    INSERT INTO imports (file_name, imported_at, role, format, rows_read, rows_stored, rows_already_stored, rows_skipped)
                    VALUES ($1, $2, $3, $4, $5, 0, 0, $6) RETURNING id
                    """, [(file.path as NSString).lastPathComponent, importedAt, role, file.format.rawValue,
                          String(file.rowsRead), String(file.rowsRead - file.stops.count)]).int(0, 0))
                let stored = try load(file.stops) { _ in importID }
                try connection.execute("UPDATE imports SET rows_stored = $1, rows_already_stored = $2 WHERE id = $3",
                                       [String(stored), String(file.stops.count - stored), String(importID)])
                return ImportSummary(importID: importID, file: file.path, rowsRead: file.rowsRead, rowsValid: file.stops.count,
                                     rowsStored: stored, rowsAlreadyStored: file.stops.count - stored,
                                     rowsSkipped: file.rowsRead - file.stops.count)
            }
        }
    }

    /// COPYs `stops` into a temporary table, then moves those not yet stored; returns how many were new.
    /// Rows go in hash order, so two importers of overlapping files lock keys in the same order.
    private func load(_ stops: [Stop], importID: (Stop) throws -> Int64) throws -> Int {
        guard !stops.isEmpty else { return 0 }
        try connection.execute("""
            CREATE TEMPORARY TABLE patrol_incoming (
                hash text, time text, lon double precision, lat double precision, easting double precision,
                northing double precision, place text, school text, age_band text, reason text, outcome text,
                pair text, sweep text, import_id bigint) ON COMMIT DROP
            """)
        var chunks: [String] = []
        var chunk = ""
        for (index, stop) in stops.enumerated() {
            chunk += try PostgresCopyText.row([
                stop.hash, stop.time.description, PostgresCopyText.number(stop.lon), PostgresCopyText.number(stop.lat),
                PostgresCopyText.number(stop.easting), PostgresCopyText.number(stop.northing), stop.place, stop.school,
                stop.ageBand, stop.reason.rawValue, stop.outcome.rawValue, stop.pair, stop.sweep, String(importID(stop)),
            ])
            if index % 2000 == 1999 {
                chunks.append(chunk)
                chunk = ""
            }
        }
        chunks.append(chunk)
        _ = try connection.copyIn("COPY patrol_incoming FROM STDIN", chunks: chunks)
        let geometry = hasGeometry ? ", geom" : ""
        let point = hasGeometry ? ", ST_SetSRID(ST_MakePoint(easting, northing), 27700)" : ""
        return try connection.execute("""
            INSERT INTO stops (\(PostgresSchema.stopColumns)\(geometry))
            SELECT \(PostgresSchema.stopColumns)\(point) FROM patrol_incoming ORDER BY hash COLLATE "C"
            ON CONFLICT (hash) DO NOTHING
            """).affectedRows
    }

    public func stops(from: LocalDateTime?, before: LocalDateTime?) throws -> [Stop] {
        var conditions: [String] = []
        var parameters: [String?] = []
        if let from {
            parameters.append(from.description)
            conditions.append("time >= $\(parameters.count)")
        }
        if let before {
            parameters.append(before.description)
            conditions.append("time < $\(parameters.count)")
        }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return try decodeStops(connection.execute("SELECT \(PostgresSchema.stopColumns) FROM stops\(filter) ORDER BY time, hash",
                                                  parameters))
    }

    public func stops(withinMetres radiusMetres: Double, ofEasting easting: Double, northing: Double) throws -> [Stop] {
        let parameters = [easting, northing, radiusMetres].map { Optional(PostgresCopyText.number($0)) }
        let filter = hasGeometry
            ? "ST_DWithin(geom, ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 27700), $3::float8)"
            : """
              easting BETWEEN $1::float8 - $3::float8 AND $1::float8 + $3::float8
              AND northing BETWEEN $2::float8 - $3::float8 AND $2::float8 + $3::float8
              AND (easting - $1::float8) * (easting - $1::float8) + (northing - $2::float8) * (northing - $2::float8)
                  <= $3::float8 * $3::float8
              """
        return try decodeStops(connection.execute("SELECT \(PostgresSchema.stopColumns) FROM stops WHERE \(filter) ORDER BY time, hash",
                                                  parameters))
    }

    private func decodeStops(_ result: PGResult) throws -> [Stop] {
        var stops: [Stop] = []
        stops.reserveCapacity(result.rowCount)
        for row in 0..<result.rowCount {
            let hash = result.string(row, 0)
            guard let time = LocalDateTime(iso: result.string(row, 1)), let reason = StopReason(rawValue: result.string(row, 9)),
                  let outcome = StopOutcome(rawValue: result.string(row, 10)) else {
                throw HotspotsError.store(path: location, message: "stop \(hash) has an unreadable time, reason or outcome")
            }
            stops.append(Stop(hash: hash, time: time, lon: result.double(row, 2), lat: result.double(row, 3),
                              easting: result.double(row, 4), northing: result.double(row, 5), place: result.string(row, 6),
                              school: result.string(row, 7), ageBand: result.string(row, 8), reason: reason, outcome: outcome,
                              pair: result.string(row, 11), sweep: result.string(row, 12), importID: Int64(result.int(row, 13))))
        }
        return stops
    }

    public func imports() throws -> [ImportRecord] {
        let result = try connection.execute("""
            SELECT id, file_name, imported_at, role, format, rows_read, rows_stored, rows_already_stored, rows_skipped
            FROM imports ORDER BY id
            """)
        return (0..<result.rowCount).map { row in
            ImportRecord(id: Int64(result.int(row, 0)), fileName: result.string(row, 1), importedAt: result.string(row, 2),
                         role: result.string(row, 3), format: result.string(row, 4), rowsRead: result.int(row, 5),
                         rowsStored: result.int(row, 6), rowsAlreadyStored: result.int(row, 7), rowsSkipped: result.int(row, 8))
        }
    }

    public func recordVisits(_ visits: [Visit]) throws -> Int {
        try retryingDeadlocks { try connection.transaction { try insert(visits) } }
    }

    /// Multi-row inserts of up to 500 visits per statement; returns how many were new.
    private func insert(_ visits: [Visit]) throws -> Int {
        var stored = 0
        for start in stride(from: 0, to: visits.count, by: 500) {
            let batch = visits[start..<min(start + 500, visits.count)].sorted { $0.key < $1.key }
            var rows: [String] = []
            var parameters: [String?] = []
            for visit in batch {
                let first = parameters.count + 1
                rows.append("(" + (first..<first + 7).map { "$\($0)" }.joined(separator: ", ") + ")")
                parameters += [visit.key, visit.date, visit.hotspotID, visit.pair, String(visit.visitSeq),
                               PostgresCopyText.number(visit.minutes), visit.source]
            }
            stored += try connection.execute("""
                INSERT INTO visits (key, date, hotspot_id, pair, visit_seq, minutes, source)
                VALUES \(rows.joined(separator: ", ")) ON CONFLICT (key) DO NOTHING
                """, parameters).affectedRows
        }
        return stored
    }

    public func visits() throws -> [Visit] {
        let result = try connection.execute("""
            SELECT date, hotspot_id, pair, visit_seq, minutes, source FROM visits ORDER BY date, pair, visit_seq, hotspot_id
            """)
        return (0..<result.rowCount).map { row in
            Visit(date: result.string(row, 0), hotspotID: result.string(row, 1), pair: result.string(row, 2),
                  visitSeq: result.int(row, 3), minutes: result.double(row, 4), source: result.string(row, 5))
        }
    }

    public func insertCopied(imports: [ImportRecord], stops: [Stop], visits: [Visit]) throws -> CopySummary {
        try retryingDeadlocks {
            try connection.transaction {
                // Two copies at once must not both add the same import row.
                try connection.execute("LOCK TABLE imports IN SHARE ROW EXCLUSIVE MODE")
                var summary = CopySummary()
                var existing: [[String]: Int64] = [:]
                for record in try self.imports() where existing[record.naturalKey] == nil { existing[record.naturalKey] = record.id }
                var targetID: [Int64: Int64] = [:]
                for record in imports {
                    if let id = existing[record.naturalKey] {
                        targetID[record.id] = id
                        summary.importsAlready += 1
                        continue
                    }
                    let id = Int64(try connection.execute("""
                        INSERT INTO imports (file_name, imported_at, role, format, rows_read, rows_stored, rows_already_stored, rows_skipped)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
                        """, [record.fileName, record.importedAt, record.role, record.format, String(record.rowsRead),
                              String(record.rowsStored), String(record.rowsAlreadyStored), String(record.rowsSkipped)]).int(0, 0))
                    targetID[record.id] = id
                    existing[record.naturalKey] = id
                    summary.importsCopied += 1
                }
                summary.stopsCopied = try load(stops) { stop in
                    guard let source = stop.importID, let id = targetID[source] else {
                        throw HotspotsError.store(path: self.location, message: "stop \(stop.hash) names an import the source does not have")
                    }
                    return id
                }
                summary.stopsAlready = stops.count - summary.stopsCopied
                summary.visitsCopied = try insert(visits)
                summary.visitsAlready = visits.count - summary.visitsCopied
                return summary
            }
        }
    }

    public func countRows(table: String) throws -> (rows: Int, distinctKeys: Int) {
        let keys = ["stops": "hash", "imports": "id", "visits": "key"]
        guard let key = keys[table] else { throw HotspotsError.store(path: location, message: "no table \(table)") }
        let result = try connection.execute("SELECT count(*), count(DISTINCT \(key)) FROM \(table)")
        return (result.int(0, 0), result.int(0, 1))
    }

    /// Runs a whole transaction again when the server chose it as a deadlock or serialisation victim.
    private func retryingDeadlocks<T>(_ body: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            do {
                return try body()
            } catch let HotspotsError.postgres(_, sqlstate?, _) where ["40P01", "40001"].contains(sqlstate) && attempt < 4 {
                attempt += 1
            }
        }
    }
}

/// PostgreSQL's COPY text format: tab-separated fields, one row per line, backslash escapes.
enum PostgresCopyText {
    static func row(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: "\t") + "\n"
    }

    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return field }
        var out = ""
        for character in field {
            switch character {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\r\n": out += "\\r\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// Shortest text that reads back as the same Double (PostgreSQL 12+ prints float8 the same way).
    static func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : (value.isNaN ? "NaN" : (value > 0 ? "Infinity" : "-Infinity"))
    }
}
