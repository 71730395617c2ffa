import Foundation
import Geo
import Testing
@testable import OSM

enum TestFiles {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    static func fixture(_ name: String) throws -> String {
        guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw Missing(description: "the Fixtures folder is not in the test bundle")
        }
        let path = folder.appendingPathComponent(name).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw Missing(description: "fixture \(name) is missing: run tools/make-osm-fixtures.sh")
        }
        return path
    }

    /// A real source file of geodata/sources (see its PROVENANCE.md).
    static func source(_ name: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("geodata/sources/\(name)").path
        guard FileManager.default.fileExists(atPath: path) else {
            throw Missing(description: "\(path) is missing: it is committed under geodata/sources")
        }
        return path
    }

    static func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("patrol-osm-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    static func write(_ bytes: [UInt8], name: String) throws -> String {
        let path = (try temporaryDirectory() as NSString).appendingPathComponent(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

/// Runs an import and keeps every segment in memory (test files are small).
func importStreets(_ path: String, bbox: OSMBoundingBox? = nil) throws -> (segments: [OSMStreetSegment], result: OSMImportResult) {
    var segments: [OSMStreetSegment] = []
    let importer = try OSMImporter(path: path, options: OSMImportOptions(bbox: bbox))
    let result = try importer.run { segments.append($0) }
    return (segments, result)
}

/// The streets file text an import would write.
func streetsText(_ segments: [OSMStreetSegment]) -> String {
    GeoJSONWriter.string(FeatureCollection(features: segments.map(\.feature),
                                           foreignMembers: ["attribution": .string(OSMImport.attribution)]))
}

/// Haversine distance on a sphere of the GRS80 mean radius: an independent check of BNG lengths.
func haversineMetres(_ a: LonLat, _ b: LonLat) -> Double {
    let radius = 6_371_008.8
    let toRadians = Double.pi / 180
    let dLat = (b.lat - a.lat) * toRadians
    let dLon = (b.lon - a.lon) * toRadians
    let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.lat * toRadians) * cos(b.lat * toRadians) * sin(dLon / 2) * sin(dLon / 2)
    return 2 * radius * asin(min(1, h.squareRoot()))
}
