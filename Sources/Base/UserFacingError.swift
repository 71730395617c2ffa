/// An error a planner can act on: one line saying what is wrong and where, a hint saying what to do,
/// and a documented exit code (docs/errors.md). The CLI prints these and nothing else.
public protocol UserFacingError: Error, CustomStringConvertible {
    var hint: String? { get }
    var exitCode: ExitStatus { get }
}
