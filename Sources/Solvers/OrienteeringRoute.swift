/// A start→end path chosen by an orienteering solver.
///
/// `nodes` runs from the start to the end (the start is repeated at the end when they are the
/// same node). `cost` is the travel along `nodes` plus the service time of every distinct node
/// on it; `prize` is the sum of the prizes of those distinct nodes.
public struct OrienteeringRoute: Sendable, Equatable {
    public var nodes: [Int]
    public var prize: Double
    public var cost: Double

    public init(nodes: [Int], prize: Double, cost: Double) {
        self.nodes = nodes
        self.prize = prize
        self.cost = cost
    }
}

public enum OrienteeringError: Error, Equatable, CustomStringConvertible {
    case emptyMatrix
    case notSquare(row: Int, count: Int, expected: Int)
    case invalidCost(from: Int, to: Int, value: Double)
    case wrongLength(field: String, count: Int, expected: Int)
    case invalidValue(field: String, node: Int, value: Double)
    case endpointOutOfRange(node: Int, nodeCount: Int)
    case invalidBudget(Double)
    /// Even the direct start→end path (with the endpoints' service) exceeds the budget.
    case budgetTooSmall(directCost: Double, budget: Double)
    case tooLargeForExact(candidates: Int, limit: Int)

    public var description: String {
        switch self {
        case .emptyMatrix:
            return "cost matrix is empty: expected at least one node"
        case let .notSquare(row, count, expected):
            return "cost matrix row \(row) has \(count) entries, expected \(expected)"
        case let .invalidCost(from, to, value):
            return "cost from \(from) to \(to) is \(value), expected a number ≥ 0 or +infinity for no connection"
        case let .wrongLength(field, count, expected):
            return "\(field) has \(count) entries, expected \(expected) (one per node)"
        case let .invalidValue(field, node, value):
            return "\(field) of node \(node) is \(value), expected a finite number ≥ 0"
        case let .endpointOutOfRange(node, nodeCount):
            return "path endpoint \(node) is out of range, expected 0..<\(nodeCount)"
        case let .invalidBudget(budget):
            return "budget is \(budget), expected a finite number ≥ 0"
        case let .budgetTooSmall(directCost, budget):
            return "the direct path from start to end costs \(directCost), more than the budget \(budget)"
        case let .tooLargeForExact(candidates, limit):
            return "\(candidates) nodes with a prize is too many for the exact solver, which takes at most \(limit)"
        }
    }
}
