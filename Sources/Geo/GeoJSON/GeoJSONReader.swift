import Foundation

/// Reads RFC 7946 GeoJSON, lenient where the RFC allows (any winding, extra members, altitude,
/// a legacy `crs` member) and strict where a wrong value would mislead a route.
public enum GeoJSONReader {
    public static func read(contentsOf url: URL) throws -> GeoJSONObject {
        let data = try Data(contentsOf: url)
        return try read(bytes: [UInt8](data))
    }

    public static func read(_ text: String) throws -> GeoJSONObject {
        try read(bytes: Array(text.utf8))
    }

    public static func read(bytes: [UInt8]) throws -> GeoJSONObject {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch let syntax as JSONSyntaxError {
            throw GeoJSONError(message: "not valid JSON: \(syntax)")
        }
        return try object(json)
    }

    public static func object(_ json: JSONValue) throws -> GeoJSONObject {
        guard let members = json.objectValue else {
            throw GeoJSONError(message: "expected a JSON object at the top level")
        }
        let type = try typeName(members, path: "", feature: nil)
        switch type {
        case "FeatureCollection":
            guard let list = members["features"] else {
                throw GeoJSONError(path: "features", message: "a FeatureCollection needs a \"features\" array")
            }
            guard let items = list.arrayValue else {
                throw GeoJSONError(path: "features", message: "expected an array of features")
            }
            var features: [Feature] = []
            features.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                features.append(try feature(item, index: index))
            }
            var foreign = members
            for key in ["type", "features", "bbox", "crs"] { foreign[key] = nil }
            return .featureCollection(FeatureCollection(features: features, foreignMembers: foreign))
        case "Feature":
            return .feature(try feature(json, index: nil))
        default:
            return .geometry(try geometry(json, path: "", feature: nil))
        }
    }

    static func typeName(_ members: [String: JSONValue], path: String, feature: Int?) throws -> String {
        guard let value = members["type"] else {
            throw GeoJSONError(featureIndex: feature, path: path, message: "missing \"type\" member")
        }
        guard let name = value.stringValue else {
            throw GeoJSONError(featureIndex: feature, path: path, message: "\"type\" must be a string")
        }
        return name
    }

    static func feature(_ json: JSONValue, index: Int?) throws -> Feature {
        guard let members = json.objectValue else {
            throw GeoJSONError(featureIndex: index, message: "expected a Feature object")
        }
        let type = try typeName(members, path: "", feature: index)
        guard type == "Feature" else {
            throw GeoJSONError(featureIndex: index, path: "type", message: "expected \"Feature\", found \"\(type)\"")
        }
        var id: FeatureID?
        switch members["id"] {
        case nil, .null?: id = nil
        case let .string(text)?: id = .string(text)
        case let .number(number)? where number.isFinite: id = .number(number)
        default:
            throw GeoJSONError(featureIndex: index, path: "id", message: "an id must be a string or a number")
        }
        guard let geometryJSON = members["geometry"] else {
            throw GeoJSONError(featureIndex: index, path: "geometry", message: "missing \"geometry\" member (use null for none)")
        }
        let shape: GeoJSONGeometry? = geometryJSON == .null
            ? nil : try geometry(geometryJSON, path: "geometry", feature: index)
        var properties: [String: JSONValue] = [:]
        switch members["properties"] {
        case nil, .null?: break
        case let .object(values)?: properties = values
        default:
            throw GeoJSONError(featureIndex: index, path: "properties", message: "properties must be an object or null")
        }
        return Feature(id: id, geometry: shape, properties: properties)
    }

    static func geometry(_ json: JSONValue, path: String, feature: Int?) throws -> GeoJSONGeometry {
        guard let members = json.objectValue else {
            throw GeoJSONError(featureIndex: feature, path: path, message: "expected a geometry object")
        }
        let type = try typeName(members, path: path, feature: feature)
        let at = path.isEmpty ? "coordinates" : path + ".coordinates"
        func coordinates() throws -> JSONValue {
            guard let value = members["coordinates"], value != .null else {
                throw GeoJSONError(featureIndex: feature, path: at, message: "a \(type) needs \"coordinates\"")
            }
            return value
        }
        let reader = PositionReader(feature: feature)
        switch type {
        case "Point":
            return .point(try reader.position(coordinates(), at))
        case "MultiPoint":
            return .multiPoint(try reader.positions(coordinates(), at, minimum: 0))
        case "LineString":
            return .lineString(try reader.positions(coordinates(), at, minimum: 2))
        case "MultiLineString":
            return .multiLineString(try reader.list(coordinates(), at) { try reader.positions($0, $1, minimum: 2) })
        case "Polygon":
            return .polygon(try reader.rings(coordinates(), at))
        case "MultiPolygon":
            return .multiPolygon(try reader.list(coordinates(), at) { try reader.rings($0, $1) })
        case "GeometryCollection":
            let membersPath = path.isEmpty ? "geometries" : path + ".geometries"
            guard let list = members["geometries"]?.arrayValue else {
                throw GeoJSONError(featureIndex: feature, path: membersPath, message: "a GeometryCollection needs a \"geometries\" array")
            }
            return .geometryCollection(try list.enumerated().map { index, item in
                try geometry(item, path: "\(membersPath)[\(index)]", feature: feature)
            })
        default:
            throw GeoJSONError(featureIndex: feature, path: path.isEmpty ? "type" : path + ".type",
                               message: "unknown geometry type \"\(type)\"; expected Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or GeometryCollection")
        }
    }
}

/// Reads positions, naming the exact array index of anything wrong.
struct PositionReader {
    let feature: Int?

    func fail(_ path: String, _ message: String) -> GeoJSONError {
        GeoJSONError(featureIndex: feature, path: path, message: message)
    }

    func position(_ json: JSONValue, _ path: String) throws -> LonLat {
        guard let items = json.arrayValue else { throw fail(path, "expected a position [lon, lat]") }
        guard items.count >= 2 else { throw fail(path, "a position needs at least two numbers, lon and lat") }
        guard let lon = items[0].doubleValue, let lat = items[1].doubleValue else {
            throw fail(path, "a position must hold numbers")
        }
        guard lon.isFinite, lat.isFinite else { throw fail(path, "coordinate is not a finite number") }
        guard (-180...180).contains(lon) else { throw fail(path, "longitude \(lon) is outside -180..180") }
        guard (-90...90).contains(lat) else { throw fail(path, "latitude \(lat) is outside -90..90") }
        return LonLat(lon: lon, lat: lat)
    }

    func positions(_ json: JSONValue, _ path: String, minimum: Int) throws -> [LonLat] {
        guard let items = json.arrayValue else { throw fail(path, "expected an array of positions") }
        guard items.count >= minimum else { throw fail(path, "needs at least \(minimum) positions, found \(items.count)") }
        return try items.enumerated().map { try position($1, "\(path)[\($0)]") }
    }

    func rings(_ json: JSONValue, _ path: String) throws -> [[LonLat]] {
        try list(json, path) { ringJSON, ringPath in
            let ring = try positions(ringJSON, ringPath, minimum: 4)
            guard ring.first == ring.last else {
                throw fail(ringPath, "ring is not closed: its first and last positions differ")
            }
            return ring
        }
    }

    func list<T>(_ json: JSONValue, _ path: String, _ item: (JSONValue, String) throws -> T) throws -> [T] {
        guard let items = json.arrayValue else { throw fail(path, "expected an array") }
        return try items.enumerated().map { try item($1, "\(path)[\($0)]") }
    }
}
