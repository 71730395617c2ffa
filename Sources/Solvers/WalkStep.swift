/// One traversal of an edge or arc in a walk: `element` indexes the caller's list; `forward` is true
/// when the traversal goes from the element's first endpoint to its second.
public struct WalkStep: Hashable, Sendable {
    public var element: Int
    public var forward: Bool

    public init(element: Int, forward: Bool) {
        self.element = element
        self.forward = forward
    }
}

/// An undirected edge with a traversal cost.
public struct WeightedEdge: Hashable, Sendable {
    public var u: Int
    public var v: Int
    public var cost: Double
    public var required: Bool

    public init(_ u: Int, _ v: Int, cost: Double, required: Bool = true) {
        self.u = u
        self.v = v
        self.cost = cost
        self.required = required
    }

    func other(_ x: Int) -> Int { x == u ? v : u }
}

/// A closed walk over undirected edges: `steps` in order, starting and ending at `start`.
public struct UndirectedTour: Sendable, Equatable {
    public var start: Int
    public var steps: [WalkStep]
    public var cost: Double

    public init(start: Int, steps: [WalkStep], cost: Double) {
        self.start = start
        self.steps = steps
        self.cost = cost
    }
}
