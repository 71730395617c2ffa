/// A tour or open path returned by `TSPSolver`: the visiting order and its cost over the input matrix.
///
/// A closed tour lists every node once, starting at node 0, and its cost includes the edge back from
/// the last node to the first. An open path starts at its start node and ends at its end node.
public struct TSPTour: Sendable, Equatable {
    public var nodes: [Int]
    public var cost: Double

    public init(nodes: [Int], cost: Double) {
        self.nodes = nodes
        self.cost = cost
    }
}

/// How the first tour is built before local search.
public enum TSPConstruction: Sendable, CaseIterable {
    case nearestNeighbour
    /// Shortest edges first, keeping degrees at most two and no early cycle; the best start for 2-opt.
    case greedyEdge
    case cheapestInsertion
}

/// Search settings. Every budget is an iteration count, never wall-clock, so a seed always gives
/// the same tour.
public struct TSPOptions: Sendable {
    public var construction: TSPConstruction
    /// Perturbation rounds of the iterated local search; `nil` scales with the instance size.
    public var kicks: Int?
    /// Candidate neighbours per node for the symmetric search.
    public var neighbourCount: Int
    public var seed: UInt64

    public init(
        construction: TSPConstruction = .greedyEdge,
        kicks: Int? = nil,
        neighbourCount: Int = 10,
        seed: UInt64 = 0
    ) {
        self.construction = construction
        self.kicks = kicks
        self.neighbourCount = neighbourCount
        self.seed = seed
    }
}

public enum TSPError: Error, Equatable, CustomStringConvertible {
    case emptyMatrix
    case notSquare(row: Int, count: Int, expected: Int)
    case invalidCost(from: Int, to: Int, value: Double)
    case endpointOutOfRange(node: Int, nodeCount: Int)

    public var description: String {
        switch self {
        case .emptyMatrix:
            return "cost matrix is empty: expected at least one node"
        case let .notSquare(row, count, expected):
            return "cost matrix row \(row) has \(count) entries, expected \(expected)"
        case let .invalidCost(from, to, value):
            return "cost from \(from) to \(to) is \(value), expected a finite number"
        case let .endpointOutOfRange(node, nodeCount):
            return "path endpoint \(node) is out of range, expected 0..<\(nodeCount)"
        }
    }
}
