import Foundation
import Geo

/// A pair (a police officer and an education welfare officer) and its working day. Roles only: no names.
public struct Pair: Hashable, Sendable {
    public var id: String
    public var role: String
    public var baseName: String
    public var base: LonLat
    public var windowStartSeconds: Int
    public var windowEndSeconds: Int
    public var speedFactor: Double
    public var preferredPatches: [String]

    public init(id: String, role: String = "police officer + education welfare officer", baseName: String, base: LonLat,
                windowStartSeconds: Int = 36_000, windowEndSeconds: Int = 45_000, speedFactor: Double = 1,
                preferredPatches: [String] = []) {
        self.id = id
        self.role = role
        self.baseName = baseName
        self.base = base
        self.windowStartSeconds = windowStartSeconds
        self.windowEndSeconds = windowEndSeconds
        self.speedFactor = speedFactor
        self.preferredPatches = preferredPatches
    }

    public var windowSeconds: Int { windowEndSeconds - windowStartSeconds }
}

public enum PairsFile {
    static let hint = "each pair needs a unique id, a base with lon and lat, a window of HH:MM times and roles only, no names; see docs/data-formats.md"

    /// Reads `pairs.json`; every problem names the pair by index and the field.
    public static func read(bytes: [UInt8], file: String) throws -> [Pair] {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw AreaError(file: file, message: "not valid JSON: \(error)", hint: PairsFile.hint)
        }
        guard let list = json["pairs"]?.arrayValue else {
            throw AreaError(file: file, message: "expected an object with a \"pairs\" array", hint: PairsFile.hint)
        }
        var pairs: [Pair] = []
        var seen = Set<String>()
        for (index, item) in list.enumerated() {
            let at = "pair \(index)"
            func fail(_ message: String) -> AreaError { AreaError(file: file, location: at, message: message, hint: PairsFile.hint) }
            guard let object = item.objectValue else { throw fail("expected an object") }
            for key in object.keys where ["name", "officer", "officers", "names", "staff"].contains(key.lowercased()) {
                throw fail("field \"\(key)\" looks like a person's name; pairs.json holds roles only")
            }
            guard let id = object["id"]?.stringValue, !id.isEmpty else { throw fail("\"id\" must be a non-empty string") }
            guard seen.insert(id).inserted else { throw fail("id \"\(id)\" is used twice") }
            guard let base = object["base"]?.objectValue else { throw fail("\"base\" must be an object with lon and lat") }
            guard let lon = base["lon"]?.doubleValue, let lat = base["lat"]?.doubleValue,
                  lon.isFinite, lat.isFinite, (-180...180).contains(lon), (-90...90).contains(lat) else {
                throw fail("base needs numeric \"lon\" (-180..180) and \"lat\" (-90..90)")
            }
            var start = 36_000
            var end = 45_000
            if let window = object["window"] {
                guard let w = window.objectValue else { throw fail("\"window\" must be an object with start and end") }
                if let text = w["start"]?.stringValue {
                    guard let value = ClockTime.parse(text) else { throw fail("window start \"\(text)\" is not HH:MM") }
                    start = value
                }
                if let text = w["end"]?.stringValue {
                    guard let value = ClockTime.parse(text) else { throw fail("window end \"\(text)\" is not HH:MM") }
                    end = value
                }
            }
            guard end > start else { throw fail("window ends at or before it starts") }
            let factor = object["speed_factor"]?.doubleValue ?? 1
            guard factor.isFinite, factor > 0.1, factor <= 3 else { throw fail("\"speed_factor\" must be between 0.1 and 3") }
            let preferred = object["preferred_patches"]?.arrayValue?.compactMap(\.stringValue) ?? []
            pairs.append(Pair(
                id: id, role: object["role"]?.stringValue ?? "police officer + education welfare officer",
                baseName: base["name"]?.stringValue ?? "base", base: LonLat(lon: lon, lat: lat),
                windowStartSeconds: start, windowEndSeconds: end, speedFactor: factor, preferredPatches: preferred))
        }
        return pairs
    }
}
