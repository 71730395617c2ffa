import Foundation

/// A lon/lat box in WGS84 degrees, edges included.
public struct OSMBoundingBox: Hashable, Sendable, CustomStringConvertible {
    public var minLon: Double
    public var minLat: Double
    public var maxLon: Double
    public var maxLat: Double

    public init(minLon: Double, minLat: Double, maxLon: Double, maxLat: Double) {
        self.minLon = minLon
        self.minLat = minLat
        self.maxLon = maxLon
        self.maxLat = maxLat
    }

    /// Parses `minlon,minlat,maxlon,maxlat` (osmium's and Overpass's order), checking ranges and order.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 4 else {
            throw OSMError.invalidOption(name: "--bbox", message: "expected four numbers minlon,minlat,maxlon,maxlat, found \(parts.count) in \"\(text)\"")
        }
        var values: [Double] = []
        for part in parts {
            guard let value = Double(part), value.isFinite else {
                throw OSMError.invalidOption(name: "--bbox", message: "\"\(part)\" is not a number (expected minlon,minlat,maxlon,maxlat)")
            }
            values.append(value)
        }
        self.init(minLon: values[0], minLat: values[1], maxLon: values[2], maxLat: values[3])
        guard (-180...180).contains(minLon), (-180...180).contains(maxLon),
              (-90...90).contains(minLat), (-90...90).contains(maxLat) else {
            throw OSMError.invalidOption(name: "--bbox", message: "longitudes must lie within ±180 and latitudes within ±90 in \"\(text)\"")
        }
        guard minLon < maxLon, minLat < maxLat else {
            throw OSMError.invalidOption(name: "--bbox", message: "expected minlon < maxlon and minlat < maxlat in \"\(text)\"")
        }
    }

    public func contains(lon: Double, lat: Double) -> Bool {
        lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat
    }

    public var description: String { "\(minLon),\(minLat),\(maxLon),\(maxLat)" }
}
