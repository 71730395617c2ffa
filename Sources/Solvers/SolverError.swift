/// Errors from the solvers. Each case carries enough context to name the offending input.
public enum SolverError: Error, Equatable, CustomStringConvertible {
    /// A perfect matching needs an even number of vertices.
    case oddVertexCount(Int)
    /// No perfect matching exists over the given edges.
    case noPerfectMatching(vertexCount: Int, matched: Int)
    /// A cost is not a finite non-negative number.
    case invalidCost(index: Int, value: Double)
    /// An endpoint lies outside 0..<nodeCount.
    case nodeOutOfRange(index: Int, node: Int, nodeCount: Int)
    /// The graph is not Eulerian (a vertex has odd degree or in ≠ out), or it is disconnected.
    case notEulerian(vertex: Int, reason: String)
    /// Required arcs (by index into the instance's arcs) and required edges (by index into its edges)
    /// that cannot be reached from, or cannot return to, the depot or the rest of the required set.
    case unreachableRequired(arcs: [Int], edges: [Int])
    /// The instance has nothing to cover.
    case nothingRequired

    public var description: String {
        switch self {
        case .oddVertexCount(let n):
            return "perfect matching needs an even vertex count, got \(n)"
        case .noPerfectMatching(let n, let matched):
            return "no perfect matching on \(n) vertices (best matched \(matched))"
        case .invalidCost(let index, let value):
            return "cost #\(index) is \(value); expected a finite number ≥ 0"
        case .nodeOutOfRange(let index, let node, let count):
            return "element #\(index) names node \(node); expected 0..<\(count)"
        case .notEulerian(let vertex, let reason):
            return "not Eulerian at vertex \(vertex): \(reason)"
        case .unreachableRequired(let arcs, let edges):
            return "required elements unreachable from the rest: arcs \(arcs), edges \(edges)"
        case .nothingRequired:
            return "nothing is required: the instance has no required arc or edge"
        }
    }
}
