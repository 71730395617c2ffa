/// What went wrong inside PROJ, with PROJ's own words.
public enum ProjectionError: Error, Equatable, CustomStringConvertible {
    case contextCreationFailed
    case crsNotFound(source: String, target: String, message: String)
    case transformFailed(input: String, message: String)

    public var description: String {
        switch self {
        case .contextCreationFailed:
            return "PROJ: could not create a context"
        case let .crsNotFound(source, target, message):
            return "PROJ: no transformation from \(source) to \(target): \(message)"
        case let .transformFailed(input, message):
            return "PROJ: cannot transform \(input): \(message)"
        }
    }
}
