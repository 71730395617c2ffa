/// A GeoJSON problem, located as precisely as we can: the feature index and the JSON path inside it.
public struct GeoJSONError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Index of the feature in its collection, when the problem is inside one.
    public var featureIndex: Int?
    /// Where inside the object, e.g. `geometry.coordinates[0][3]`.
    public var path: String
    public var message: String

    public init(featureIndex: Int? = nil, path: String = "", message: String) {
        self.featureIndex = featureIndex
        self.path = path
        self.message = message
    }

    /// `feature 3: geometry.coordinates[0]: ring is not closed`
    public var description: String {
        var parts: [String] = []
        if let featureIndex { parts.append("feature \(featureIndex)") }
        if !path.isEmpty { parts.append(path) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}
