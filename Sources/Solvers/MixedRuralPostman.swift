import Base

/// Rural postman on a mixed street graph (one-way arcs and two-way edges), from and to a depot.
///
/// With no arcs at all, the undirected solver does the work. Otherwise:
/// 1. required edges get an orientation that balances the required traversals as far as possible
///    (a max-flow over reversals);
/// 2. the weakly connected pieces of the required traversals (and the depot) are joined by a minimum
///    spanning tree of shortest directed paths (Frederickson's idea for the directed case);
/// 3. every vertex is balanced by a minimum-cost flow (a transportation problem over shortest-path
///    distances in the whole deadhead network), so the result is Eulerian (balanced and weakly
///    connected means strongly connected);
/// 4. improvement: drop tree links the flow makes redundant, and flip required edges, each priced by
///    shortest paths in the residual network of the flow and kept only when cheaper and still connected;
/// 5. the Euler circuit is built, pairing turns at each vertex when a turn model is given.
public enum MixedRuralPostman {
    /// `improvementBudget` caps the flow re-solves of step 4 (each a shortest augmenting path or two), so a caller
    /// that prices many candidate street sets can trade a little quality for speed.
    public static func solve(_ instance: PostmanInstance, turns: TurnModel? = nil, improvementBudget: Int = 400) throws -> PostmanTour {
        try instance.validate()
        var search = try MixedSearch(instance)
        search.improvementBudget = improvementBudget
        let multiset: [Traversal]
        if instance.arcs.isEmpty {
            let edges = instance.edges.map { WeightedEdge($0.u, $0.v, cost: $0.cost, required: $0.required) }
            let tour = try UndirectedRuralPostman.solve(nodeCount: instance.nodeCount, edges: edges, depot: search.start)
            multiset = tour.steps.map { .edge($0.element, forward: $0.forward) }
        } else {
            multiset = try search.run()
        }
        return try assembleTour(instance, multiset: multiset, start: search.start, turns: turns)
    }

    /// Orders a balanced, connected multiset of traversals into a closed walk from `start`.
    static func assembleTour(_ instance: PostmanInstance, multiset: [Traversal], start: Int, turns: TurnModel?) throws -> PostmanTour {
        let ends = multiset.map { instance.endpoints($0) }
        let order = try TurnAwareEuler.circuit(nodeCount: instance.nodeCount, arcs: ends.map { ($0.from, $0.to) },
                                               start: start, turnPenalty: turns.map { model in
            { (a: Int, b: Int) in model.penalty(multiset[a], multiset[b]) }
        })
        let traversals = order.map { multiset[$0] }
        var servedArc = [Bool](repeating: false, count: instance.arcs.count)
        var servedEdge = [Bool](repeating: false, count: instance.edges.count)
        var services: [Bool] = []
        for t in traversals {
            switch t {
            case .arc(let i):
                services.append(instance.arcs[i].required && !servedArc[i])
                servedArc[i] = true
            case .edge(let i, _):
                services.append(instance.edges[i].required && !servedEdge[i])
                servedEdge[i] = true
            }
        }
        let cost = traversals.reduce(0) { $0 + instance.cost($1) }
        var penalty = 0.0
        var counts: [TurnKind: Int] = [:]
        if let turns, traversals.count > 1 {
            for i in traversals.indices {
                let next = traversals[(i + 1) % traversals.count]
                penalty += turns.penalty(traversals[i], next)
                counts[turns.kind(traversals[i], next), default: 0] += 1
            }
        }
        return PostmanTour(start: start, traversals: traversals, services: services, cost: cost,
                           turnPenalty: penalty, turnCounts: counts)
    }
}

/// The directed Chinese postman: every arc required, one-way. Optimal (minimum-cost flow).
public enum DirectedChinesePostman {
    public static func solve(nodeCount: Int, arcs: [(from: Int, to: Int, cost: Double)], start: Int? = nil) throws -> PostmanTour {
        let instance = PostmanInstance(nodeCount: nodeCount,
                                       arcs: arcs.map { .init(from: $0.from, to: $0.to, cost: $0.cost, required: true) },
                                       depot: start)
        return try MixedRuralPostman.solve(instance)
    }
}

