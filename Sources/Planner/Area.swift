import Foundation
import Geo

/// An area folder (`geodata/<area>/`): schools, hotspots, patches and pairs. Streets are loaded
/// separately because they are large and some areas have none yet.
public struct Area: Sendable {
    public var folder: URL
    public var name: String
    public var schools: [School]
    public var hotspots: [Hotspot]
    public var patches: [Patch]
    public var pairs: [Pair]

    public var streetsURL: URL { folder.appendingPathComponent("streets.geojson") }
    public var hasStreets: Bool { FileManager.default.fileExists(atPath: streetsURL.path) }

    public static func load(from folder: URL) throws -> Area {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw AreaError(file: folder.path, message: "no such area folder",
                            hint: "pass --data with a folder such as geodata/southampton", exitCode: .noInput)
        }
        let patches = try readFeatures(folder, "patches.geojson", required: true).enumerated().map { index, feature in
            try patch(feature, index: index, file: display(folder, "patches.geojson"))
        }
        let hotspots = try readFeatures(folder, "hotspots.geojson", required: false).enumerated().map { index, feature in
            try hotspot(feature, index: index, file: display(folder, "hotspots.geojson"))
        }
        let schools = try readFeatures(folder, "schools.geojson", required: false).enumerated().compactMap { index, feature in
            try school(feature, index: index, file: display(folder, "schools.geojson"))
        }
        let pairsURL = folder.appendingPathComponent("pairs.json")
        guard let pairBytes = FileManager.default.contents(atPath: pairsURL.path) else {
            throw AreaError(file: display(folder, "pairs.json"), message: "missing or unreadable",
                            hint: "each area needs a pairs.json; see docs/data-formats.md", exitCode: .noInput)
        }
        let pairs = try PairsFile.read(bytes: [UInt8](pairBytes), file: display(folder, "pairs.json"))
        return Area(folder: folder, name: folder.lastPathComponent, schools: schools, hotspots: hotspots,
                    patches: patches, pairs: pairs)
    }

    static func display(_ folder: URL, _ file: String) -> String {
        folder.appendingPathComponent(file).path
    }

    static func readFeatures(_ folder: URL, _ file: String, required: Bool) throws -> [Feature] {
        let url = folder.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else {
            if required {
                throw AreaError(file: url.path, message: "missing", hint: "see docs/data-formats.md for what it holds", exitCode: .noInput)
            }
            return []
        }
        do {
            return try GeoJSONReader.read(contentsOf: url).features
        } catch let error as GeoJSONError {
            let location = error.featureIndex.map { "feature \($0)" } ?? ""
            let unlocated = GeoJSONError(path: error.path, message: error.message)
            throw AreaError(file: url.path, location: location, message: unlocated.description)
        } catch {
            throw AreaError(file: url.path, message: "cannot read: \(error)")
        }
    }

    static func patch(_ feature: Feature, index: Int, file: String) throws -> Patch {
        let at = "feature \(index)"
        guard let id = feature["id"]?.stringValue, !id.isEmpty else {
            throw AreaError(file: file, location: at, message: "a patch needs a string \"id\" property")
        }
        guard let outline = feature.geometry, outline.typeName == "Polygon" || outline.typeName == "MultiPolygon" else {
            throw AreaError(file: file, location: at, message: "patch \(id) must be a Polygon or MultiPolygon")
        }
        let schools = feature["schools"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let overlap = feature["overlap_allowed"]?.arrayValue?.compactMap(\.stringValue) ?? []
        return Patch(id: id, name: feature["name"]?.stringValue ?? id, schools: schools, outline: outline, overlapAllowed: overlap)
    }

    static func hotspot(_ feature: Feature, index: Int, file: String) throws -> Hotspot {
        let at = "feature \(index)"
        guard case let .point(position)? = feature.geometry else {
            throw AreaError(file: file, location: at, message: "a hotspot must be a Point")
        }
        guard let name = feature["name"]?.stringValue, !name.isEmpty else {
            throw AreaError(file: file, location: at, message: "a hotspot needs a \"name\"")
        }
        let id = feature["id"]?.stringValue ?? slug(name)
        var dwell = 720
        if let minutes = feature["dwell_min"] {
            guard let value = minutes.doubleValue, value.isFinite, value >= 0, value <= 120 else {
                throw AreaError(file: file, location: at, message: "\"dwell_min\" must be a number of minutes from 0 to 120")
            }
            dwell = Int((value * 60).rounded())
        }
        return Hotspot(id: id, name: name, kind: feature["kind"]?.stringValue ?? "place",
                       patch: feature["patch"]?.stringValue, position: position, dwellSeconds: dwell,
                       weight: feature["weight"]?.doubleValue ?? 1)
    }

    static func school(_ feature: Feature, index: Int, file: String) throws -> School? {
        guard case let .point(position)? = feature.geometry else { return nil }
        guard let name = feature["name"]?.stringValue else {
            throw AreaError(file: file, location: "feature \(index)", message: "a school needs a \"name\"")
        }
        return School(name: name, phase: feature["phase"]?.stringValue ?? "", capacity: feature["capacity"]?.intValue, position: position)
    }

    public static func slug(_ text: String) -> String {
        var out = ""
        var lastDash = true
        for scalar in text.lowercased().unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar), scalar.isASCII {
                out.unicodeScalars.append(scalar)
                lastDash = false
            } else if !lastDash {
                out += "-"
                lastDash = true
            }
        }
        return out.hasSuffix("-") ? String(out.dropLast()) : out
    }
}
