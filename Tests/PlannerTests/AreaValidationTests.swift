import Foundation
import Geo
@testable import Planner
import Testing

/// A small made-up area east of Shirley: a square loop of two-way streets with a one-way spur that
/// has no way back, patches that overlap, hotspots near and far, and pairs with bases on and off the streets.
enum SmallArea {
    static func street(_ id: Int, _ from: Int, _ to: Int, _ name: String, _ a: (Double, Double), _ b: (Double, Double), oneway: String = "no") -> String {
        """
        {"type":"Feature","properties":{"osm_way_id":\(id),"from_node":\(from),"to_node":\(to),"name":"\(name)",\
        "highway":"residential","oneway":"\(oneway)","length_m":300,"scan_only":false},\
        "geometry":{"type":"LineString","coordinates":[[\(a.0),\(a.1)],[\(b.0),\(b.1)]]}}
        """
    }

    static func point(_ lon: Double, _ lat: Double, _ properties: String) -> String {
        "{\"type\":\"Feature\",\"properties\":{\(properties)},\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(lon),\(lat)]}}"
    }

    static func pair(_ id: String, _ lon: Double, _ lat: Double, _ preferred: String) -> String {
        "{\"id\":\"\(id)\",\"base\":{\"name\":\"base\",\"lon\":\(lon),\"lat\":\(lat)},\"preferred_patches\":[\"\(preferred)\"]}"
    }

    static let sw = (-1.432, 50.918), se = (-1.428, 50.918), ne = (-1.428, 50.922), nw = (-1.432, 50.922)

    static func files() -> [String: String] {
        let streets = TempArea.collection([
            street(1, 1, 2, "South Road", sw, se), street(2, 2, 3, "East Road", se, ne),
            street(3, 3, 4, "North Road", ne, nw), street(4, 4, 1, "West Road", nw, sw),
            street(5, 2, 5, "Trap Lane", se, (-1.426, 50.918), oneway: "yes"),
        ])
        let patches = TempArea.collection([
            TempArea.patch("a", TempArea.box(-1.4325, 50.9175, -1.4275, 50.9225)),
            TempArea.patch("b", TempArea.box(-1.4285, 50.9175, -1.4245, 50.9225)),
            TempArea.patch("c", TempArea.box(-1.400, 50.918, -1.396, 50.922)),
            TempArea.patch("a", TempArea.box(-1.380, 50.918, -1.376, 50.922)),
        ])
        let hotspots = TempArea.collection([
            point(-1.430, 50.920, "\"name\":\"Inside\",\"kind\":\"supermarket\",\"patch\":\"a\""),
            point(-1.4135, 50.920, "\"name\":\"Far Shops\",\"kind\":\"shopping_parade\",\"patch\":\"a\""),
            point(-1.430, 50.9205, "\"name\":\"Lost\",\"kind\":\"park\",\"patch\":\"nowhere\""),
        ])
        let schools = TempArea.collection([point(-1.431, 50.919, "\"name\":\"Loop School\",\"capacity\":100")])
        let pairs = "{\"pairs\":[" + [
            pair("on", -1.430, 50.918, "a"), pair("off", -1.430, 50.930, "a"), pair("waiting", -1.398, 50.930, "c"),
        ].joined(separator: ",") + "]}"
        return ["streets.geojson": streets, "patches.geojson": patches, "hotspots.geojson": hotspots,
                "schools.geojson": schools, "pairs.json": pairs]
    }

    /// Metres along a parallel or meridian at 50.92° N on the sphere: the reference for reported distances.
    static func metres(dLon: Double = 0, dLat: Double = 0) -> Double {
        hypot(dLon * 111_320 * cos(50.92 * Double.pi / 180), dLat * 111_200)
    }

    /// The first whole number after `marker` in `text`.
    static func number(after marker: String, in text: String) -> Double? {
        guard let range = text.range(of: marker) else { return nil }
        return Double(text[range.upperBound...].prefix { $0.isNumber })
    }
}

