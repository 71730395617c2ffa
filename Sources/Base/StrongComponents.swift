/// The strongly connected components of a directed graph, by Tarjan's algorithm.
///
/// Components are numbered 0..<count in the order Tarjan closes them, which is a reverse topological
/// order: an arc between two components always runs from the higher number to the lower. Iterative, so
/// a million-node chain does not overflow the stack.
public struct StrongComponents: Sendable {
    /// The component of each node.
    public let component: [Int]
    public let count: Int

    /// The graph in compressed form: the successors of node `v` are
    /// `successors[successorStart[v]..<successorStart[v + 1]]`, so `successorStart` has one entry per node and one more.
    public init(successorStart: [Int32], successors: [Int32]) {
        (component, count) = Self.tarjan(successorStart: successorStart, successors: successors)
    }

    /// The graph as a list of arcs `(from, to)` on nodes `0..<nodeCount`.
    public init(nodeCount: Int, arcs: [(from: Int, to: Int)]) {
        var successorStart = [Int32](repeating: 0, count: nodeCount + 1)
        for arc in arcs { successorStart[arc.from + 1] += 1 }
        for node in 0..<nodeCount { successorStart[node + 1] += successorStart[node] }
        // Each node's successors in the order its arcs were given.
        var next = successorStart
        var successors = [Int32](repeating: 0, count: arcs.count)
        for arc in arcs {
            successors[Int(next[arc.from])] = Int32(arc.to)
            next[arc.from] += 1
        }
        self.init(successorStart: successorStart, successors: successors)
    }

    private static func tarjan(successorStart: [Int32], successors: [Int32]) -> (component: [Int], count: Int) {
        var search = TarjanSearch(successorStart: successorStart, successors: successors)
        for root in 0..<search.nodeCount where search.index[root] < 0 {
            search.run(from: root)
        }
        return (search.component, search.count)
    }
}

/// The state of one iterative Tarjan search; `run(from:)` is the recursive visit with an explicit stack.
private struct TarjanSearch {
    let successorStart: [Int32]
    let successors: [Int32]
    var index: [Int32]
    var lowLink: [Int32]
    var onStack: [Bool]
    var component: [Int]
    var stack: [Int32] = []
    /// The explicit call stack: a node and the next successor slot to look at.
    var frames: [(node: Int32, slot: Int32)] = []
    var nextIndex: Int32 = 0
    var count = 0

    var nodeCount: Int { successorStart.count - 1 }

    init(successorStart: [Int32], successors: [Int32]) {
        self.successorStart = successorStart
        self.successors = successors
        let n = successorStart.count - 1
        index = [Int32](repeating: -1, count: n)
        lowLink = [Int32](repeating: 0, count: n)
        onStack = [Bool](repeating: false, count: n)
        component = [Int](repeating: -1, count: n)
    }

    mutating func run(from root: Int) {
        enter(root)
        while let frame = frames.last {
            let v = Int(frame.node)
            let slot = Int(frame.slot)
            if slot < Int(successorStart[v + 1]) {
                frames[frames.count - 1].slot += 1
                let w = Int(successors[slot])
                if index[w] < 0 {
                    enter(w)
                } else if onStack[w] {
                    lowLink[v] = min(lowLink[v], index[w])
                }
            } else {
                leave(v)
            }
        }
    }

    /// The first visit of `v`: numbered, stacked, and its successors next to look at.
    private mutating func enter(_ v: Int) {
        index[v] = nextIndex
        lowLink[v] = nextIndex
        nextIndex += 1
        stack.append(Int32(v))
        onStack[v] = true
        frames.append((Int32(v), successorStart[v]))
    }

    /// All successors of `v` seen: its low link goes to its caller, and if it roots a component, the
    /// component is popped off the stack and numbered.
    private mutating func leave(_ v: Int) {
        frames.removeLast()
        if let parent = frames.last {
            let p = Int(parent.node)
            lowLink[p] = min(lowLink[p], lowLink[v])
        }
        guard lowLink[v] == index[v] else { return }
        while let w = stack.popLast() {
            onStack[Int(w)] = false
            component[Int(w)] = count
            if Int(w) == v { break }
        }
        count += 1
    }
}