struct MixedSearch {
    let instance: PostmanInstance
    let n: Int
    let start: Int
    /// Flow re-solves the improvement phase may spend.
    var improvementBudget = 400
    /// The deadhead network: every arc forwards, every edge both ways.
    var network: [(from: Int, to: Int, cost: Double, traversal: Traversal)] = []
    var adjacency: [[(to: Int, cost: Double, element: Int)]]
    var trees: [Int: ShortestPathTree] = [:]

    init(_ instance: PostmanInstance) throws {
        self.instance = instance
        n = instance.nodeCount
        if let depot = instance.depot {
            start = depot
        } else if let arc = instance.arcs.first(where: \.required) {
            start = arc.from
        } else {
            start = instance.edges.first(where: \.required)!.u
        }
        for (i, a) in instance.arcs.enumerated() { network.append((a.from, a.to, a.cost, .arc(i))) }
        for (i, e) in instance.edges.enumerated() {
            network.append((e.u, e.v, e.cost, .edge(i, forward: true)))
            network.append((e.v, e.u, e.cost, .edge(i, forward: false)))
        }
        adjacency = [[(to: Int, cost: Double, element: Int)]](repeating: [], count: n)
        for (i, a) in network.enumerated() { adjacency[a.from].append((a.to, a.cost, i)) }

        // Everything required must lie in the depot's strongly connected component.
        let component = StrongComponents(nodeCount: n, arcs: network.map { ($0.from, $0.to) }).component
        let home = component[start]
        let badArcs = instance.arcs.indices.filter {
            instance.arcs[$0].required && (component[instance.arcs[$0].from] != home || component[instance.arcs[$0].to] != home)
        }
        let badEdges = instance.edges.indices.filter { instance.edges[$0].required && component[instance.edges[$0].u] != home }
        if !badArcs.isEmpty || !badEdges.isEmpty {
            throw SolverError.unreachableRequired(arcs: badArcs, edges: badEdges)
        }
    }

    mutating func tree(_ source: Int) -> ShortestPathTree {
        if let t = trees[source] { return t }
        let t = ShortestPathTree(source: source, adjacency: adjacency)
        trees[source] = t
        return t
    }

    /// Required traversals for an orientation of the required edges.
    func requiredTraversals(_ forward: [Bool]) -> [Traversal] {
        var result: [Traversal] = instance.arcs.indices.filter { instance.arcs[$0].required }.map { .arc($0) }
        for (k, i) in requiredEdges.enumerated() { result.append(.edge(i, forward: forward[k])) }
        return result
    }

    var requiredEdges: [Int] { instance.edges.indices.filter { instance.edges[$0].required } }

    /// Orientation of the required edges that balances the required traversals as far as a max-flow
    /// over reversals can.
    func initialOrientation() -> [Bool] {
        var surplus = [Int](repeating: 0, count: n)
        for a in instance.arcs where a.required {
            surplus[a.from] += 1
            surplus[a.to] -= 1
        }
        let edges = requiredEdges
        for i in edges {
            surplus[instance.edges[i].u] += 1
            surplus[instance.edges[i].v] -= 1
        }
        var flow = MaxFlow(nodeCount: n + 2)
        let handles = edges.map { flow.addArc(instance.edges[$0].u, instance.edges[$0].v, capacity: 1) }
        for v in 0..<n {
            if surplus[v] >= 2 {
                flow.addArc(n, v, capacity: surplus[v] / 2)
            } else if surplus[v] <= -2 {
                flow.addArc(v, n + 1, capacity: -surplus[v] / 2)
            }
        }
        _ = flow.maximumFlow(from: n, to: n + 1)
        return handles.map { flow.flow(on: $0) == 0 }
    }

