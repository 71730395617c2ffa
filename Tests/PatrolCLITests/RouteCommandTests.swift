import Foundation
import Testing

/// `patrol route` end to end, its GeoJSON read back with Foundation's JSON parser (not ours).
@Suite struct RouteCommandTests {
    static func legs(_ features: [[String: Any]]) -> [[String: Any]] {
        features.filter { ($0["properties"] as? [String: Any])?["layer"] as? String == "route" }
    }

    @Test func rydeRouteIsAClosedTimedSweepWithItsSummaryAndScanOnlyWays() throws {
        let binary = try #require(PatrolRun.patrol, "build patrol first (swift build); it is looked for at .build/debug/patrol")
        let folder = try ScratchFolder("route")
        let data = PatrolRun.repositoryRoot.appendingPathComponent("geodata/isle-of-wight").path
        let result = try PatrolRun.run(binary, ["route", "--data", data, "--patch", "ryde", "--out", "route.geojson"], in: folder.url)
        #expect(result.status == 0, "\(result.combined)")
        for line in ["total time", "required streets 463 segments, 33.61 km", "deadhead ratio", "right turns", "U-turns",
                     "lower bound", "scan-only ways"] {
            #expect(result.standardOutput.contains(line), "summary lacks \(line): \(result.standardOutput)")
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.url.appendingPathComponent("route.geojson")))
        let collection = try #require(json as? [String: Any])
        #expect(collection["type"] as? String == "FeatureCollection")
        let features = try #require(collection["features"] as? [[String: Any]])
        let legs = Self.legs(features)
        #expect(legs.count > 100)
        var previousEnd: [Double]?
        var clock = 0.0
        var sweepMetres = 0.0
        for (index, leg) in legs.enumerated() {
            let properties = try #require(leg["properties"] as? [String: Any])
            let geometry = try #require(leg["geometry"] as? [String: Any])
            #expect(geometry["type"] as? String == "LineString")
            let positions = try #require(geometry["coordinates"] as? [[Double]])
            #expect(positions.count >= 2)
            #expect(positions.allSatisfy { $0.count == 2 && (-1.6 ... -1.0).contains($0[0]) && (50.5 ... 50.8).contains($0[1]) })
            // Legs follow one another on the ground and in time: etd_s is the running sum of duration_s.
            if let end = previousEnd { #expect(end == positions[0], "leg \(index) does not start where the last ended") }
            previousEnd = positions.last
            let kind = try #require(properties["kind"] as? String)
            #expect(kind == "sweep" || kind == "deadhead")
            #expect(properties["seq"] as? Double != nil && properties["street"] is String && properties["stroke"] is String)
            let departure = try #require(properties["etd_s"] as? Double)
            let duration = try #require(properties["duration_s"] as? Double)
            let distance = try #require(properties["distance_m"] as? Double)
            #expect(duration >= 0 && distance >= 0)
            #expect(abs(departure - clock) < 1 + 0.05 * Double(index), "leg \(index): etd_s \(departure), running sum \(clock)")
            clock = departure + duration
            if kind == "sweep" { sweepMetres += distance }
        }
        let first = try #require(((legs.first?["geometry"] as? [String: Any])?["coordinates"] as? [[Double]])?.first)
        #expect(previousEnd == first, "the route does not end where it starts")
        // Sweep legs cover the required streets once, less the two left out (no way there and back).
        #expect(sweepMetres > 33_500 && sweepMetres <= 33_610, "swept \(sweepMetres) m")
        let scans = features.filter { ($0["properties"] as? [String: Any])?["layer"] as? String == "scan" }
        #expect(!scans.isEmpty)
        for scan in scans {
            let properties = try #require(scan["properties"] as? [String: Any])
            #expect(properties["scan_from"] is String && properties["name"] is String)
            #expect((properties["length_m"] as? Double ?? 0) > 0)
        }
    }

    @Test func aPatchWithNoStreetsOrNoSuchPatchIsAClearError() throws {
        let binary = try #require(PatrolRun.patrol, "build patrol first (swift build); it is looked for at .build/debug/patrol")
        let folder = try ScratchFolder("route-errors")
        let data = PatrolRun.repositoryRoot.appendingPathComponent("geodata/southampton").path
        let empty = try PatrolRun.run(binary, ["route", "--data", data, "--patch", "lordshill"], in: folder.url)
        #expect(empty.status == 69)
        #expect(empty.standardError.contains("patch lordshill has no streets") && empty.standardError.contains("hint:"), "\(empty.combined)")
        let unknown = try PatrolRun.run(binary, ["route", "--data", data, "--patch", "nowhere"], in: folder.url)
        #expect(unknown.status == 64)
        #expect(unknown.standardError.contains("no patch with id \"nowhere\"; patches: shirley"), "\(unknown.combined)")
    }
}
