import Base
import Foundation
import Geo
@testable import Hotspots

/// A temporary area folder with a few hotspots near Southampton's centre, and helpers to write stop files.
final class TestArea {
    let folder: URL
    var dbPath: String { folder.appendingPathComponent("stops.sqlite").path }

    /// id, name, lon, lat, patch
    static let hotspots: [(String, String, Double, Double, String)] = [
        ("shirley-high-street", "Shirley High Street", -1.4305, 50.9240, "shirley"),
        ("portswood-broadway", "Portswood Broadway", -1.3930, 50.9270, "portswood"),
        ("lordshill-centre", "Lordshill District Centre", -1.4560, 50.9440, "lordshill"),
    ]

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("patrol-hotspots-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let features = Self.hotspots.map { id, name, lon, lat, patch in
            Feature(geometry: .point(LonLat(lon: lon, lat: lat)), properties: [
                "id": .string(id), "name": .string(name), "kind": "district_centre", "patch": .string(patch), "dwell_min": 12,
            ])
        }
        try GeoJSONWriter.string(FeatureCollection(features: features)).write(to: folder.appendingPathComponent("hotspots.geojson"),
                                                                                atomically: true, encoding: .utf8)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func parser(dropPersonalColumns: Bool = false) throws -> StopFileParser {
        let projection = try Projection.bng()
        return StopFileParser(gazetteer: try Gazetteer.load(dataDirectory: folder, projection: projection), projection: projection,
                              dropPersonalColumns: dropPersonalColumns)
    }

    static let header = "time,lon,lat,place,school,age_band,reason,outcome,pair,sweep"

    /// `count` seeded rows scattered around the hotspots, every one distinct.
    static func generatedRows(_ count: Int, seed: UInt64) -> String {
        var random = SplitMix64(seed: seed)
        let reasons = StopReason.allCases
        let outcomes = StopOutcome.allCases
        var lines = [header]
        for index in 0..<count {
            let spot = hotspots[Int(random.next() % UInt64(hotspots.count))]
            let lon = spot.2 + (random.unit() - 0.5) * 0.004
            let lat = spot.3 + (random.unit() - 0.5) * 0.003
            let day = 1 + index % 28
            let minute = index % 60
            lines.append("2026-10-\(day < 10 ? "0" : "")\(day)T10:\(minute < 10 ? "0" : "")\(minute),"
                         + "\(formatFixed(lon, decimals: 6)),\(formatFixed(lat, decimals: 6)),,School \(index % 7),11-13,"
                         + "\(reasons[Int(random.next() % 8)].rawValue),\(outcomes[Int(random.next() % 4)].rawValue),pair-\(1 + index % 3),s\(index)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The package root, found from this file's path (Tests/HotspotsTests/TestArea.swift).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The debug `patrol` binary that `swift test` builds beside the tests.
    static var patrolBinary: URL? {
        let candidates = [".build/debug/patrol"].map { repositoryRoot.appendingPathComponent($0) }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs patrol to completion; returns exit status and combined output.
    static func runPatrol(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        guard let binary = patrolBinary else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        // A developer's own PATROL_DB must not redirect the test's default store.
        process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "PATROL_DB" }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
