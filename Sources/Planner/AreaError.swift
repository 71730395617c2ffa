import Base

/// A problem with an area's data files, located by file and item.
public struct AreaError: UserFacingError, Hashable, Sendable {
    public var file: String
    /// `feature 3`, `pair 2`, or empty for the whole file.
    public var location: String
    public var message: String
    public var hint: String?
    public var exitCode: ExitStatus

    public init(file: String, location: String = "", message: String, hint: String? = nil, exitCode: ExitStatus = .dataError) {
        self.file = file
        self.location = location
        self.message = message
        self.hint = hint
        self.exitCode = exitCode
    }

    public var description: String {
        var text = file
        if !location.isEmpty { text += ":" + location }
        return text + ": " + message
    }
}