    /// Links (directed shortest paths, as (from, to)) joining the weak pieces of `required` and the depot.
    mutating func connectingLinks(_ required: [Traversal]) -> [(Int, Int)] {
        var pieces = UnionFind(count: n)
        var isTerminal = [Bool](repeating: false, count: n)
        isTerminal[start] = true
        for t in required {
            let (a, b) = instance.endpoints(t)
            pieces.union(a, b)
            isTerminal[a] = true
            isTerminal[b] = true
        }
        let terminals = (0..<n).filter { isTerminal[$0] }
        var rootIndex = [Int: Int]()
        var pieceOf = [Int](repeating: 0, count: n)
        for v in terminals {
            let r = pieces.find(v)
            if rootIndex[r] == nil { rootIndex[r] = rootIndex.count }
            pieceOf[v] = rootIndex[r]!
        }
        let c = rootIndex.count
        if c <= 1 { return [] }
        var best = [Double](repeating: .infinity, count: c * c)
        var bestLink = [(Int, Int)](repeating: (0, 0), count: c * c)
        for a in terminals {
            let row = tree(a).distance
            for b in terminals where pieceOf[a] != pieceOf[b] && row[b] < .infinity {
                for key in [pieceOf[a] * c + pieceOf[b], pieceOf[b] * c + pieceOf[a]] where row[b] < best[key] {
                    best[key] = row[b]
                    bestLink[key] = (a, b)
                }
            }
        }
        var inTree = [Bool](repeating: false, count: c)
        var key = [Double](repeating: .infinity, count: c)
        var from = [Int](repeating: -1, count: c)
        key[0] = 0
        var links: [(Int, Int)] = []
        for _ in 0..<c {
            var u = -1
            for v in 0..<c where !inTree[v] && (u < 0 || key[v] < key[u]) { u = v }
            inTree[u] = true
            if from[u] >= 0 { links.append(bestLink[from[u] * c + u]) }
            for v in 0..<c where !inTree[v] && best[u * c + v] < key[v] {
                key[v] = best[u * c + v]
                from[v] = u
            }
        }
        return links
    }

    struct Solution {
        var links: [(Int, Int)]
        /// Balancing deadhead: how many times each arc of `network` is driven.
        var arcFlow: [Int]
        var cost: Double
    }

    /// Balances `required` plus `links` by a minimum-cost transportation problem between the vertices
    /// short of departures and those short of arrivals, over shortest-path distances (the same as a
    /// minimum-cost flow over the uncapacitated network, but on far fewer arcs). Nil when the result
    /// is not connected or cannot be balanced.
    mutating func evaluate(_ required: [Traversal], links: [(Int, Int)]) -> Solution? {
        var balance = [Int](repeating: 0, count: n)
        var cost = 0.0
        for t in required {
            let (a, b) = instance.endpoints(t)
            balance[a] -= 1
            balance[b] += 1
            cost += instance.cost(t)
        }
        for (a, b) in links {
            balance[a] -= 1
            balance[b] += 1
            cost += tree(a).distance[b]
        }
        let sources = (0..<n).filter { balance[$0] > 0 }
        let sinks = (0..<n).filter { balance[$0] < 0 }
        let s = sources.count, d = sinks.count
        var mcf = MinCostFlow(nodeCount: s + d + 2)
        var need = 0
        for (i, v) in sources.enumerated() {
            mcf.addArc(s + d, i, capacity: balance[v], cost: 0)
            need += balance[v]
        }
        for (j, v) in sinks.enumerated() { mcf.addArc(s + j, s + d + 1, capacity: -balance[v], cost: 0) }
        var handles: [(Int, Int, Int)] = []
        for (i, v) in sources.enumerated() {
            let row = tree(v).distance
            for (j, w) in sinks.enumerated() where row[w] < .infinity {
                handles.append((mcf.addArc(i, s + j, capacity: need, cost: row[w]), v, w))
            }
        }
        let (sent, flowCost) = mcf.solve(from: s + d, to: s + d + 1, amount: need)
        if sent != need { return nil }
        var arcFlow = [Int](repeating: 0, count: network.count)
        for (handle, v, w) in handles {
            let f = mcf.flow(on: handle)
            if f > 0 {
                for step in tree(v).path(to: w) { arcFlow[step.element] += f }
            }
        }
        guard isConnected(required, links: links, arcFlow: arcFlow) else { return nil }
        return Solution(links: links, arcFlow: arcFlow, cost: cost + flowCost)
    }

