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
