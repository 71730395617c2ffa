/// One traversal in a mixed walk: an arc (always in its own direction) or an edge in a direction.
public enum Traversal: Hashable, Sendable {
    case arc(Int)
    case edge(Int, forward: Bool)
}

/// Euler circuits by Hierholzer's algorithm. Every element is used exactly once; the circuit starts
/// and ends at `start`. Elements are visited in index order where there is a choice, so the result
/// is deterministic.
public enum EulerCircuit {
    /// Undirected multigraph: every vertex must have even degree and all edges one connected piece
    /// containing `start`.
    public static func undirected(nodeCount n: Int, edges: [(Int, Int)], start: Int) throws -> [WalkStep] {
        var incident = [[Int]](repeating: [], count: n)
        for (i, e) in edges.enumerated() {
            guard e.0 >= 0, e.0 < n else { throw SolverError.nodeOutOfRange(index: i, node: e.0, nodeCount: n) }
            guard e.1 >= 0, e.1 < n else { throw SolverError.nodeOutOfRange(index: i, node: e.1, nodeCount: n) }
            incident[e.0].append(i)
            if e.1 != e.0 { incident[e.1].append(i) } else { incident[e.0].append(i) }
        }
        for v in 0..<n where incident[v].count % 2 != 0 {
            throw SolverError.notEulerian(vertex: v, reason: "odd degree \(incident[v].count)")
        }
        if edges.isEmpty { return [] }
        var used = [Bool](repeating: false, count: edges.count)
        var cursor = [Int](repeating: 0, count: n)
        // Stack of (vertex, step that entered it); the circuit is read off in pop order.
        var stack: [(Int, WalkStep?)] = [(start, nil)]
        var circuit: [WalkStep] = []
        while let (v, entering) = stack.last {
            var advanced = false
            while cursor[v] < incident[v].count {
                let e = incident[v][cursor[v]]
                cursor[v] += 1
                if used[e] { continue }
                used[e] = true
                let forward = edges[e].0 == v
                let w = forward ? edges[e].1 : edges[e].0
                stack.append((w, WalkStep(element: e, forward: forward)))
                advanced = true
                break
            }
            if !advanced {
                stack.removeLast()
                if let entering { circuit.append(entering) }
            }
        }
        if circuit.count != edges.count {
            let missing = used.firstIndex(of: false)!
            throw SolverError.notEulerian(vertex: edges[missing].0, reason: "edge \(missing) is not connected to the start \(start)")
        }
        return circuit.reversed()
    }

    /// Directed multigraph: in-degree equals out-degree everywhere and all arcs reachable from `start`.
    public static func directed(nodeCount n: Int, arcs: [(Int, Int)], start: Int) throws -> [Int] {
        var outgoing = [[Int]](repeating: [], count: n)
        var balance = [Int](repeating: 0, count: n)
        for (i, a) in arcs.enumerated() {
            guard a.0 >= 0, a.0 < n else { throw SolverError.nodeOutOfRange(index: i, node: a.0, nodeCount: n) }
            guard a.1 >= 0, a.1 < n else { throw SolverError.nodeOutOfRange(index: i, node: a.1, nodeCount: n) }
            outgoing[a.0].append(i)
            balance[a.0] += 1
            balance[a.1] -= 1
        }
        for v in 0..<n where balance[v] != 0 {
            throw SolverError.notEulerian(vertex: v, reason: "out-degree minus in-degree is \(balance[v])")
        }
        if arcs.isEmpty { return [] }
        var cursor = [Int](repeating: 0, count: n)
        var stack: [(Int, Int)] = [(start, -1)]
        var circuit: [Int] = []
        while let (v, entering) = stack.last {
            if cursor[v] < outgoing[v].count {
                let a = outgoing[v][cursor[v]]
                cursor[v] += 1
                stack.append((arcs[a].1, a))
            } else {
                stack.removeLast()
                if entering >= 0 { circuit.append(entering) }
            }
        }
        if circuit.count != arcs.count {
            let seen = Set(circuit)
            let missing = arcs.indices.first { !seen.contains($0) }!
            throw SolverError.notEulerian(vertex: arcs[missing].0, reason: "arc \(missing) is not reachable from the start \(start)")
        }
        return circuit.reversed()
    }

    /// Mixed multigraph: orients the edges so that every vertex is balanced (a max-flow over the
    /// edges), then runs the directed version. Throws when no balancing orientation exists.
    public static func mixed(nodeCount n: Int, arcs: [(Int, Int)], edges: [(Int, Int)], start: Int) throws -> [Traversal] {
        let forward = try balancingOrientation(nodeCount: n, arcs: arcs, edges: edges)
        var all = arcs
        for (i, e) in edges.enumerated() { all.append(forward[i] ? (e.0, e.1) : (e.1, e.0)) }
        let circuit = try directed(nodeCount: n, arcs: all, start: start)
        return circuit.map { $0 < arcs.count ? .arc($0) : .edge($0 - arcs.count, forward: forward[$0 - arcs.count]) }
    }

    /// Orientation of each edge (true = from its first to its second endpoint) that balances every
    /// vertex together with the arcs.
    static func balancingOrientation(nodeCount n: Int, arcs: [(Int, Int)], edges: [(Int, Int)]) throws -> [Bool] {
        // Start with every edge forward; reversing edge u→v moves two units of surplus from u to v,
        // so a flow of surplus/2 from surplus vertices to deficit vertices along edges picks the reversals.
        var surplus = [Int](repeating: 0, count: n)
        for a in arcs {
            surplus[a.0] += 1
            surplus[a.1] -= 1
        }
        for e in edges {
            surplus[e.0] += 1
            surplus[e.1] -= 1
        }
        var degree = [Int](repeating: 0, count: n)
        for a in arcs { degree[a.0] += 1; degree[a.1] += 1 }
        for e in edges { degree[e.0] += 1; degree[e.1] += 1 }
        for v in 0..<n where degree[v] % 2 != 0 {
            throw SolverError.notEulerian(vertex: v, reason: "odd total degree \(degree[v])")
        }
        var flow = MaxFlow(nodeCount: n + 2)
        let source = n, sink = n + 1
        var edgeArc = [Int]()
        for e in edges { edgeArc.append(flow.addArc(e.0, e.1, capacity: 1)) }
        var need = 0
        for v in 0..<n {
            if surplus[v] > 0 {
                flow.addArc(source, v, capacity: surplus[v] / 2)
                need += surplus[v] / 2
            } else if surplus[v] < 0 {
                flow.addArc(v, sink, capacity: -surplus[v] / 2)
            }
        }
        let sent = flow.maximumFlow(from: source, to: sink)
        if sent != need {
            let v = (0..<n).first { surplus[$0] != 0 } ?? 0
            throw SolverError.notEulerian(vertex: v, reason: "no orientation of the edges balances the arcs")
        }
        return edgeArc.map { flow.flow(on: $0) == 0 }
    }
}