    mutating func run() throws -> [Traversal] {
        var forward = initialOrientation()
        var required = requiredTraversals(forward)
        guard let first = evaluate(required, links: connectingLinks(required)) else {
            throw SolverError.unreachableRequired(arcs: instance.arcs.indices.filter { instance.arcs[$0].required },
                                                  edges: requiredEdges)
        }
        var links = first.links
        var arcFlow = first.arcFlow
        if var flow = ResidualFlow(nodeCount: n, arcs: network.map { ($0.from, $0.to, $0.cost) }, flow: arcFlow) {
            improve(&flow, required: &required, forward: &forward, links: &links)
            arcFlow = flow.flow
        }
        var multiset = required
        for (a, b) in links {
            for step in tree(a).path(to: b) { multiset.append(network[step.element].traversal) }
        }
        for (i, count) in arcFlow.enumerated() where count > 0 {
            multiset.append(contentsOf: repeatElement(network[i].traversal, count: count))
        }
        return multiset
    }

    /// Step 4. Each candidate move changes the supplies by a unit or two, so the cheapest residual path
    /// prices it exactly (or bounds it from below), and only moves that can pay are re-solved: dropping a
    /// tree link whose deadhead the flow can replace more cheaply, and flipping a required two-way street
    /// against which the flow runs back. A move is kept when it is cheaper and the walk stays connected.
    mutating func improve(_ flow: inout ResidualFlow, required: inout [Traversal], forward: inout [Bool], links: inout [(Int, Int)]) {
        let edges = requiredEdges
        // Each re-solve is a few shortest paths; cap them so results stay deterministic and bounded.
        var budget = improvementBudget
        var improved = true
        while improved && budget > 0 {
            improved = false
            let order = links.indices.sorted {
                (tree(links[$0].0).distance[links[$0].1], $0) > (tree(links[$1].0).distance[links[$1].1], $1)
            }
            for i in order where budget > 0 {
                let (a, b) = links[i]
                let linkCost = tree(a).distance[b]
                guard let marginal = flow.marginalCost(from: a, to: b), marginal < linkCost - 1e-9 else { continue }
                budget -= 1
                var trial = flow
                var fewer = links
                fewer.remove(at: i)
                if let added = trial.send(1, from: a, to: b), added < linkCost - 1e-9,
                   isConnected(required, links: fewer, arcFlow: trial.flow) {
                    flow = trial
                    links = fewer
                    improved = true
                    break
                }
            }
            if improved { continue }
            for k in edges.indices where budget > 0 {
                let (a, b) = instance.endpoints(.edge(edges[k], forward: forward[k]))
                // Reversing a→b needs two more units from a to b.
                guard let marginal = flow.marginalCost(from: a, to: b), marginal < -1e-9 else { continue }
                budget -= 1
                var trial = flow
                forward[k].toggle()
                let flipped = requiredTraversals(forward)
                if let added = trial.send(2, from: a, to: b), added < -1e-9,
                   isConnected(flipped, links: links, arcFlow: trial.flow) {
                    flow = trial
                    required = flipped
                    improved = true
                } else {
                    forward[k].toggle()
                }
            }
        }
    }

    /// Whether every required traversal lies in the depot's piece of required ∪ links ∪ flow.
    mutating func isConnected(_ required: [Traversal], links: [(Int, Int)], arcFlow: [Int]) -> Bool {
        var pieces = UnionFind(count: n)
        for t in required {
            let (a, b) = instance.endpoints(t)
            pieces.union(a, b)
        }
        for (a, b) in links {
            for step in tree(a).path(to: b) { pieces.union(step.from, step.to) }
        }
        for (i, count) in arcFlow.enumerated() where count > 0 { pieces.union(network[i].from, network[i].to) }
        let root = pieces.find(start)
        return required.allSatisfy { pieces.find(instance.endpoints($0).from) == root }
    }
}
