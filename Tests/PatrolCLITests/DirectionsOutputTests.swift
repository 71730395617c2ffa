import Foundation
import Testing

/// The directions as a pair and their apps meet them: run sheets that cover every leg of plan.geojson in
/// order and cut nothing, a GPX route that GDAL and gpsbabel read and that stays on the planned line, and
/// `patrol directions` on a saved plan.
@Suite struct DirectionsOutputTests {
    /// CI installs GDAL and gpsbabel: there a missing tool fails the test; elsewhere the test is skipped.
    static let inCI = ProcessInfo.processInfo.environment["CI"] != nil

    static func tool(_ name: String) -> URL? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let url = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    struct Planned {
        let folder: ScratchFolder
        var out: URL { folder.url.appendingPathComponent("out") }
    }

    static func plan(_ label: String) throws -> Planned {
        let binary = try #require(PatrolRun.patrol, "build patrol first (swift build); it is looked for at .build/debug/patrol")
        let folder = try ScratchFolder(label)
        let data = try folder.copyArea("southampton")
        let result = try PatrolRun.run(binary, ["plan", "--data", data.path, "--date", "2026-11-25", "--out", "out"], in: folder.url)
        #expect(result.status == 0, "\(result.combined)")
        return Planned(folder: folder)
    }

    /// Route legs per pair, in `seq` order, read with Foundation's JSON parser: the properties, and the
    /// line's coordinates under `_coordinates`.
    static func legs(_ url: URL) throws -> [String: [[String: Any]]] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let features = try #require(root["features"] as? [[String: Any]])
        let legs = features.compactMap { feature -> [String: Any]? in
            guard var properties = feature["properties"] as? [String: Any], properties["layer"] as? String == "route" else { return nil }
            properties["_coordinates"] = (feature["geometry"] as? [String: Any])?["coordinates"]
            return properties
        }
        return Dictionary(grouping: legs) { $0["pair"] as? String ?? "" }
            .mapValues { $0.sorted { ($0["seq"] as? Int ?? 0) < ($1["seq"] as? Int ?? 0) } }
    }

    static func unescapeHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func runSheetsCoverEveryLegInOrderAndCutNothing() throws {
        let planned = try Self.plan("runsheet-steps")
        let legs = try Self.legs(planned.out.appendingPathComponent("plan.geojson"))
        #expect(legs.count == 2)
        let markdown = try String(contentsOf: planned.out.appendingPathComponent("runsheet.md"), encoding: .utf8)
        let html = try String(contentsOf: planned.out.appendingPathComponent("runsheet.html"), encoding: .utf8)
        for (name, sheet) in [("runsheet.md", markdown.replacingOccurrences(of: " †", with: "")), ("runsheet.html", Self.unescapeHTML(html))] {
            #expect(!sheet.contains("…"), "\(name) cuts something short")
            for (pair, pairLegs) in legs {
                let start = try #require(sheet.range(of: "\(pair) — "), "\(name) has no section for \(pair)")
                var cursor = start.upperBound
                for leg in pairLegs {
                    let instruction = try #require(leg["instruction"] as? String)
                    guard let found = sheet.range(of: instruction, range: cursor..<sheet.endIndex) else {
                        Issue.record("\(name): \(pair) leg \(leg["seq"] ?? "?") \"\(instruction)\" is missing or out of order")
                        break
                    }
                    cursor = found.upperBound
                }
            }
        }
        #expect(markdown.contains("**WATCH — Watch "), "watches stand out")
        #expect(html.contains("size: A4") && html.contains("page-break-after: always") && html.contains("<svg"))
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").dropFirst().allSatisfy { $0.hasPrefix("www.w3.org/2000/svg") },
                "nothing fetched from elsewhere")
    }

    @Test func everyLegHasAManeuverFromTheVocabulary() throws {
        let planned = try Self.plan("maneuver-vocabulary")
        let vocabulary: Set = ["depart", "none", "continue", "turn-left", "turn-right", "slight-left", "slight-right",
                               "sharp-left", "sharp-right", "keep-left", "keep-right", "u-turn", "roundabout"]
        for (pair, legs) in try Self.legs(planned.out.appendingPathComponent("plan.geojson")) {
            #expect(legs.first?["maneuver"] as? String == "depart", "\(pair) departs first")
            for leg in legs {
                #expect(vocabulary.contains(leg["maneuver"] as? String ?? ""), "\(pair) leg \(leg["seq"] ?? "?"): \(leg["maneuver"] ?? "no maneuver")")
                #expect(!(leg["instruction"] as? String ?? "").isEmpty)
            }
        }
    }

    @Test(.enabled(if: inCI || (tool("ogrinfo") != nil && tool("gpsbabel") != nil),
                   "GDAL's ogrinfo and gpsbabel are not installed here; CI installs them and fails without them"))
    func theGPXRouteOpensInGDALAndGpsbabelAndStaysOnThePlannedLine() throws {
        let ogrinfo = try #require(Self.tool("ogrinfo"), "CI is set but ogrinfo (GDAL) is not installed")
        let gpsbabel = try #require(Self.tool("gpsbabel"), "CI is set but gpsbabel is not installed")
        let planned = try Self.plan("gpx-route")
        let legs = try Self.legs(planned.out.appendingPathComponent("plan.geojson"))
        for (pair, pairLegs) in legs {
            let gpx = planned.out.appendingPathComponent("\(pair).gpx")
            let routes = try PatrolRun.run(ogrinfo, ["-so", gpx.path, "routes"], in: planned.folder.url)
            #expect(routes.status == 0, "\(routes.combined)")
            #expect(routes.standardOutput.contains("Feature Count: 1"), "one route per pair: \(routes.standardOutput)")
            let text = try String(contentsOf: gpx, encoding: .utf8)
            let points = Self.routePoints(text)
            #expect(points.count > 20)
            let pointsLayer = try PatrolRun.run(ogrinfo, ["-so", gpx.path, "route_points"], in: planned.folder.url)
            #expect(pointsLayer.standardOutput.contains("Feature Count: \(points.count)"), "\(pointsLayer.combined)")
            let all = try PatrolRun.run(ogrinfo, ["-al", "-q", gpx.path], in: planned.folder.url)
            #expect(all.status == 0, "\(all.combined)")

            let roundTrip = try PatrolRun.run(gpsbabel, ["-i", "gpx", "-f", gpx.path, "-o", "gpx", "-F", "-"], in: planned.folder.url)
            #expect(roundTrip.status == 0, "\(roundTrip.combined)")
            #expect(roundTrip.standardOutput.components(separatedBy: "<rte>").count - 1 == 1)
            #expect(Self.routePoints(roundTrip.standardOutput).count == points.count)

            let line = try pairLegs.flatMap { leg -> [(Double, Double)] in
                let geometry = try #require(leg["_coordinates"] as? [[Double]])
                return geometry.map { ($0[0], $0[1]) }
            }
            for point in points {
                let metres = Self.distanceMetres(point, to: line)
                #expect(metres <= 1, "\(pair): route point \(point) is \(metres) m off the planned line")
            }
        }
    }

    /// (lon, lat) of each `rtept`, in order.
    static func routePoints(_ gpx: String) -> [(Double, Double)] {
        let pattern = try! NSRegularExpression(pattern: #"<rtept lat="([-0-9.]+)" lon="([-0-9.]+)""#)
        return pattern.matches(in: gpx, range: NSRange(gpx.startIndex..., in: gpx)).compactMap { match in
            guard let lat = Range(match.range(at: 1), in: gpx).flatMap({ Double(gpx[$0]) }),
                  let lon = Range(match.range(at: 2), in: gpx).flatMap({ Double(gpx[$0]) }) else { return nil }
            return (lon, lat)
        }
    }

    /// Metres from a point to a polyline, in a local equirectangular frame around the point.
    static func distanceMetres(_ p: (Double, Double), to line: [(Double, Double)]) -> Double {
        let radius = 6_371_008.8
        let kx = cos(p.1 * .pi / 180) * .pi / 180 * radius, ky = Double.pi / 180 * radius
        func xy(_ q: (Double, Double)) -> (Double, Double) { ((q.0 - p.0) * kx, (q.1 - p.1) * ky) }
        var best = Double.infinity
        for (a, b) in zip(line, line.dropFirst()) {
            let (ax, ay) = xy(a), (bx, by) = xy(b)
            let dx = bx - ax, dy = by - ay
            let length2 = dx * dx + dy * dy
            let t = length2 > 0 ? max(0, min(1, -(ax * dx + ay * dy) / length2)) : 0
            best = min(best, hypot(ax + t * dx, ay + t * dy))
        }
        return best
    }

    @Test func directionsPrintsOnePairsStepsAndNamesWhatIsWrong() throws {
        let binary = try #require(PatrolRun.patrol)
        let planned = try Self.plan("directions-command")
        let plan = "out/plan.geojson"
        let legs = try Self.legs(planned.out.appendingPathComponent(plan.replacingOccurrences(of: "out/", with: "")))
        let pair = try #require(legs.keys.sorted().first)
        let result = try PatrolRun.run(binary, ["directions", "--plan", plan, "--pair", pair], in: planned.folder.url)
        #expect(result.status == 0, "\(result.combined)")
        var cursor = result.standardOutput.startIndex
        for leg in legs[pair] ?? [] {
            let instruction = try #require(leg["instruction"] as? String)
            let found = try #require(result.standardOutput.range(of: instruction, range: cursor..<result.standardOutput.endIndex),
                                     "\(instruction) printed in order")
            cursor = found.upperBound
        }
        #expect(result.standardOutput.contains("WATCH "))

        let missingPair = try PatrolRun.run(binary, ["directions", "--plan", plan, "--pair", "no-such-pair"], in: planned.folder.url)
        #expect(missingPair.status == 64)
        #expect(missingPair.standardError.contains("\(plan): no pair \"no-such-pair\" in this plan"), "\(missingPair.combined)")
        let notAPlan = try PatrolRun.run(binary, ["directions", "--plan", "area/schools.geojson", "--pair", pair], in: planned.folder.url)
        #expect(notAPlan.status == 65)
        #expect(notAPlan.standardError.contains("area/schools.geojson: not a patrol plan"), "\(notAPlan.combined)")
        let missingFile = try PatrolRun.run(binary, ["directions", "--plan", "nowhere.geojson", "--pair", pair], in: planned.folder.url)
        #expect(missingFile.status == 66)
        #expect(missingFile.standardError.contains("nowhere.geojson: cannot read"), "\(missingFile.combined)")
    }
}
