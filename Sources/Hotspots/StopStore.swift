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

/// The stop store. SQLite through GRDB is the embedded default (`SQLiteStopStore`); a PostgreSQL
/// backend (issue 13) implements the same protocol, with the same schema versions and the same
/// content-hash keys, so every command gives the same results on either.
///
/// Contract for implementers:
/// - `importFile` stores all of a file's stops in one transaction, keyed by `Stop.hash`, skipping keys
///   already stored, and adds one `imports` row in the same transaction; a crash leaves the store as before.
/// - A store whose schema version is above `StoreSchema.version` is refused with
///   `HotspotsError.storeNewerThanProgram` when it is opened.
public protocol StopStore: AnyObject {
    /// Where the store is, for messages (a path or a connection description without password).
    var location: String { get }
    func schemaVersion() throws -> Int
    func importFile(_ file: ParsedStopFile, role: String, importedAt: String) throws -> ImportSummary
    /// Stops with `from <= time < before` (either bound optional), oldest first, ties by hash.
    func stops(from: LocalDateTime?, before: LocalDateTime?) throws -> [Stop]
    func imports() throws -> [ImportRecord]
    /// Stores visits not yet stored; returns how many were new.
    func recordVisits(_ visits: [Visit]) throws -> Int
    func visits() throws -> [Visit]
}

/// The schema version both backends share.
public enum StoreSchema {
    public static let version = 1
}

extension StopStore {
    public func allStops() throws -> [Stop] { try stops(from: nil, before: nil) }

    public func stats() throws -> StopStats {
        StopStats(stops: try allStops(), imports: try imports().count, visits: try visits().count)
    }
}
