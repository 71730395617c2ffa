import Base
import Foundation
import Testing
@testable import Hotspots

@Suite struct PrivacyScannerTests {
    /// Values planted in rejected columns and free text; none may reach any output or the store.
    static let planted = ["Zebedee Quantrill", "2011-07-19", "14 Orchard Lane", "SO15 9ZZ", "07700 900123",
                          "zq@example.org", "A123456789012", "told us he hates maths", "Quantrill"]

    @Test func noOutputFileHoldsAValueFromARejectedColumnOrFreeText() throws {
        _ = try #require(TestArea.patrolBinary, "build the patrol binary first: swift build (it is looked for at .build/debug/patrol)")
        let area = try TestArea()
        var lines = ["time,lon,lat,place,school,age_band,reason,outcome,pair,sweep,child_name,dob,home_address,postcode,phone,email,upn,notes"]
        var random = SplitMix64(seed: 17)
        for index in 0..<60 {
            let spot = TestArea.hotspots[index % 3]
            let lon = formatFixed(spot.2 + (random.unit() - 0.5) * 0.001, decimals: 6)
            let lat = formatFixed(spot.3 + (random.unit() - 0.5) * 0.001, decimals: 6)
            let day = index < 30 ? "2026-11-16" : "2026-11-23"
            lines.append("\(day)T10:\(10 + index % 40),\(lon),\(lat),,Test School,14-16,truanting,home_visit,pair-1,s\(index < 30 ? 1 : 2),"
                         + "\(Self.planted[0]),\(Self.planted[1]),\"\(Self.planted[2])\",\(Self.planted[3]),\(Self.planted[4]),"
                         + "\(Self.planted[5]),\(Self.planted[6]),\"\(Self.planted[7]), again\"")
        }
        let file = try area.write("planted.csv", lines.joined(separator: "\n") + "\n")
        let out = area.folder.appendingPathComponent("out")
        let data = ["--data", area.folder.path]
        var transcripts: [String] = []

        let refused = try TestArea.runPatrol(["stops", "import", file.path] + data, in: area.folder)
        #expect(refused.status != 0 && refused.output.contains("child_name"))
        transcripts.append(refused.output)
        for arguments in [["stops", "import", file.path, "--drop-personal-columns"] + data,
                          ["stops", "list", "--json"] + data, ["stops", "list"] + data, ["stops", "stats", "--json"] + data,
                          ["hotspots", "--as-of", "2026-11-24", "--out", out.appendingPathComponent("hotspots.geojson").path] + data,
                          ["review", "--date", "2026-11-23", "--out", out.path] + data] {
            let run = try TestArea.runPatrol(arguments, in: area.folder)
            #expect(run.status == 0, "\(arguments): \(run.output)")
            transcripts.append(run.output)
        }
        #expect(try SQLiteStopStore(path: area.dbPath).countRows(table: "stops").rows == 60)

        var scanned: [String] = []
        let files = FileManager.default.enumerator(at: area.folder, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.lastPathComponent != "planted.csv" && !$0.hasDirectoryPath }
        for url in files {
            let bytes = try Data(contentsOf: url)
            scanned.append(url.lastPathComponent)
            for value in Self.planted {
                #expect(bytes.range(of: Data(value.utf8)) == nil, "\(url.lastPathComponent) holds '\(value)'")
            }
        }
        for transcript in transcripts {
            for value in Self.planted { #expect(!transcript.contains(value), "command output holds '\(value)'") }
        }
        #expect(scanned.contains("stops.sqlite") && scanned.contains("hotspots.geojson")
                && scanned.contains("review-2026-11-23.md") && scanned.contains("review-2026-11-23.geojson"))
    }
}
