import Base
import Geo

/// Where each known column of a `stops` file is, and the header's other columns.
struct StopFileColumns {
    var index: [String: Int] = [:]
    var fieldCount = 0
    /// Columns that look like personal data or free text.
    var personal: [String] = []
    var ignored: [String] = []

    /// The first column of each known name wins; names match after normalising case and separators.
    init(header: CSVRecord) {
        fieldCount = header.fields.count
        for (position, name) in header.fields.enumerated() {
            let key = PersonalDataColumns.normalise(name)
            if StopColumns.all.contains(key) {
                if index[key] == nil { index[key] = position }
            } else if PersonalDataColumns.isPersonal(name) {
                personal.append(name.trimmingSpaces)
            } else {
                ignored.append(name.trimmingSpaces)
            }
        }
    }

    /// The required columns the header lacks, as the error names them.
    var missing: [String] {
        ["time", "reason", "outcome"].filter { index[$0] == nil }
            + (index["place"] == nil && (index["lon"] == nil || index["lat"] == nil) ? ["lon and lat, or place"] : [])
    }
}

/// One data row of a `stops` file as it is read: each field parsed by its column's rules, and every
/// problem found kept as `file:line: field: message`, so a row reports all its faults at once.
struct StopRow {
    let record: CSVRecord
    let columns: StopFileColumns
    let path: String
    private(set) var errors: [RowError] = []

    init(_ record: CSVRecord, columns: StopFileColumns, path: String) {
        self.record = record
        self.columns = columns
        self.path = path
    }

    /// The trimmed text of a column; empty when the file has no such column.
    func field(_ name: String) -> String {
        guard let index = columns.index[name], index < record.fields.count else { return "" }
        return record.fields[index].trimmingSpaces
    }

    mutating func fail(_ name: String, _ message: String) {
        errors.append(RowError(path: path, line: record.line, field: name, message: message))
    }

    /// False, with the error, when the row has more or fewer fields than the header.
    mutating func hasHeaderFieldCount() -> Bool {
        guard record.fields.count == columns.fieldCount else {
            fail("row", "has \(record.fields.count) fields, the header has \(columns.fieldCount)")
            return false
        }
        return true
    }

    mutating func time() -> LocalDateTime? {
        let text = field("time")
        guard let time = LocalDateTime(iso: text) else {
            fail("time", text.isEmpty ? "is empty; give ISO 8601 local time such as 2026-11-23T10:15"
                 : "'\(text)' is not ISO 8601 local time such as 2026-11-23T10:15 (no offset)")
            return nil
        }
        return time
    }

    mutating func reason() -> StopReason? {
        let text = field("reason")
        guard let reason = StopReason(rawValue: text.lowercased()) else {
            fail("reason", "'\(text)' is not one of \(StopReason.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return reason
    }

    /// An empty outcome is `none`.
    mutating func outcome() -> StopOutcome? {
        let text = field("outcome")
        guard let outcome = text.isEmpty ? StopOutcome.none : StopOutcome(rawValue: text.lowercased()) else {
            fail("outcome", "'\(text)' is not one of \(StopOutcome.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return outcome
    }

    /// Where the stop was: its lon and lat when either is given, else the known place it names.
    mutating func location(gazetteer: Gazetteer) -> StopLocation? {
        let lonText = field("lon"), latText = field("lat"), place = field("place")
        if !lonText.isEmpty || !latText.isEmpty {
            guard let lon = Double(lonText), lon.isFinite, (-180...180).contains(lon) else {
                fail("lon", "'\(lonText)' is not a longitude in degrees (−180 to 180)")
                return nil
            }
            guard let lat = Double(latText), lat.isFinite, (-90...90).contains(lat) else {
                fail("lat", "'\(latText)' is not a latitude in degrees (−90 to 90)")
                return nil
            }
            return StopLocation(position: LonLat(lon: lon, lat: lat), givenAsCoordinates: true)
        }
        guard !place.isEmpty else {
            fail("lon", "give lon and lat, or the name of a known place")
            return nil
        }
        guard let known = gazetteer.lookup(place) else {
            fail("place", "'\(place)' is not a known hotspot or place (hotspots.geojson, places.geojson); give lon and lat")
            return nil
        }
        return StopLocation(position: known.position, givenAsCoordinates: false)
    }

    /// The position on the British National Grid, where distances are measured.
    mutating func grid(_ position: LonLat, projection: Projection) -> GridPoint? {
        do {
            return try projection.grid(position)
        } catch {
            fail("lon", "cannot convert to British National Grid: \(error)")
            return nil
        }
    }
}

/// A stop's position, and whether the row gave it as coordinates (which then belong to the stop's
/// identity) or as the name of a known place.
struct StopLocation {
    var position: LonLat
    var givenAsCoordinates: Bool
}

/// Tells apart rows that are the same stop twice in one file: each repeat gets the next occurrence
/// number in its hash, so a re-import matches the same stops and two identical stops both count.
struct StopOccurrences {
    private var seen: [String: Int] = [:]

    mutating func hash(of normalisedRow: String) -> String {
        let occurrence = seen[normalisedRow, default: 0]
        seen[normalisedRow] = occurrence + 1
        return StopKey.hash(normalisedRow: normalisedRow, occurrence: occurrence)
    }
}
