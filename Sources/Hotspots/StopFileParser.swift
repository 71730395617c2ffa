import Base
import Foundation
import Geo

/// The source format of a stop file.
public enum StopFileFormat: String, CaseIterable, Sendable {
    /// `time,lon,lat,place,school,age_band,reason,outcome,pair,sweep` in any order.
    case stops
    /// police.uk street-level crime CSV; each row becomes a stop with reason `other`.
    case policeUK = "police-uk"
}

/// The rows of one file, checked and keyed, ready for one transaction.
public struct ParsedStopFile: Sendable {
    public var path: String
    public var format: StopFileFormat
    public var stops: [Stop]
    public var errors: [RowError]
    public var rowsRead: Int
    /// Personal-data or free-text columns that were present and dropped unread.
    public var droppedColumns: [String]
    /// Other unknown columns, ignored.
    public var ignoredColumns: [String]
}

public struct StopFileParser {
    public var gazetteer: Gazetteer
    public var projection: Projection
    /// Drop columns that look like personal data instead of refusing the file.
    public var dropPersonalColumns: Bool

    public init(gazetteer: Gazetteer, projection: Projection, dropPersonalColumns: Bool = false) {
        self.gazetteer = gazetteer
        self.projection = projection
        self.dropPersonalColumns = dropPersonalColumns
    }

    public func parse(fileAt url: URL, format: StopFileFormat) throws -> ParsedStopFile {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw HotspotsError.unreadableFile(path: url.path, message: error.localizedDescription)
        }
        return try parse(bytes: [UInt8](data), path: url.path, format: format)
    }

    public func parse(bytes: [UInt8], path: String, format: StopFileFormat) throws -> ParsedStopFile {
        let records: [CSVRecord]
        do {
            records = try CSVReader.records(bytes: bytes)
        } catch let error as CSVSyntaxError {
            throw HotspotsError.badRows(path: path, errors: [RowError(path: path, line: error.line, field: "csv", message: error.message)])
        }
        guard let header = records.first else {
            throw HotspotsError.missingColumns(path: path, columns: format == .stops ? ["time", "reason", "outcome"] : ["Month"])
        }
        switch format {
        case .stops: return try parseStops(records, header: header, path: path)
        case .policeUK: return try parsePoliceUK(records, header: header, path: path)
        }
    }

    private func parseStops(_ records: [CSVRecord], header: CSVRecord, path: String) throws -> ParsedStopFile {
        let columns = try stopColumns(header, path: path)
        var stops: [Stop] = []
        var errors: [RowError] = []
        var occurrences = StopOccurrences()
        for record in records.dropFirst() {
            var row = StopRow(record, columns: columns, path: path)
            let stop = parseStop(&row, occurrences: &occurrences)
            errors += row.errors
            if let stop { stops.append(stop) }
        }
        return ParsedStopFile(path: path, format: .stops, stops: stops, errors: errors, rowsRead: records.count - 1,
                              droppedColumns: columns.personal, ignoredColumns: columns.ignored)
    }

    /// The header check: personal-data columns are refused (unless dropped unread), and the required
    /// columns must be there.
    private func stopColumns(_ header: CSVRecord, path: String) throws -> StopFileColumns {
        let columns = StopFileColumns(header: header)
        if !columns.personal.isEmpty, !dropPersonalColumns {
            throw HotspotsError.personalDataColumns(path: path, columns: columns.personal)
        }
        let missing = columns.missing
        guard missing.isEmpty else { throw HotspotsError.missingColumns(path: path, columns: missing) }
        return columns
    }

    /// One row as a stop, or nil with its errors in `row`: every field is checked, so that one pass
    /// over a file reports all that is wrong with it.
    private func parseStop(_ row: inout StopRow, occurrences: inout StopOccurrences) -> Stop? {
        guard row.hasHeaderFieldCount() else { return nil }
        let time = row.time()
        let reason = row.reason()
        let outcome = row.outcome()
        let location = row.location(gazetteer: gazetteer)
        let grid = location.flatMap { row.grid($0.position, projection: projection) }
        guard row.errors.isEmpty, let time, let reason, let outcome, let location, let grid else { return nil }

        let position = location.position
        let place = row.field("place"), school = row.field("school"), ageBand = row.field("age_band")
        let pair = row.field("pair"), sweep = row.field("sweep")
        let key = StopKey.normalisedRow(time: time, lon: location.givenAsCoordinates ? position.lon : nil,
                                        lat: location.givenAsCoordinates ? position.lat : nil, place: place,
                                        school: school, ageBand: ageBand, reason: reason, outcome: outcome,
                                        pair: pair, sweep: sweep)
        return Stop(hash: occurrences.hash(of: key), time: time, lon: position.lon, lat: position.lat,
                    easting: grid.easting, northing: grid.northing, place: place, school: school, ageBand: ageBand,
                    reason: reason, outcome: outcome, pair: pair, sweep: sweep)
    }

    /// police.uk rows: time is the first day of `Month` at 12:00, place is `Location`, reason `other`,
    /// outcome `none`, sweep the month. Rows without coordinates are bad rows.
    private func parsePoliceUK(_ records: [CSVRecord], header: CSVRecord, path: String) throws -> ParsedStopFile {
        var column: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() { column[name.trimmingSpaces.lowercased()] = index }
        let missing = ["Month", "Longitude", "Latitude", "Location"].filter { column[$0.lowercased()] == nil }
        guard missing.isEmpty else { throw HotspotsError.missingColumns(path: path, columns: missing) }
        var stops: [Stop] = []
        var errors: [RowError] = []
        var occurrences = StopOccurrences()
        for record in records.dropFirst() {
            func field(_ name: String) -> String {
                guard let index = column[name.lowercased()], index < record.fields.count else { return "" }
                return record.fields[index].trimmingSpaces
            }
            let month = field("Month")
            guard let time = LocalDateTime(iso: month + "-01T12:00") else {
                errors.append(RowError(path: path, line: record.line, field: "Month", message: "'\(month)' is not YYYY-MM"))
                continue
            }
            guard let lon = Double(field("Longitude")), let lat = Double(field("Latitude")),
                  (-180...180).contains(lon), (-90...90).contains(lat) else {
                let name = Double(field("Longitude")) == nil ? "Longitude" : "Latitude"
                errors.append(RowError(path: path, line: record.line, field: name,
                                       message: "'\(field(name))' is not a coordinate in degrees"))
                continue
            }
            let grid: GridPoint
            do {
                grid = try projection.grid(LonLat(lon: lon, lat: lat))
            } catch {
                errors.append(RowError(path: path, line: record.line, field: "Longitude", message: "\(error)"))
                continue
            }
            let place = field("Location")
            let identity = field("Crime ID")
            let row = StopKey.normalisedRow(time: time, lon: lon, lat: lat, place: place, school: "", ageBand: "",
                                            reason: .other, outcome: .none, pair: "", sweep: month) + "\u{1F}" + identity
            stops.append(Stop(hash: occurrences.hash(of: row), time: time, lon: lon, lat: lat,
                              easting: grid.easting, northing: grid.northing,
                              place: place, reason: .other, outcome: .none, sweep: month))
        }
        return ParsedStopFile(path: path, format: .policeUK, stops: stops, errors: errors, rowsRead: records.count - 1,
                              droppedColumns: [], ignoredColumns: [])
    }
}
