import Foundation
import Geo

/// Reads `streets.geojson` (docs/data-formats.md): a FeatureCollection of LineStrings in WGS84 with
/// `osm_way_id`, `from_node`, `to_node`, `name`, `highway`, `oneway`, optional `maxspeed`, `length_m`
/// and `scan_only`. Every vertex is projected to BNG exactly once.
public enum StreetsFile {
    /// The segments of a file, in feature order, projected to BNG.
    public static func readSegments(contentsOf url: URL) throws -> [StreetSegment] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw StreetsError.unreadable(file: url.path, message: "cannot read the file: \(error.localizedDescription)")
        }
        return try readSegments(bytes: [UInt8](data), file: url.lastPathComponent)
    }

    /// `file` names the source in error messages.
    public static func readSegments(bytes: [UInt8], file: String = "streets.geojson") throws -> [StreetSegment] {
        let object: GeoJSONObject
        do {
            object = try GeoJSONReader.read(bytes: bytes)
        } catch let error as GeoJSONError {
            throw StreetsError.geoJSON(file: file, message: error.description)
        }
        guard case let .featureCollection(collection) = object else {
            throw StreetsError.geoJSON(file: file, message: "expected a FeatureCollection of LineStrings")
        }
        let projection: Projection
        do {
            projection = try Projection.bng()
        } catch {
            throw StreetsError.geoJSON(file: file, message: "cannot set up the BNG projection: \(error)")
        }
        var segments: [StreetSegment] = []
        segments.reserveCapacity(collection.features.count)
        for (index, feature) in collection.features.enumerated() {
            segments.append(try segment(feature, index: index, file: file, projection: projection))
        }
        return segments
    }

    static func segment(_ feature: Feature, index: Int, file: String, projection: Projection) throws -> StreetSegment {
        let reader = PropertyReader(feature: feature, index: index, file: file)
        guard case let .lineString(positions)? = feature.geometry else {
            let found = feature.geometry.map { "a \($0.typeName)" } ?? "no geometry"
            throw StreetsError.badGeometry(file: file, featureIndex: index, message: "expected a LineString, found \(found)")
        }
        var geometry: [GridPoint] = []
        geometry.reserveCapacity(positions.count)
        for (position, lonLat) in positions.enumerated() {
            do {
                geometry.append(try projection.grid(lonLat))
            } catch {
                throw StreetsError.badGeometry(file: file, featureIndex: index,
                                               message: "coordinates[\(position)] cannot be projected to BNG: \(error)")
            }
        }
        let onewayText = try reader.string("oneway")
        guard let oneway = Oneway(rawValue: onewayText) else {
            throw StreetsError.badProperty(file: file, featureIndex: index, property: "oneway",
                                           expected: "\"yes\", \"no\" or \"-1\"", found: "\"\(onewayText)\"")
        }
        let maxspeed = try reader.optionalPositiveNumber("maxspeed")
        let length = try reader.number("length_m")
        guard length >= 0 else {
            throw StreetsError.badProperty(file: file, featureIndex: index, property: "length_m",
                                           expected: "a non-negative number of metres", found: "\(length)")
        }
        return StreetSegment(osmWayID: try reader.integer("osm_way_id"), fromNode: try reader.integer("from_node"),
                             toNode: try reader.integer("to_node"), name: try reader.name(),
                             highway: try reader.string("highway"), oneway: oneway, maxspeedKmPerHour: maxspeed,
                             lengthMetres: length, scanOnly: try reader.bool("scan_only"), geometry: geometry,
                             featureIndex: index)
    }
}

extension StreetNetwork {
    /// Loads `streets.geojson` into a network.
    public static func load(contentsOf url: URL, profile: SpeedProfile = .ukUrban) throws -> StreetNetwork {
        try StreetNetwork(segments: StreetsFile.readSegments(contentsOf: url), profile: profile)
    }
}

/// Typed property access that names the feature, the property and what was expected.
struct PropertyReader {
    let feature: Feature
    let index: Int
    let file: String

    func fail(_ property: String, _ expected: String, _ value: JSONValue?) -> StreetsError {
        .badProperty(file: file, featureIndex: index, property: property, expected: expected, found: Self.describe(value))
    }

    static func describe(_ value: JSONValue?) -> String {
        switch value {
        case nil: "nothing (the property is missing)"
        case .null?: "null"
        case let .bool(flag)?: "\(flag)"
        case let .number(number)?: "\(number)"
        case let .string(text)?: "\"\(text)\""
        case .array?: "an array"
        case .object?: "an object"
        }
    }

    func string(_ property: String) throws -> String {
        guard let text = feature[property]?.stringValue else { throw fail(property, "a string", feature[property]) }
        return text
    }

    /// `name` is `""` when unknown; a missing or null name is read as unknown too.
    func name() throws -> String {
        switch feature["name"] {
        case nil, .null?: return ""
        case let .string(text)?: return text
        case let other: throw fail("name", "a string", other)
        }
    }

    func integer(_ property: String) throws -> Int64 {
        guard let value = feature[property]?.intValue else { throw fail(property, "an integer", feature[property]) }
        return Int64(value)
    }

    func number(_ property: String) throws -> Double {
        guard let value = feature[property]?.doubleValue, value.isFinite else {
            throw fail(property, "a number", feature[property])
        }
        return value
    }

    func optionalPositiveNumber(_ property: String) throws -> Double? {
        switch feature[property] {
        case nil, .null?: return nil
        case let .number(value)? where value.isFinite && value > 0: return value
        case let other: throw fail(property, "a positive number of km/h or no value", other)
        }
    }

    func bool(_ property: String) throws -> Bool {
        guard let flag = feature[property]?.boolValue else { throw fail(property, "true or false", feature[property]) }
        return flag
    }
}
