/// What one import did.
public struct ImportSummary: Hashable, Sendable, Codable {
    public var importID: Int64
    public var file: String
    public var rowsRead: Int
    public var rowsValid: Int
    public var rowsStored: Int
    public var rowsAlreadyStored: Int
    public var rowsSkipped: Int
}

/// A row of the `imports` table: who (a role, never a person) imported what, and when.
public struct ImportRecord: Hashable, Sendable, Codable {
    public var id: Int64
    public var fileName: String
    public var importedAt: String
    public var role: String
    public var format: String
    public var rowsRead: Int
    public var rowsStored: Int
    public var rowsAlreadyStored: Int
    public var rowsSkipped: Int
}

/// One planned or recorded visit of a pair to a hotspot, the exposure behind stops per patrol-hour.
public struct Visit: Hashable, Sendable, Codable {
    public var date: String
    public var hotspotID: String
    public var pair: String
    public var visitSeq: Int
    public var minutes: Double
    /// Where it came from, e.g. the plan file's name.
    public var source: String

    public init(date: String, hotspotID: String, pair: String, visitSeq: Int, minutes: Double, source: String) {
        self.date = date
        self.hotspotID = hotspotID
        self.pair = pair
        self.visitSeq = visitSeq
        self.minutes = minutes
        self.source = source
    }

    /// Visits are keyed by date, hotspot, pair and sequence, so recording a plan twice stores it once.
    public var key: String { SHA256.hex([date, hotspotID, pair, String(visitSeq)].joined(separator: "\u{1F}")) }
}

/// The stop store. SQLite through GRDB is the embedded default (`SQLiteStopStore`); PostgreSQL through libpq
/// (`PostgresStopStore`) implements the same protocol, with the same schema versions and the same
/// content-hash keys, so every command gives the same results on either.
///
/// Contract for implementers:
/// - `importFile` stores all of a file's stops in one transaction, keyed by `Stop.hash`, skipping keys
///   already stored, and adds one `imports` row in the same transaction; a crash leaves the store as before.
/// - A store whose schema version is above `StoreSchema.version` is refused with
///   `HotspotsError.storeNewerThanProgram` when it is opened.
/// - Opened with `migrate: false`, a store is only read (`status`); `migrate()` brings it to `StoreSchema.version`.
public protocol StopStore: AnyObject {
    /// Where the store is, for messages (a path or a connection description without password).
    var location: String { get }
    func schemaVersion() throws -> Int
    func importFile(_ file: ParsedStopFile, role: String, importedAt: String) throws -> ImportSummary
    /// Stops with `from <= time < before` (either bound optional), oldest first, ties by hash.
    func stops(from: LocalDateTime?, before: LocalDateTime?) throws -> [Stop]
    /// Stops within `radiusMetres` (inclusive) of a BNG point, oldest first, ties by hash.
    func stops(withinMetres radiusMetres: Double, ofEasting easting: Double, northing: Double) throws -> [Stop]
    func imports() throws -> [ImportRecord]
    /// Stores visits not yet stored; returns how many were new.
    func recordVisits(_ visits: [Visit]) throws -> Int
    func visits() throws -> [Visit]
    /// Brings the schema to `StoreSchema.version`; returns the version found before.
    @discardableResult func migrate() throws -> Int
    func status() throws -> StoreStatus
    /// Adds another store's contents: imports matched on all their fields, stops by hash, visits by key.
    func insertCopied(imports: [ImportRecord], stops: [Stop], visits: [Visit]) throws -> CopySummary
    /// Raw counts straight from SQL (`stops`, `imports` or `visits`), for checks that must not trust decoding.
    func countRows(table: String) throws -> (rows: Int, distinctKeys: Int)
}

/// The schema version both backends share.
public enum StoreSchema {
    public static let version = 1
}

/// What `patrol db status` shows.
public struct StoreStatus: Hashable, Sendable, Codable {
    /// `sqlite` or `postgresql`.
    public var backend: String
    public var location: String
    public var schemaVersion: Int
    public var programVersion: Int
    /// How points are kept: `postgis` (geometry(Point, 27700) with a GiST index) or `lonlat` (plain columns).
    public var spatialMode: String
    public var stops: Int
    public var imports: Int
    public var visits: Int
}

/// What `patrol db copy` did; "already" counts rows the target had before.
public struct CopySummary: Hashable, Sendable, Codable {
    public var importsCopied = 0
    public var importsAlready = 0
    public var stopsCopied = 0
    public var stopsAlready = 0
    public var visitsCopied = 0
    public var visitsAlready = 0

    public init() {}
}

extension ImportRecord {
    /// Everything but the id: how an import is recognised in another store.
    var naturalKey: [String] {
        [fileName, importedAt, role, format, String(rowsRead), String(rowsStored), String(rowsAlreadyStored), String(rowsSkipped)]
    }
}

extension StopStore {
    public func allStops() throws -> [Stop] { try stops(from: nil, before: nil) }

    public func stats() throws -> StopStats {
        StopStats(stops: try allStops(), imports: try imports().count, visits: try visits().count)
    }

    /// Copies everything of `source` into this store; running it again copies nothing new.
    public func copy(from source: any StopStore) throws -> CopySummary {
        try insertCopied(imports: try source.imports(), stops: try source.allStops(), visits: try source.visits())
    }
}
