import Base
import Foundation
import Geo

/// A home visit folded into a pair's day as a timed stop. Its place is used for routing only:
/// no output names it, marks it, or gives its coordinates.
public struct HomeVisit: Sendable, Hashable {
    public var position: LonLat
    public var earliestSeconds: Int
    public var latestSeconds: Int
    public var durationSeconds: Int
    public var pair: String?
}

public enum HomeVisitsFile {
    /// CSV with header `lon,lat,earliest,latest[,minutes][,pair]`; any other column (an address,
    /// a name) is ignored and never read into memory beyond this parse.
    /// Fields follow RFC 4180, so a quoted address holding commas keeps the columns in place.
    public static func read(contentsOf url: URL) throws -> [HomeVisit] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw AreaError(file: url.path, message: "cannot read the file", exitCode: .noInput)
        }
        guard String(data: data, encoding: .utf8) != nil else {
            throw AreaError(file: url.path, message: "not UTF-8 text; expected a CSV file")
        }
        let records: [CSVRecord]
        do {
            records = try CSVReader.records(bytes: [UInt8](data))
        } catch let error as CSVSyntaxError {
            throw AreaError(file: url.path, location: "line \(error.line)", message: error.message)
        }
        guard let header = records.first else { throw AreaError(file: url.path, message: "empty file; expected a header") }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ name: String) -> Int? { columns.firstIndex(of: name) }
        guard let lon = column("lon"), let lat = column("lat"), let earliest = column("earliest"), let latest = column("latest") else {
            throw AreaError(file: url.path, location: "line \(header.line)", message: "header must name lon, lat, earliest and latest")
        }
        var visits: [HomeVisit] = []
        for record in records.dropFirst() {
            let fields = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            let at = "line \(record.line)"
            func field(_ i: Int) -> String { i < fields.count ? fields[i] : "" }
            guard let x = Double(field(lon)), let y = Double(field(lat)), (-180...180).contains(x), (-90...90).contains(y) else {
                throw AreaError(file: url.path, location: at, message: "lon and lat must be numbers in range")
            }
            guard let from = ClockTime.parse(field(earliest)), let to = ClockTime.parse(field(latest)), to >= from else {
                throw AreaError(file: url.path, location: at, message: "earliest and latest must be HH:MM, earliest first")
            }
            var minutes = 10.0
            if let m = column("minutes"), !field(m).isEmpty {
                guard let value = Double(field(m)), value > 0, value <= 120 else {
                    throw AreaError(file: url.path, location: at, message: "minutes must be from 1 to 120")
                }
                minutes = value
            }
            let pair = column("pair").map(field).flatMap { $0.isEmpty ? nil : $0 }
            visits.append(HomeVisit(position: LonLat(lon: x, lat: y), earliestSeconds: from, latestSeconds: to,
                                    durationSeconds: Int(minutes * 60), pair: pair))
        }
        return visits
    }
}
