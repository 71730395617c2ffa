import Foundation
import Geo

/// A named point stops can be located by or snapped to: a chosen hotspot or an OSM place.
public struct NamedPlace: Hashable, Sendable {
    public var id: String
    public var name: String
    public var kind: String
    public var patch: String
    public var dwellMinutes: Double
    public var position: LonLat
    public var grid: GridPoint
    /// True for `hotspots.geojson` entries; false for `places.geojson`.
    public var isHotspot: Bool

    public init(id: String, name: String, kind: String = "", patch: String = "", dwellMinutes: Double = 12,
                position: LonLat, grid: GridPoint, isHotspot: Bool) {
        self.id = id
        self.name = name
        self.kind = kind
        self.patch = patch
        self.dwellMinutes = dwellMinutes
        self.position = position
        self.grid = grid
        self.isHotspot = isHotspot
    }
}

/// The hotspots and places of an area, looked up by id or name without regard to case.
public struct Gazetteer: Sendable {
    public var hotspots: [NamedPlace]
    public var places: [NamedPlace]
    private var index: [String: NamedPlace] = [:]

    public init(hotspots: [NamedPlace], places: [NamedPlace] = []) {
        self.hotspots = hotspots
        self.places = places
        // Hotspots win over places of the same name: they are the planner's own choice.
        for place in places.reversed() { register(place) }
        for hotspot in hotspots.reversed() { register(hotspot) }
    }

    private mutating func register(_ place: NamedPlace) {
        index[Self.key(place.name)] = place
        if !place.id.isEmpty { index[Self.key(place.id)] = place }
    }

    static func key(_ text: String) -> String { text.trimmingSpaces.lowercased() }

    public func lookup(_ nameOrID: String) -> NamedPlace? { index[Self.key(nameOrID)] }

    /// Reads `hotspots.geojson` and `places.geojson` from an area folder; either may be missing.
    public static func load(dataDirectory: URL, projection: Projection) throws -> Gazetteer {
        let hotspots = try read(dataDirectory.appendingPathComponent("hotspots.geojson"), isHotspot: true, projection: projection)
        let places = try read(dataDirectory.appendingPathComponent("places.geojson"), isHotspot: false, projection: projection)
        return Gazetteer(hotspots: hotspots, places: places)
    }

    public static func read(_ url: URL, isHotspot: Bool, projection: Projection) throws -> [NamedPlace] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let object: GeoJSONObject
        do {
            object = try GeoJSONReader.read(contentsOf: url)
        } catch {
            throw HotspotsError.unreadableFile(path: url.path, message: "\(error)")
        }
        var out: [NamedPlace] = []
        for (index, feature) in object.features.enumerated() {
            guard case let .point(position)? = feature.geometry else { continue }
            let name = feature["name"]?.stringValue ?? ""
            var id = feature["id"]?.stringValue ?? ""
            if id.isEmpty, case let .string(text)? = feature.id { id = text }
            if id.isEmpty { id = slug(name.isEmpty ? "place-\(index + 1)" : name) }
            let grid: GridPoint
            do {
                grid = try projection.grid(position)
            } catch {
                throw HotspotsError.unreadableFile(path: url.path, message: "feature \(index): \(error)")
            }
            out.append(NamedPlace(id: id, name: name.isEmpty ? id : name, kind: feature["kind"]?.stringValue ?? "",
                                  patch: feature["patch"]?.stringValue ?? "",
                                  dwellMinutes: feature["dwell_min"]?.doubleValue ?? 12,
                                  position: position, grid: grid, isHotspot: isHotspot))
        }
        return out
    }

    public static func slug(_ text: String) -> String {
        var out = ""
        var lastWasDash = false
        for scalar in text.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                out.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if !lastWasDash, !out.isEmpty {
                out.append("-")
                lastWasDash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}
