import Base

/// What went wrong with a geometry, with GEOS's own message where GEOS said something.
public enum GeometryError: Error, Equatable, CustomStringConvertible {
    case contextCreationFailed
    /// A GEOS call failed; `message` is what GEOS reported through the context's handlers.
    case operationFailed(operation: String, message: String)
    /// Coordinates cannot make the requested geometry; `path` names the part (e.g. "polygon ring 1").
    case invalidCoordinates(path: String, reason: String)
    /// WKT text GEOS could not read.
    case wktParseFailed(text: String, message: String)
    /// The geometry is of a kind this operation cannot use.
    case unexpectedType(operation: String, expected: String, found: String)
    /// Two geometries from different `GEOSContext`s were mixed in one call.
    case contextMismatch(operation: String)

    public var description: String {
        switch self {
        case .contextCreationFailed:
            return "GEOS: could not create a context"
        case let .operationFailed(operation, message):
            return "GEOS: \(operation) failed: \(message)"
        case let .invalidCoordinates(path, reason):
            return "GEOS: bad coordinates in \(path): \(reason)"
        case let .wktParseFailed(text, message):
            return "GEOS: cannot read WKT \"\(text)\": \(message)"
        case let .unexpectedType(operation, expected, found):
            return "GEOS: \(operation) needs \(expected), got \(found)"
        case let .contextMismatch(operation):
            return "GEOS: \(operation) mixes geometries from different contexts; make them in one GEOSContext"
        }
    }
}

extension GeometryError: UserFacingError {
    public var hint: String? {
        switch self {
        case .contextCreationFailed:
            return "check that GEOS is installed (apt-get install libgeos-dev)"
        case .operationFailed:
            return "the geometry may be invalid: run `patrol validate` on the data and repair what it names"
        case .invalidCoordinates, .wktParseFailed, .unexpectedType:
            return "fix the geometry named; rings must be closed and coordinates finite"
        case .contextMismatch:
            return nil
        }
    }

    public var exitCode: ExitStatus {
        switch self {
        case .contextCreationFailed, .contextMismatch: return .software
        case .operationFailed, .invalidCoordinates, .wktParseFailed, .unexpectedType: return .dataError
        }
    }
}
