/// An error a planner can act on: one line saying what is wrong and where, a hint saying what to do,
/// and a documented exit code (docs/errors.md). The CLI prints these and nothing else.
public protocol UserFacingError: Error, CustomStringConvertible {
    var hint: String? { get }
    var exitCode: ExitStatus { get }
}

/// Exit codes follow BSD sysexits, so scripts can tell a bad file from a missing one.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Validation found errors in the data (`patrol validate`).
    case problemsFound = 1
    /// The command line was wrong.
    case usage = 64
    /// An input file is malformed: the message names the file and the line or feature.
    case dataError = 65
    /// An input file or folder is missing or unreadable.
    case noInput = 66
    /// The data are readable but the plan cannot be made (unreachable places, a window too short).
    case unavailable = 69
    /// A bug in patrol itself.
    case software = 70
    /// An output file cannot be written.
    case cannotCreate = 73
    /// The stop store is newer than this program, or not a patrol store.
    case incompatibleStore = 76
    /// A configuration file (speed profile, reason weights) is wrong.
    case configuration = 78
}

extension GeoJSONError: UserFacingError {
    public var hint: String? { "fix the feature named, or re-export the file from QGIS as GeoJSON (EPSG:4326)" }
    public var exitCode: ExitStatus { .dataError }
}

extension ProjectionError: UserFacingError {
    public var hint: String? {
        switch self {
        case .contextCreationFailed, .crsNotFound: "check that Debian's proj-data is installed (apt-get install proj-data)"
        case .transformFailed: "check the coordinates: lon/lat in degrees, WGS84, longitude first"
        }
    }
    public var exitCode: ExitStatus {
        switch self {
        case .contextCreationFailed, .crsNotFound: .software
        case .transformFailed: .dataError
        }
    }
}

extension AtomicFile.WriteError: UserFacingError {
    public var hint: String? { "check that the output folder exists and is writable, and that the disk is not full" }
    public var exitCode: ExitStatus { .cannotCreate }
}
