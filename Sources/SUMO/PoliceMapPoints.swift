import Base
import Foundation
import Geo

/// One of police.uk's anonymised map points: a fixed position with the place it stands for.
public struct MapPoint: Hashable, Sendable {
    public var position: LonLat
    /// The `Location` column, such as "On or near Shirley High Street".
    public var location: String

    public init(position: LonLat, location: String) {
        self.position = position
        self.location = location
    }
}

/// Why a police.uk CSV could not be read.
public enum PoliceCSVError: Error, Hashable, Sendable, CustomStringConvertible {
    case missingColumn(file: String, column: String, header: [String])
    case badNumber(file: String, line: Int, column: String, value: String)
    case unterminatedQuote(file: String, line: Int)
    /// A quote that does not surround a whole field (RFC 4180).
    case misplacedQuote(file: String, line: Int, message: String)
    case cannotRead(file: String, reason: String)

    public var description: String {
        switch self {
        case let .missingColumn(file, column, header):
            "\(file):1: expected a \"\(column)\" column in the header; found \(header.joined(separator: ", "))"
        case let .badNumber(file, line, column, value):
            "\(file):\(line): \(column): expected a number in degrees, not \"\(value)\""
        case let .unterminatedQuote(file, line):
            "\(file):\(line): a quoted field is not closed; expected a closing \" before the end of the file"
        case let .misplacedQuote(file, line, message):
            "\(file):\(line): \(message)"
        case let .cannotRead(file, reason):
            "cannot read \(file): \(reason)"
        }
    }
}

/// Reads police.uk street-level crime CSV files (Crime ID, Month, …, Longitude, Latitude, Location, …).
public enum PoliceMapPoints {
    /// The distinct map points of the file: many crimes share one point, and each point counts once.
    /// Rows without a position ("No location") are skipped.
    public static func read(contentsOf url: URL) throws -> [MapPoint] {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw PoliceCSVError.cannotRead(file: url.path, reason: error.localizedDescription)
        }
        return try parse(text, fileName: url.path)
    }

    public static func parse(_ text: String, fileName: String) throws -> [MapPoint] {
        let rows = try records(text, fileName: fileName)
        guard let header = rows.first?.fields else { return [] }
        func column(_ name: String) throws -> Int {
            guard let index = header.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == name }) else {
                throw PoliceCSVError.missingColumn(file: fileName, column: name, header: header)
            }
            return index
        }
        let lonColumn = try column("Longitude")
        let latColumn = try column("Latitude")
        let locationColumn = try column("Location")
        var seen = Set<MapPoint>()
        var points: [MapPoint] = []
        for row in rows.dropFirst() {
            guard row.fields.count > max(lonColumn, latColumn, locationColumn) else { continue }
            let lonText = row.fields[lonColumn].trimmingCharacters(in: .whitespaces)
            let latText = row.fields[latColumn].trimmingCharacters(in: .whitespaces)
            if lonText.isEmpty || latText.isEmpty { continue }
            guard let lon = Double(lonText), (-180...180).contains(lon) else {
                throw PoliceCSVError.badNumber(file: fileName, line: row.line, column: "Longitude", value: lonText)
            }
            guard let lat = Double(latText), (-90...90).contains(lat) else {
                throw PoliceCSVError.badNumber(file: fileName, line: row.line, column: "Latitude", value: latText)
            }
            let point = MapPoint(position: LonLat(lon: lon, lat: lat), location: row.fields[locationColumn])
            if seen.insert(point).inserted { points.append(point) }
        }
        return points
    }

    /// The file's records. police.uk files have no comment lines, so a line starting with `#` is a record.
    static func records(_ text: String, fileName: String) throws -> [CSVRecord] {
        do {
            return try CSVReader.records(text, commentLines: false)
        } catch let error as CSVSyntaxError {
            switch error.problem {
            case .unclosedQuote:
                throw PoliceCSVError.unterminatedQuote(file: fileName, line: error.line)
            case .textAfterClosingQuote, .quoteInUnquotedField:
                throw PoliceCSVError.misplacedQuote(file: fileName, line: error.line, message: error.message)
            }
        }
    }
}
