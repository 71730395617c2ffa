import Base

/// Why a map cannot be drawn or written; each case names the file or feature concerned.
public enum MapRenderError: UserFacingError, Hashable, Sendable {
    /// Nothing in the plan (nor in the other layers) has a position, so there is no extent to draw.
    case emptyMap
    case unknownPair(String, known: [String])
    case badFeature(layer: String, featureIndex: Int, message: String)
    case rasteriserMissing
    case rasteriserFailed(path: String, message: String)

    public var description: String {
        switch self {
        case .emptyMap:
            "the plan has no patches, routes or hotspots with positions: nothing to draw"
        case let .unknownPair(pair, known):
            "the plan has no route for pair '\(pair)'; it has \(known.isEmpty ? "none" : known.joined(separator: ", "))"
        case let .badFeature(layer, featureIndex, message):
            "\(layer): feature \(featureIndex): \(message)"
        case .rasteriserMissing:
            "cannot write the PNG: rsvg-convert is not installed (the SVG and HTML were written)"
        case let .rasteriserFailed(path, message):
            "\(path): rsvg-convert failed: \(message)"
        }
    }

    public var hint: String? {
        switch self {
        case .emptyMap: "check that plan.geojson comes from `patrol plan` and that it found routes"
        case .unknownPair: "give one of the pair ids listed, as in pairs.json"
        case .badFeature: "fix the feature named, or write the file again with the command that made it"
        case .rasteriserMissing: "install it with `apt-get install librsvg2-bin`, or open map.svg / map.html instead"
        case .rasteriserFailed: "open map.svg in a browser to see whether the SVG itself is at fault"
        }
    }

    public var exitCode: ExitStatus {
        switch self {
        case .emptyMap: .unavailable
        case .unknownPair: .usage
        case .badFeature: .dataError
        case .rasteriserMissing: .unavailable
        case .rasteriserFailed: .cannotCreate
        }
    }
}
