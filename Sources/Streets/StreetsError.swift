import Geo

/// What went wrong building or loading a street network, with the file and feature it concerns.
public enum StreetsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A feature's property is missing or has the wrong type or value.
    case badProperty(file: String, featureIndex: Int, property: String, expected: String, found: String)
    /// A feature's geometry is not a usable LineString.
    case badGeometry(file: String, featureIndex: Int, message: String)
    /// The file is not valid GeoJSON.
    case geoJSON(file: String, message: String)
    /// The file cannot be read.
    case unreadable(file: String, message: String)
    /// A speed profile file is wrong.
    case profile(file: String, message: String)
    /// A segment given as plain values is wrong (index into the input array).
    case badSegment(index: Int, message: String)

    public var description: String {
        switch self {
        case let .badProperty(file, index, property, expected, found):
            "\(file): feature \(index): property \"\(property)\": expected \(expected), found \(found)"
        case let .badGeometry(file, index, message):
            "\(file): feature \(index): geometry: \(message)"
        case let .geoJSON(file, message):
            "\(file): \(message)"
        case let .unreadable(file, message):
            "\(file): \(message)"
        case let .profile(file, message):
            "\(file): \(message)"
        case let .badSegment(index, message):
            "segment \(index): \(message)"
        }
    }
}
