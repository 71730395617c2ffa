/// A WGS84 position, longitude first, in decimal degrees (EPSG:4326 in lon/lat order).
public struct LonLat: Hashable, Sendable, Codable, CustomStringConvertible {
    public var lon: Double
    public var lat: Double

    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }

    public var isFinite: Bool { lon.isFinite && lat.isFinite }

    public var description: String { "(\(lon), \(lat))" }
}

/// A British National Grid position (EPSG:27700), in metres.
public struct GridPoint: Hashable, Sendable, Codable, CustomStringConvertible {
    public var easting: Double
    public var northing: Double

    public init(easting: Double, northing: Double) {
        self.easting = easting
        self.northing = northing
    }

    public var isFinite: Bool { easting.isFinite && northing.isFinite }

    public func distanceMetres(to other: GridPoint) -> Double {
        let dx = easting - other.easting
        let dy = northing - other.northing
        return (dx * dx + dy * dy).squareRoot()
    }

    public var description: String { "E \(easting) N \(northing)" }
}
