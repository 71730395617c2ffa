import Base
import Testing
@testable import Solvers

@Suite struct SolverErrorTests {
    static let everyCase: [SolverError] = [
        .oddVertexCount(3), .noPerfectMatching(vertexCount: 4, matched: 2), .invalidCost(index: 1, value: -1),
        .nodeOutOfRange(index: 0, node: 9, nodeCount: 3), .notEulerian(vertex: 2, reason: "odd degree"),
        .unreachableRequired(arcs: [0], edges: [3]), .nothingRequired,
    ]

    /// What the CLI's error reporting sees: a UserFacingError, so one line, a hint and a documented code
    /// (docs/errors.md) rather than a generic failure.
    @Test(arguments: everyCase)
    func aSolverErrorReachingThePlannerHasADocumentedExitCodeAndAHint(error: SolverError) throws {
        let thrown: any Error = error
        let userFacing = try #require(thrown as? any UserFacingError)
        #expect(userFacing.description == error.description)
        #expect(userFacing.hint?.isEmpty == false)
        if case .unreachableRequired = error {
            #expect(userFacing.exitCode == .unavailable)
            #expect(userFacing.exitCode.rawValue == 69)
        } else {
            #expect(userFacing.exitCode == .software)
            #expect(userFacing.exitCode.rawValue == 70)
        }
    }
}
