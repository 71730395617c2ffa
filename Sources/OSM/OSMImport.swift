import Base
import Foundation
import Geo

/// The files an import writes into a folder, and its summary.
public enum OSMImport {
    public static let attribution = "© OpenStreetMap contributors, ODbL 1.0"

    public struct Summary: Sendable {
        public var statistics: OSMImportStatistics
        public var seconds: Double
        /// Absolute paths of the files written.
        public var files: [String]
    }

    /// Imports `inputPath` into `directory`: streets.geojson, schools, places.geojson and a README,
    /// each written through a temporary file and a rename.
    ///
    /// A curated area folder keeps its own `schools.geojson` (GIAS) and `README.md`: when one exists
    /// that this importer did not write, OSM schools go to `osm-schools.geojson` and the notes to
    /// `README-osm.md`. A `schoolsFileName` given by the caller is used as it is.
    public static func run(inputPath: String, directory: String, options: OSMImportOptions = OSMImportOptions(),
                           schoolsFileName: String? = nil,
                           progress: ((_ pass: String, _ bytesRead: Int, _ totalBytes: Int) -> Void)? = nil) throws -> Summary {
        let start = Date()
        try createFolder(directory)
        let importer = try OSMImporter(path: inputPath, options: options)
        importer.progress = progress
        let streetsPath = (directory as NSString).appendingPathComponent("streets.geojson")
        let result = try writeCollection(at: streetsPath) { streets in
            try importer.run { segment in try streets.write(segment.feature) }
        }

        // Decided before either file is written, so a curated file is told from one this importer wrote.
        let schoolsFileName = schoolsFileName
            ?? (isOurs(directory, "schools.geojson", marker: "\"attribution\":\"\(attribution)\"") ? "schools.geojson" : "osm-schools.geojson")
        let readmeName = isOurs(directory, "README.md", marker: readmeHeading) ? "README.md" : "README-osm.md"

        let schoolsPath = (directory as NSString).appendingPathComponent(schoolsFileName)
        try writeCollection(at: schoolsPath) { schools in
            for school in result.schools { try schools.write(school.schoolFeature) }
        }
        let placesPath = (directory as NSString).appendingPathComponent("places.geojson")
        try writeCollection(at: placesPath) { places in
            for place in result.places {
                if let feature = place.placeFeature { try places.write(feature) }
            }
        }
        let readmePath = (directory as NSString).appendingPathComponent(readmeName)
        try AtomicFile.write(readme(inputPath: inputPath, options: options, schoolsFileName: schoolsFileName,
                                    result: result), to: URL(fileURLWithPath: readmePath))
        return Summary(statistics: result.statistics, seconds: Date().timeIntervalSince(start),
                       files: [streetsPath, schoolsPath, placesPath, readmePath])
    }

    private static func createFolder(_ directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw OSMError.write(path: directory, message: "cannot create the output folder: \(error.localizedDescription)")
        }
    }

    /// Streams one FeatureCollection carrying the attribution to `path`, its features written by `body`.
    @discardableResult
    private static func writeCollection<Value>(at path: String,
                                               _ body: (GeoJSONStreamWriter) throws -> Value) throws -> Value {
        let writer = try GeoJSONStreamWriter(path: path, foreignMembers: ["attribution": .string(attribution)])
        let value = try body(writer)
        try writer.finish()
        return value
    }

    static let readmeHeading = "# OpenStreetMap import"

    /// True when the file is missing or was written by this importer (its start holds `marker`).
    static func isOurs(_ directory: String, _ name: String, marker: String) -> Bool {
        let path = (directory as NSString).appendingPathComponent(name)
        guard let handle = FileHandle(forReadingAtPath: path) else { return true }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 512)) ?? Data()
        return String(decoding: head, as: UTF8.self).contains(marker)
    }

    /// The folder's README: attribution, source file and counts, and nothing that changes between runs.
    static func readme(inputPath: String, options: OSMImportOptions, schoolsFileName: String, result: OSMImportResult) -> String {
        let stats = result.statistics
        let source = (inputPath as NSString).lastPathComponent
        var lines = [
            readmeHeading,
            "",
            "Map data \(attribution): https://www.openstreetmap.org/copyright",
            "",
            "- Source file: `\(source)`",
        ]
        if let timestamp = result.pbfHeader?.replicationTimestamp {
            let date = Date(timeIntervalSince1970: TimeInterval(timestamp))
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            lines.append("- Data as of: \(formatter.string(from: date))")
        }
        if let box = options.bbox { lines.append("- Bounding box: `\(box)` (streets with a node inside, whole)") }
        lines += [
            "- Made by: `patrol import-osm \(source) --out DIR\(options.bbox.map { " --bbox \($0)" } ?? "")\(schoolsFileName == "schools.geojson" ? "" : " --schools-file \(schoolsFileName)")`",
            "",
            "| file | contents |",
            "|---|---|",
            "| `streets.geojson` | \(stats.segments) segments from \(stats.streetWays) highway ways: \(String(format: "%.1f", stats.drivableMetres / 1000)) km drivable, \(String(format: "%.1f", stats.scanOnlyMetres / 1000)) km scan-only |",
            "| `\(schoolsFileName)` | \(stats.schools) schools tagged `amenity=school` (nodes, and areas at their centroid) |",
            "| `places.geojson` | \(stats.places) candidate hotspots (supermarkets, convenience shops, fast food, shopping centres, parks, playgrounds, leisure centres) |",
            "",
            "Formats: see docs/data-formats.md. Each GeoJSON file carries the attribution as a foreign member.",
            "",
        ]
        return lines.joined(separator: "\n")
    }
}
