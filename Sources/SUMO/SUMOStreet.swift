import Geo

/// One undirected street segment between two junctions: a `streets.geojson` feature.
/// A two-way street stands for two directed SUMO edges, a one-way street for one,
/// drawn in its driving direction.
public struct SUMOStreet: Hashable, Sendable {
    public static let inferredNameSource = "police.uk map points"

    public var osmWayID: Int64
    /// The SUMO edges this street stands for: the drawn one first, then its reverse if any.
    public var edgeIDs: [String]
    public var fromJunction: String
    public var toJunction: String
    public var fromNode: Int64
    public var toNode: Int64
    public var highway: String
    public var isOneWay: Bool
    /// Only where the lane speed differs from the edge type's default, i.e. where OSM had a maxspeed tag.
    public var maxspeedKilometresPerHour: Double?
    /// In British National Grid metres, rounded to the centimetre.
    public var lengthMetres: Double
    public var grid: [GridPoint]
    public var coordinates: [LonLat]
    public var name: String = ""
    /// nil when the name is empty; `inferredNameSource` when the name was inferred.
    public var nameSource: String?

    /// The feature with the properties docs/data-formats.md lists for streets.geojson.
    public var feature: Feature {
        var properties: [String: JSONValue] = [
            "osm_way_id": .number(Double(osmWayID)),
            "from_node": .number(Double(fromNode)),
            "to_node": .number(Double(toNode)),
            "name": .string(name),
            "highway": .string(highway),
            "oneway": .string(isOneWay ? "yes" : "no"),
            "length_m": .number(lengthMetres),
            // A SUMO network made with keep-edges.by-vclass=private holds only roads a car may drive.
            "scan_only": .bool(false),
        ]
        if let nameSource { properties["name_source"] = .string(nameSource) }
        if let speed = maxspeedKilometresPerHour { properties["maxspeed"] = .number(speed) }
        return Feature(geometry: .lineString(coordinates), properties: properties)
    }
}
