/// A postman instance on a mixed street graph. Arcs are one-way streets; edges are two-way streets.
/// A required arc must be driven in its direction; a required edge once in either direction.
/// Any arc (forwards only) and any edge (either way) may be driven as deadhead.
public struct PostmanInstance: Sendable, Equatable {
    public struct Arc: Sendable, Equatable {
        public var from: Int
        public var to: Int
        public var cost: Double
        public var required: Bool

        public init(from: Int, to: Int, cost: Double, required: Bool) {
            self.from = from
            self.to = to
            self.cost = cost
            self.required = required
        }
    }

    public struct Edge: Sendable, Equatable {
        public var u: Int
        public var v: Int
        public var cost: Double
        public var required: Bool

        public init(_ u: Int, _ v: Int, cost: Double, required: Bool) {
            self.u = u
            self.v = v
            self.cost = cost
            self.required = required
        }
    }

    public var nodeCount: Int
    public var arcs: [Arc]
    public var edges: [Edge]
    /// The pair's base: the tour starts and ends here. Without it, at the first required element.
    public var depot: Int?

    public init(nodeCount: Int, arcs: [Arc] = [], edges: [Edge] = [], depot: Int? = nil) {
        self.nodeCount = nodeCount
        self.arcs = arcs
        self.edges = edges
        self.depot = depot
    }

    /// Tail and head of a traversal.
    public func endpoints(_ t: Traversal) -> (from: Int, to: Int) {
        switch t {
        case .arc(let i): return (arcs[i].from, arcs[i].to)
        case .edge(let i, let forward): return forward ? (edges[i].u, edges[i].v) : (edges[i].v, edges[i].u)
        }
    }

    public func cost(_ t: Traversal) -> Double {
        switch t {
        case .arc(let i): return arcs[i].cost
        case .edge(let i, _): return edges[i].cost
        }
    }

    func validate() throws {
        for (i, a) in arcs.enumerated() {
            for node in [a.from, a.to] where node < 0 || node >= nodeCount {
                throw SolverError.nodeOutOfRange(index: i, node: node, nodeCount: nodeCount)
            }
            if !a.cost.isFinite || a.cost < 0 { throw SolverError.invalidCost(index: i, value: a.cost) }
        }
        for (i, e) in edges.enumerated() {
            for node in [e.u, e.v] where node < 0 || node >= nodeCount {
                throw SolverError.nodeOutOfRange(index: arcs.count + i, node: node, nodeCount: nodeCount)
            }
            if !e.cost.isFinite || e.cost < 0 { throw SolverError.invalidCost(index: arcs.count + i, value: e.cost) }
        }
        if let depot, depot < 0 || depot >= nodeCount {
            throw SolverError.nodeOutOfRange(index: -1, node: depot, nodeCount: nodeCount)
        }
        if !arcs.contains(where: \.required) && !edges.contains(where: \.required) {
            throw SolverError.nothingRequired
        }
    }
}

/// A closed walk over a `PostmanInstance`, from `start` back to `start`.
public struct PostmanTour: Sendable, Equatable {
    public var start: Int
    public var traversals: [Traversal]
    /// True where the traversal is the one that services a required arc or edge (its first pass).
    public var services: [Bool]
    /// Sum of arc and edge costs along the walk, without turn penalties.
    public var cost: Double
    /// Sum of turn penalties along the walk (0 without a turn model).
    public var turnPenalty: Double
    /// Turn counts by kind (empty without a turn model).
    public var turnCounts: [TurnKind: Int]

    public init(start: Int, traversals: [Traversal], services: [Bool], cost: Double,
                turnPenalty: Double = 0, turnCounts: [TurnKind: Int] = [:]) {
        self.start = start
        self.traversals = traversals
        self.services = services
        self.cost = cost
        self.turnPenalty = turnPenalty
        self.turnCounts = turnCounts
    }
}

/// The kind of a turn from one traversal into the next, as the caller's geometry classifies it.
public enum TurnKind: String, Sendable, Hashable, CaseIterable {
    case straight
    case left
    case right
    case uTurn
}

/// Turn penalties supplied by the caller (the street layer knows the geometry).
public struct TurnModel {
    public var penalty: (Traversal, Traversal) -> Double
    public var kind: (Traversal, Traversal) -> TurnKind

    public init(penalty: @escaping (Traversal, Traversal) -> Double, kind: @escaping (Traversal, Traversal) -> TurnKind) {
        self.penalty = penalty
        self.kind = kind
    }
}
