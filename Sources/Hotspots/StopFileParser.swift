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
        var column: [String: Int] = [:]
        var personal: [String] = []
        var ignored: [String] = []
        for (index, name) in header.fields.enumerated() {
            let key = PersonalDataColumns.normalise(name)
            if StopColumns.all.contains(key) {
                if column[key] == nil { column[key] = index }
            } else if PersonalDataColumns.isPersonal(name) {
                personal.append(name.trimmingSpaces)
            } else {
                ignored.append(name.trimmingSpaces)
            }
        }
        if !personal.isEmpty, !dropPersonalColumns {
            throw HotspotsError.personalDataColumns(path: path, columns: personal)
        }
        let missing = ["time", "reason", "outcome"].filter { column[$0] == nil }
            + (column["place"] == nil && (column["lon"] == nil || column["lat"] == nil) ? ["lon and lat, or place"] : [])
        guard missing.isEmpty else { throw HotspotsError.missingColumns(path: path, columns: missing) }

        var stops: [Stop] = []
        var errors: [RowError] = []
        var occurrences: [String: Int] = [:]
        for record in records.dropFirst() {
            func field(_ name: String) -> String {
                guard let index = column[name], index < record.fields.count else { return "" }
                return record.fields[index].trimmingSpaces
            }
            func fail(_ name: String, _ message: String) {
                errors.append(RowError(path: path, line: record.line, field: name, message: message))
            }
            if record.fields.count != header.fields.count {
                fail("row", "has \(record.fields.count) fields, the header has \(header.fields.count)")
                continue
            }
            let before = errors.count
            let time = LocalDateTime(iso: field("time"))
            if time == nil {
                fail("time", field("time").isEmpty ? "is empty; give ISO 8601 local time such as 2026-11-23T10:15"
                     : "'\(field("time"))' is not ISO 8601 local time such as 2026-11-23T10:15 (no offset)")
            }
            let reason = StopReason(rawValue: field("reason").lowercased())
            if reason == nil {
                fail("reason", "'\(field("reason"))' is not one of \(StopReason.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let outcomeText = field("outcome").lowercased()
            let outcome = outcomeText.isEmpty ? StopOutcome.none : StopOutcome(rawValue: outcomeText)
            if outcome == nil {
                fail("outcome", "'\(field("outcome"))' is not one of \(StopOutcome.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let lonText = field("lon"), latText = field("lat"), place = field("place")
            var lon: Double?, lat: Double?
            var position: LonLat?
            if !lonText.isEmpty || !latText.isEmpty {
                lon = Double(lonText)
                lat = Double(latText)
                if lon == nil || !(lon!.isFinite) || !(-180...180).contains(lon!) {
                    fail("lon", "'\(lonText)' is not a longitude in degrees (−180 to 180)")
                } else if lat == nil || !(lat!.isFinite) || !(-90...90).contains(lat!) {
                    fail("lat", "'\(latText)' is not a latitude in degrees (−90 to 90)")
                } else {
                    position = LonLat(lon: lon!, lat: lat!)
                }
            } else if !place.isEmpty {
                if let known = gazetteer.lookup(place) {
                    position = known.position
                } else {
                    fail("place", "'\(place)' is not a known hotspot or place (hotspots.geojson, places.geojson); give lon and lat")
                }
            } else {
                fail("lon", "give lon and lat, or the name of a known place")
            }
            var grid: GridPoint?
            if let position {
                do {
                    grid = try projection.grid(position)
                } catch {
                    fail("lon", "cannot convert to British National Grid: \(error)")
                }
            }
            guard errors.count == before, let time, let reason, let outcome, let position, let grid else { continue }
            let row = StopKey.normalisedRow(time: time, lon: lon, lat: lat, place: place, school: field("school"),
                                            ageBand: field("age_band"), reason: reason, outcome: outcome,
                                            pair: field("pair"), sweep: field("sweep"))
            let occurrence = occurrences[row, default: 0]
            occurrences[row] = occurrence + 1
            stops.append(Stop(hash: StopKey.hash(normalisedRow: row, occurrence: occurrence), time: time,
                              lon: position.lon, lat: position.lat, easting: grid.easting, northing: grid.northing,
                              place: place, school: field("school"), ageBand: field("age_band"),
                              reason: reason, outcome: outcome, pair: field("pair"), sweep: field("sweep")))
        }
        return ParsedStopFile(path: path, format: .stops, stops: stops, errors: errors, rowsRead: records.count - 1,
                              droppedColumns: personal, ignoredColumns: ignored)
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
        var occurrences: [String: Int] = [:]
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
            let occurrence = occurrences[row, default: 0]
            occurrences[row] = occurrence + 1
            stops.append(Stop(hash: StopKey.hash(normalisedRow: row, occurrence: occurrence), time: time,
                              lon: lon, lat: lat, easting: grid.easting, northing: grid.northing,
                              place: place, reason: .other, outcome: .none, sweep: month))
        }
        return ParsedStopFile(path: path, format: .policeUK, stops: stops, errors: errors, rowsRead: records.count - 1,
                              droppedColumns: [], ignoredColumns: [])
    }
}
