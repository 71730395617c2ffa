import Geo

/// One street between junctions (or dead ends), drawn in its way's direction: a `streets.geojson` feature.
public struct OSMStreetSegment: Hashable, Sendable {
    public var wayID: Int64
    public var fromNode: Int64
    public var toNode: Int64
    public var attributes: StreetAttributes
    public var coordinates: [LonLat]
    /// Length in British National Grid metres, rounded to the centimetre.
    public var lengthMetres: Double

    public var scanOnly: Bool { attributes.use == .scanOnly }

    /// The feature with exactly the properties docs/data-formats.md lists.
    public var feature: Feature {
        var properties: [String: JSONValue] = [
            "osm_way_id": .number(Double(wayID)),
            "from_node": .number(Double(fromNode)),
            "to_node": .number(Double(toNode)),
            "name": .string(attributes.name),
            "highway": .string(attributes.highway),
            "oneway": .string(attributes.oneway),
            "length_m": .number(lengthMetres),
            "scan_only": .bool(scanOnly),
        ]
        if let speed = attributes.maxspeedKilometresPerHour {
            properties["maxspeed"] = .number(speed)
        }
        return Feature(geometry: .lineString(coordinates), properties: properties)
    }
}

/// A school or candidate hotspot, placed at a node or at an area's centroid.
public struct OSMPlace: Hashable, Sendable {
    public enum Source: String, Hashable, Sendable {
        case node, way, relation

        var order: Int {
            switch self {
            case .node: 0
            case .way: 1
            case .relation: 2
            }
        }
    }
    public var source: Source
    public var id: Int64
    public var position: LonLat
    public var tags: [String: String]

    /// "node/123", "way/456" or "relation/789", as in openstreetmap.org addresses (ids of different types may coincide).
    public var osmID: String { "\(source.rawValue)/\(id)" }

    public var name: String { tags["name"] ?? "" }

    /// The `places.geojson` kind, or nil when this is not a candidate hotspot.
    public var placeKind: String? { PlaceRules.kind(tags) }

    /// A `places.geojson` feature: `name`, `kind`, `osm_id`; nil when not a candidate hotspot.
    public var placeFeature: Feature? {
        guard let kind = placeKind else { return nil }
        return Feature(geometry: .point(position), properties: [
            "name": .string(name), "kind": .string(kind), "osm_id": .string(osmID),
        ])
    }

    /// A `schools.geojson` feature with the schema's columns; GIAS-only ones are null.
    public var schoolFeature: Feature {
        let capacity: JSONValue = tags["capacity"].flatMap { Int($0.trimmingWhitespace) }.map { .number(Double($0)) } ?? .null
        return Feature(geometry: .point(position), properties: [
            "name": .string(name),
            "phase": .string(PlaceRules.schoolPhase(tags)),
            "capacity": capacity,
            "type_group": .null,
            "source": "OSM",
            "osm_id": .string(osmID),
        ])
    }
}
