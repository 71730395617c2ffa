/// Writes RFC 7946 GeoJSON: lon/lat, no `crs`, exterior rings counter-clockwise and holes
/// clockwise, at most 7 decimals (about 1 cm), and the same bytes for the same input.
public enum GeoJSONWriter {
    public static let coordinateDecimals = 7

    public static func string(_ object: GeoJSONObject, pretty: Bool = true) -> String {
        var writer = JSONWriter(pretty: pretty)
        switch object {
        case let .geometry(geometry): write(geometry, into: &writer)
        case let .feature(feature): write(feature, into: &writer)
        case let .featureCollection(collection): write(collection, into: &writer)
        }
        writer.newline()
        return writer.text
    }

    public static func string(_ collection: FeatureCollection, pretty: Bool = true) -> String {
        string(.featureCollection(collection), pretty: pretty)
    }

    /// One feature per line when pretty, so diffs and `grep` stay readable on large files.
    static func write(_ collection: FeatureCollection, into writer: inout JSONWriter) {
        writer.raw("{\"type\":\"FeatureCollection\"")
        for key in collection.foreignMembers.keys.sorted() where !["type", "features", "crs"].contains(key) {
            writer.raw(",")
            writer.string(key)
            writer.raw(":")
            writer.value(collection.foreignMembers[key]!)
        }
        writer.raw(",\"features\":[")
        for (index, feature) in collection.features.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.newline()
            write(feature, into: &writer)
        }
        writer.newline()
        writer.raw("]}")
    }

    static func write(_ feature: Feature, into writer: inout JSONWriter) {
        writer.raw("{\"type\":\"Feature\"")
        switch feature.id {
        case let .string(text)?:
            writer.raw(",\"id\":")
            writer.string(text)
        case let .number(number)?:
            writer.raw(",\"id\":")
            writer.number(number)
        case nil: break
        }
        writer.raw(",\"properties\":")
        writer.value(.object(feature.properties))
        writer.raw(",\"geometry\":")
        if let geometry = feature.geometry {
            write(geometry, into: &writer)
        } else {
            writer.raw("null")
        }
        writer.raw("}")
    }

    static func write(_ geometry: GeoJSONGeometry, into writer: inout JSONWriter) {
        let wound = geometry.withRFC7946Winding
        writer.raw("{\"type\":\"\(wound.typeName)\",")
        switch wound {
        case let .point(p):
            writer.raw("\"coordinates\":")
            position(p, &writer)
        case let .multiPoint(ps), let .lineString(ps):
            writer.raw("\"coordinates\":")
            positions(ps, &writer)
        case let .multiLineString(lines), let .polygon(lines):
            writer.raw("\"coordinates\":")
            nested(lines, &writer) { positions($0, &$1) }
        case let .multiPolygon(polygons):
            writer.raw("\"coordinates\":")
            nested(polygons, &writer) { rings, w in nested(rings, &w) { positions($0, &$1) } }
        case let .geometryCollection(members):
            writer.raw("\"geometries\":")
            nested(members, &writer) { write($0, into: &$1) }
        }
        writer.raw("}")
    }

    static func position(_ p: LonLat, _ writer: inout JSONWriter) {
        writer.raw("[")
        writer.number(p.lon, decimals: coordinateDecimals)
        writer.raw(",")
        writer.number(p.lat, decimals: coordinateDecimals)
        writer.raw("]")
    }

    static func positions(_ ps: [LonLat], _ writer: inout JSONWriter) {
        nested(ps, &writer) { position($0, &$1) }
    }

    static func nested<T>(_ items: [T], _ writer: inout JSONWriter, _ body: (T, inout JSONWriter) -> Void) {
        writer.raw("[")
        for (index, item) in items.enumerated() {
            if index > 0 { writer.raw(",") }
            body(item, &writer)
        }
        writer.raw("]")
    }
}