@Suite struct AreaValidationTests {
    @Test func smallAreaProblemsAreEachFoundAndLocated() throws {
        let folder = try TempArea.folder(SmallArea.files())
        defer { try? FileManager.default.removeItem(at: folder) }
        let problems = AreaValidation.check(folder: folder, displayFolder: "area")
        let text = problems.map(\.description)

        // The one-way spur cannot be driven back from: a warning naming it.
        let streets = try #require(problems.first { $0.file == "area/streets.geojson" })
        #expect(streets.severity == .warning)
        #expect(streets.message.contains("1 street segment(s)") && streets.message.contains("Trap Lane"))

        // Duplicate id, overlap of a and b (the duplicate is left out of the comparisons).
        #expect(text.contains("area/patches.geojson:feature 3: patch id \"a\" is already used by feature 0"))
        let overlap = try #require(problems.first { $0.message.contains("patches a and b overlap") })
        #expect(overlap.severity == .error && overlap.featureIndex == 1)
        let expectedOverlap = SmallArea.metres(dLon: 0.001) * SmallArea.metres(dLat: 0.005)
        let reported = try #require(SmallArea.number(after: "overlap by ", in: overlap.message))
        #expect(abs(reported - expectedOverlap) / expectedOverlap < 0.02)
        #expect(problems.contains { $0.featureIndex == 2 && $0.message.contains("patch c has no streets") && $0.severity == .warning })

        // Hotspots: the far one names itself and its distance; the lost one names its missing patch.
        #expect(!problems.contains { $0.message.contains("\"Inside\"") })
        let far = try #require(problems.first { $0.message.contains("hotspot \"Far Shops\" is") })
        #expect(far.severity == .error && far.featureIndex == 1 && far.file == "area/hotspots.geojson")
        let distance = try #require(SmallArea.number(after: "is ", in: far.message))
        let expectedDistance = SmallArea.metres(dLon: 0.014)
        #expect(abs(distance - expectedDistance) / expectedDistance < 0.02, "reported \(distance) m, expected about \(expectedDistance)")
        #expect(text.contains("area/hotspots.geojson:feature 2: hotspot \"Lost\" names patch \"nowhere\", which is not in patches.geojson"))

        // Bases: on the streets is fine; off them is an error, or a warning when its patches have no streets yet.
        #expect(!problems.contains { $0.file.hasSuffix("pair 0") })
        let off = try #require(problems.first { $0.file == "area/pairs.json:pair 1" })
        #expect(off.severity == .error)
        let baseDistance = try #require(SmallArea.number(after: "base is ", in: off.message))
        let expectedBase = SmallArea.metres(dLat: 0.008)
        #expect(abs(baseDistance - expectedBase) / expectedBase < 0.02)
        #expect(off.description.hasPrefix("area/pairs.json:pair 1: base is "))
        #expect(off.description.contains(" m from the nearest street"))
        let waiting = try #require(problems.first { $0.file == "area/pairs.json:pair 2" })
        #expect(waiting.severity == .warning)

        // Nothing else is wrong with this area.
        #expect(problems.filter { $0.severity == .error }.count == 5, "\(text)")
    }

    @Test func overlapAllowedSilencesTheOverlap() throws {
        var files = SmallArea.files()
        files["patches.geojson"] = TempArea.collection([
            TempArea.patch("a", TempArea.box(-1.4325, 50.9175, -1.4275, 50.9225)),
            TempArea.patch("b", TempArea.box(-1.4285, 50.9175, -1.4245, 50.9225), overlapAllowed: ["a"]),
            TempArea.patch("c", TempArea.box(-1.400, 50.918, -1.396, 50.922)),
        ])
        let folder = try TempArea.folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let problems = AreaValidation.check(folder: folder, displayFolder: "area")
        #expect(!problems.contains { $0.message.contains("overlap by") })
        #expect(!problems.contains { $0.message.contains("already used") })
    }

    @Test func badPairsFileIsOneLocatedError() throws {
        var files = SmallArea.files()
        files["pairs.json"] = "{\"pairs\":[{\"id\":\"x\",\"base\":{\"lon\":-1.43}}]}"
        let folder = try TempArea.folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let problems = AreaValidation.check(folder: folder, displayFolder: "area")
        #expect(problems.contains { $0.file == "area/pairs.json:pair 0" && $0.message.contains("lat") && $0.severity == .error })
    }

    @Test func unnamedPlacesAreFineButKindsAreChecked() throws {
        var files = SmallArea.files()
        files["places.geojson"] = TempArea.collection([
            SmallArea.point(-1.430, 50.920, "\"name\":\"\",\"kind\":\"playground\",\"osm_id\":\"way/1\""),
            SmallArea.point(-1.431, 50.920, "\"name\":\"Bingo Hall\",\"kind\":\"bingo\""),
            SmallArea.point(-1.431, 50.921, "\"name\":\"Somewhere\""),
        ])
        let folder = try TempArea.folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let places = AreaValidation.check(folder: folder, displayFolder: "area").filter { $0.file == "area/places.geojson" }
        #expect(places.map(\.description) == [
            "area/places.geojson:feature 1: place \"Bingo Hall\" has unknown kind \"bingo\" (warning)",
            "area/places.geojson:feature 2: place \"Somewhere\" needs a \"kind\"",
        ])
    }

    @Test func missingPatchesFileIsAnError() throws {
        let folder = try TempArea.folder(["pairs.json": SmallArea.files()["pairs.json"]!])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(AreaValidation.isArea(folder))
        let problems = AreaValidation.checkPatches(folder: folder, displayFolder: "area")
        #expect(problems.map(\.description) == ["area/patches.geojson: missing: each area needs its patches (see docs/data-formats.md)"])
    }

    @Test func embeddedAreasHaveNoErrors() throws {
        let isleOfWight = Southampton.root.appendingPathComponent("geodata/isle-of-wight")
        let errors = AreaValidation.check(folder: isleOfWight, displayFolder: "geodata/isle-of-wight").filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description))")
    }

    @Test func southamptonHasNoErrors() throws {
        #expect(AreaValidation.isArea(Southampton.folder))
        let problems = AreaValidation.check(folder: Southampton.folder, displayFolder: "geodata/southampton")
        let errors = problems.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description))")
        // Its real patches do not overlap and every hotspot names one of them.
        #expect(!problems.contains { $0.file.hasSuffix("hotspots.geojson") })
        #expect(!problems.contains { $0.message.contains("overlap") })
    }
}
