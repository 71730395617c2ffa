import Base

/// A solver error that reaches the planner. Planner hands the solvers only what it has already checked
/// (required streets in the start's strongly connected component, costs from validated streets), so
/// every case but one is a bug in patrol. The exception: required elements with no way there and back,
/// which the data can cause when one-way tagging or a missing link closes the way.
extension SolverError: UserFacingError {
    public var hint: String? {
        switch self {
        case .unreachableRequired:
            "some streets to sweep cannot be driven to and back from the start: check one-way tags and missing links near them, or import a larger area"
        case .oddVertexCount, .noPerfectMatching, .invalidCost, .nodeOutOfRange, .notEulerian, .nothingRequired:
            "this is a bug in patrol, not in the data: please report it with the command and the area folder (run `patrol validate` on the area first)"
        }
    }

    public var exitCode: ExitStatus {
        switch self {
        case .unreachableRequired: .unavailable
        case .oddVertexCount, .noPerfectMatching, .invalidCost, .nodeOutOfRange, .notEulerian, .nothingRequired: .software
        }
    }
}
