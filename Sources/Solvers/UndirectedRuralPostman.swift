import Base

/// Undirected rural postman: the cheapest closed walk that traverses every required edge.
///
/// A solution is the required edges plus a set of deadhead "links", each a shortest path between two
/// terminals (endpoints of required edges, and the depot). The links must make every degree even and
/// the whole connected. The search:
/// 1. starts: Frederickson's (a minimum spanning tree over the required components, then an exact
///    matching of the odd vertices), matching-first (exact matching, then doubled tree links), and
///    Frederickson over seeded jittered trees;
/// 2. local search over links with a connectivity check: merge two links at a shared end, 2-opt
///    exchange of two links' ends, and re-pairing the six ends of three nearby links (Or-opt);
/// 3. re-match: keep a minimal connecting subset of the links and replace the rest by an exact
///    minimum-cost matching of the remaining odd vertices (never worse, by the T-join argument);
///    steps 2 and 3 alternate, with several deterministic orders for the connecting subset, then
///    seeded perturbations (drop a few connecting links, reconnect by a jittered tree, re-match);
/// 4. the walk is built on edge multiplicities, where any deadhead edge used three times drops to
///    one, and any doubled deadhead edge whose removal keeps the walk connected is dropped.
public enum UndirectedRuralPostman {
    /// Solves the instance. With `depot`, the walk starts and ends there; otherwise at the first
    /// endpoint of the first required edge. Deterministic.
    public static func solve(nodeCount: Int, edges: [WeightedEdge], depot: Int? = nil) throws -> UndirectedTour {
        var solver = try RuralPostmanSearch(nodeCount: nodeCount, edges: edges, depot: depot)
        return try solver.run()
    }

    /// The undirected Chinese postman: every edge required. Optimal (exact matching of odd vertices).
    public static func chinesePostman(nodeCount: Int, edges: [WeightedEdge], start: Int? = nil) throws -> UndirectedTour {
        let all = edges.map { WeightedEdge($0.u, $0.v, cost: $0.cost, required: true) }
        var solver = try RuralPostmanSearch(nodeCount: nodeCount, edges: all, depot: start)
        return try solver.run()
    }
}

/// Validates an undirected instance, naming bad elements.
func validateUndirected(nodeCount: Int, edges: [WeightedEdge], depot: Int?) throws {
    for (i, e) in edges.enumerated() {
        if e.u < 0 || e.u >= nodeCount { throw SolverError.nodeOutOfRange(index: i, node: e.u, nodeCount: nodeCount) }
        if e.v < 0 || e.v >= nodeCount { throw SolverError.nodeOutOfRange(index: i, node: e.v, nodeCount: nodeCount) }
        if !e.cost.isFinite || e.cost < 0 { throw SolverError.invalidCost(index: i, value: e.cost) }
    }
    if let depot, depot < 0 || depot >= nodeCount {
        throw SolverError.nodeOutOfRange(index: -1, node: depot, nodeCount: nodeCount)
    }
    if !edges.contains(where: \.required) { throw SolverError.nothingRequired }
}

struct Link: Equatable {
    var a: Int
    var b: Int
    var cost: Double
}

struct RuralPostmanSearch {
    let n: Int
    let edges: [WeightedEdge]
    let start: Int
    var terminals: [Int] = []
    var terminalIndex: [Int]
    var trees: [ShortestPathTree] = []
    /// Required-component id per terminal; non-terminals get ids k + v so paths through them join.
    var group: [Int]
    var componentCount = 0
    var neighbours: [[Int]] = []
    /// Groups along each link's path live in one pool; a link's span is cached densely by terminal
    /// pair for moderate sizes (hashing and array retains dominated the profile), else in a dictionary.
    var touchPool: [Int] = []
    var touchStart: [Int] = []
    var touchEnd: [Int] = []
    var touchSpans: [Int: Range<Int>] = [:]
    var unionFind: UnionFind
    /// Exact matchings still allowed: they dominate the running time (cubic in the odd vertices), so
    /// every phase stops when the budget is spent. Deterministic, unlike a clock.
    var matchingsLeft = Int.max
    var perturbations = 30
    var restarts = 2

    init(nodeCount: Int, edges: [WeightedEdge], depot: Int?) throws {
        try validateUndirected(nodeCount: nodeCount, edges: edges, depot: depot)
        n = nodeCount
        self.edges = edges
        let firstRequired = edges.first { $0.required }!
        start = depot ?? firstRequired.u

        var isTerminal = [Bool](repeating: false, count: n)
        isTerminal[start] = true
        var components = UnionFind(count: n)
        for e in edges where e.required {
            isTerminal[e.u] = true
            isTerminal[e.v] = true
            components.union(e.u, e.v)
        }
        terminalIndex = [Int](repeating: -1, count: n)
        for v in 0..<n where isTerminal[v] {
            terminalIndex[v] = terminals.count
            terminals.append(v)
        }
        var adjacency = [[(to: Int, cost: Double, element: Int)]](repeating: [], count: n)
        for (i, e) in edges.enumerated() {
            adjacency[e.u].append((e.v, e.cost, i))
            adjacency[e.v].append((e.u, e.cost, i))
        }
        trees = terminals.map { ShortestPathTree(source: $0, adjacency: adjacency) }

        // Every terminal must reach the start; name the required edges that cannot.
        let fromStart = trees[terminalIndex[start]]
        let unreachable = edges.indices.filter { edges[$0].required && fromStart.distance[edges[$0].u] == .infinity }
        if !unreachable.isEmpty { throw SolverError.unreachableRequired(arcs: [], edges: unreachable) }

        group = [Int](repeating: -1, count: n)
        var rootToComponent = [Int: Int]()
        for v in terminals {
            let r = components.find(v)
            if let c = rootToComponent[r] {
                group[v] = c
            } else {
                rootToComponent[r] = rootToComponent.count
                group[v] = rootToComponent[r]!
            }
        }
        componentCount = rootToComponent.count
        for v in 0..<n where group[v] < 0 { group[v] = componentCount + v }
        unionFind = UnionFind(count: componentCount + n)
        if terminals.count <= 1000 {
            touchStart = [Int](repeating: -1, count: terminals.count * terminals.count)
            touchEnd = touchStart
        }

        // Candidate partners for 2-opt: the nearest terminals of each terminal.
        let k = min(24, terminals.count - 1)
        neighbours = terminals.map { a in
            let row = trees[terminalIndex[a]].distance
            return Array(terminals.filter { $0 != a }.sorted { (row[$0], $0) < (row[$1], $1) }.prefix(k))
        }
    }

    func distance(_ a: Int, _ b: Int) -> Double { trees[terminalIndex[a]].distance[b] }

    func link(_ a: Int, _ b: Int) -> Link { Link(a: min(a, b), b: max(a, b), cost: distance(a, b)) }

    /// Where a link's groups (along its path, consecutive duplicates removed) sit in `touchPool`.
    mutating func touches(_ l: Link) -> Range<Int> {
        let dense = terminalIndex[l.a] * terminals.count + terminalIndex[l.b]
        if !touchStart.isEmpty, touchStart[dense] >= 0 { return touchStart[dense]..<touchEnd[dense] }
        let key = l.a * n + l.b
        if touchStart.isEmpty, let span = touchSpans[key] { return span }
        let first = touchPool.count
        touchPool.append(group[l.a])
        for step in trees[terminalIndex[l.a]].path(to: l.b) where group[step.to] != touchPool[touchPool.count - 1] {
            touchPool.append(group[step.to])
        }
        let span = first..<touchPool.count
        if touchStart.isEmpty {
            touchSpans[key] = span
        } else {
            touchStart[dense] = span.lowerBound
            touchEnd[dense] = span.upperBound
        }
        return span
    }

    mutating func join(_ links: [Link]) {
        unionFind.reset()
        for l in links {
            let span = touches(l)
            var i = span.lowerBound + 1
            while i < span.upperBound {
                unionFind.union(touchPool[i - 1], touchPool[i])
                i += 1
            }
        }
    }

    /// Whether the required components are joined by the links.
    mutating func connected(_ links: [Link]) -> Bool {
        if componentCount <= 1 { return true }
        join(links)
        let root = unionFind.find(0)
        for c in 1..<componentCount where unionFind.find(c) != root { return false }
        return true
    }

    /// Terminals of odd degree in the required edges together with `links`.
    func oddTerminals(_ links: [Link]) -> [Int] {
        var parity = [Bool](repeating: false, count: n)
        for e in edges where e.required {
            parity[e.u].toggle()
            parity[e.v].toggle()
        }
        for l in links {
            parity[l.a].toggle()
            parity[l.b].toggle()
        }
        return terminals.filter { parity[$0] }
    }

    mutating func exactMatching(_ odd: [Int]) throws -> [Link] {
        matchingsLeft -= 1
        let costs = odd.map { a in odd.map { b in a == b ? 0 : distance(a, b) } }
        let m = try MinimumCostPerfectMatching.solve(costs: costs)
        return m.pairs.map { link(odd[$0.0], odd[$0.1]) }
    }

    /// Minimum spanning tree over the groups of `links`-joined required components; returns its links.
    mutating func spanningLinks(joinedBy links: [Link]) -> [Link] {
        var noRandomness = SplitMix64(seed: 0)
        return spanningLinks(joinedBy: links, jitter: 0, using: &noRandomness)
    }

    /// As above, with each cluster-pair distance scaled by a random factor in [1, 1 + jitter] for the tree.
    mutating func spanningLinks(joinedBy links: [Link], jitter: Double, using rng: inout SplitMix64) -> [Link] {
        join(links)
        var cluster = [Int: Int]()
        var clusterOf = [Int](repeating: 0, count: terminals.count)
        for (i, v) in terminals.enumerated() {
            let r = unionFind.find(group[v])
            if cluster[r] == nil { cluster[r] = cluster.count }
            clusterOf[i] = cluster[r]!
        }
        let c = cluster.count
        if c <= 1 { return [] }
        var best = [Double](repeating: .infinity, count: c * c)
        var bestPair = [(Int, Int)](repeating: (0, 0), count: c * c)
        for (i, a) in terminals.enumerated() {
            let row = trees[i].distance
            for (j, b) in terminals.enumerated() where clusterOf[i] < clusterOf[j] {
                let key = clusterOf[i] * c + clusterOf[j]
                // Jitter per terminal pair, so that different attachment points get their chance.
                let d = jitter > 0 ? row[b] * (1 + jitter * Double(rng.next() >> 11) / Double(1 << 53)) : row[b]
                if d < best[key] {
                    best[key] = d
                    bestPair[key] = (a, b)
                    best[clusterOf[j] * c + clusterOf[i]] = d
                    bestPair[clusterOf[j] * c + clusterOf[i]] = (b, a)
                }
            }
        }
        // Prim over clusters.
        var inTree = [Bool](repeating: false, count: c)
        var key = [Double](repeating: .infinity, count: c)
        var from = [Int](repeating: -1, count: c)
        key[0] = 0
        var result: [Link] = []
        for _ in 0..<c {
            var u = -1
            for v in 0..<c where !inTree[v] && (u < 0 || key[v] < key[u]) { u = v }
            inTree[u] = true
            if from[u] >= 0 {
                let (a, b) = bestPair[from[u] * c + u]
                result.append(link(a, b))
            }
            for v in 0..<c where !inTree[v] && best[u * c + v] < key[v] {
                key[v] = best[u * c + v]
                from[v] = u
            }
        }
        return result
    }

    static func total(_ links: [Link]) -> Double { links.reduce(0) { $0 + $1.cost } }

    /// Merge and 2-opt moves until none improves.
    mutating func localSearch(_ start: [Link]) -> [Link] {
        var links = start
        let eps = 1e-9
        var improved = true
        while improved {
            improved = false
            var at = [Int: [Int]]()
            for (i, l) in links.enumerated() {
                at[l.a, default: []].append(i)
                at[l.b, default: []].append(i)
            }
            outer: for i in links.indices {
                for p in [links[i].a, links[i].b] {
                    let pOther = links[i].a == p ? links[i].b : links[i].a
                    // Merge: another link j at p; replace both by one link between their far ends.
                    for j in at[p] ?? [] where j != i {
                        let q = links[j].a == p ? links[j].b : links[j].a
                        let newCost = pOther == q ? 0 : distance(pOther, q)
                        if newCost < links[i].cost + links[j].cost - eps {
                            var trial = links
                            trial.remove(at: max(i, j))
                            trial.remove(at: min(i, j))
                            if pOther != q { trial.append(link(pOther, q)) }
                            if connected(trial) {
                                links = trial
                                improved = true
                                break outer
                            }
                        }
                    }
                    // 2-opt: link j at a near terminal q; pair p with q and the far ends together.
                    for q in neighbours[terminalIndex[p]] {
                        let dpq = distance(p, q)
                        if dpq >= links[i].cost { break }
                        for j in at[q] ?? [] where j != i {
                            let qOther = links[j].a == q ? links[j].b : links[j].a
                            let farCost = pOther == qOther ? 0 : distance(pOther, qOther)
                            if dpq + farCost < links[i].cost + links[j].cost - eps {
                                var trial = links
                                trial.remove(at: max(i, j))
                                trial.remove(at: min(i, j))
                                trial.append(link(p, q))
                                if pOther != qOther { trial.append(link(pOther, qOther)) }
                                if connected(trial) {
                                    links = trial
                                    improved = true
                                    break outer
                                }
                            }
                        }
                    }
                }
            }
            if !improved, let better = threeLinkMove(links, at: at) {
                links = better
                improved = true
            }
        }
        return links
    }

    /// The 15 ways to pair six ends, as index pairs.
    static let sixEndPairings: [[(Int, Int)]] = {
        var result: [[(Int, Int)]] = []
        for partner in 1...5 {
            let o = (1...5).filter { $0 != partner }
            for (u, v, w, z) in [(o[0], o[1], o[2], o[3]), (o[0], o[2], o[1], o[3]), (o[0], o[3], o[1], o[2])] {
                result.append([(0, partner), (u, v), (w, z)])
            }
        }
        return result
    }()

    /// Re-pairs the six ends of three nearby links (any re-pairing keeps every parity), which
    /// includes moving a piece between two others (Or-opt). First improving connected one wins.
    mutating func threeLinkMove(_ links: [Link], at: [Int: [Int]]) -> [Link]? {
        let eps = 1e-9
        let reach = 12
        var ends = [Int](repeating: 0, count: 6)
        for i in links.indices {
            for (p, pOther) in [(links[i].a, links[i].b), (links[i].b, links[i].a)] {
                for q in neighbours[terminalIndex[p]].prefix(reach) {
                    if distance(p, q) >= links[i].cost { break }
                    for j in at[q] ?? [] where j != i {
                        for r in neighbours[terminalIndex[pOther]].prefix(reach) {
                            for k in at[r] ?? [] where k != i && k != j {
                                ends[0] = links[i].a; ends[1] = links[i].b
                                ends[2] = links[j].a; ends[3] = links[j].b
                                ends[4] = links[k].a; ends[5] = links[k].b
                                let now = links[i].cost + links[j].cost + links[k].cost
                                var improving: [(Double, Int)] = []
                                for (index, pairing) in Self.sixEndPairings.enumerated() {
                                    var cost = 0.0
                                    for (x, y) in pairing where ends[x] != ends[y] { cost += distance(ends[x], ends[y]) }
                                    if cost < now - eps { improving.append((cost, index)) }
                                }
                                if improving.isEmpty { continue }
                                improving.sort { $0 < $1 }
                                for (_, index) in improving {
                                    var trial = links
                                    for drop in [i, j, k].sorted(by: >) { trial.remove(at: drop) }
                                    for (x, y) in Self.sixEndPairings[index] where ends[x] != ends[y] {
                                        trial.append(link(ends[x], ends[y]))
                                    }
                                    if connected(trial) { return trial }
                                }
                            }
                        }
                    }
                }
            }
        }
        return nil
    }

    /// Keeps a minimal connecting subset (links dropped in `order` while the rest stays connected)
    /// and re-matches the odd vertices exactly.
    mutating func rematch(_ links: [Link], order: [Int]) throws -> [Link] {
        let connecting = minimalConnecting(links, order: order)
        return connecting + (try exactMatching(oddTerminals(connecting)))
    }

    mutating func minimalConnecting(_ links: [Link], order: [Int]) -> [Link] {
        minimalConnectingIndices(links, order: order).map { links[$0] }
    }

    mutating func minimalConnectingIndices(_ links: [Link], order: [Int]) -> [Int] {
        var keep = [Bool](repeating: true, count: links.count)
        for i in order {
            keep[i] = false
            let rest = links.indices.filter { keep[$0] }.map { links[$0] }
            if !connected(rest) { keep[i] = true }
        }
        return links.indices.filter { keep[$0] }
    }

    mutating func improve(_ initial: [Link], seed: UInt64, lowerBound: Double) throws -> [Link] {
        var best = localSearch(initial)
        var bestCost = Self.total(best)
        var rng = SplitMix64(seed: seed)
        var stale = 0
        var round = 0
        while stale < 3 && round < 8 && bestCost > lowerBound + 1e-9 && matchingsLeft > 0 {
            round += 1
            // First order: costliest links go first; later orders are seeded shuffles.
            var order = Array(best.indices)
            if round == 1 {
                order.sort { (best[$0].cost, $0) > (best[$1].cost, $1) }
            } else {
                order.shuffle(using: &rng)
            }
            let candidate = localSearch(try rematch(best, order: order))
            let cost = Self.total(candidate)
            if cost < bestCost - 1e-9 {
                best = candidate
                bestCost = cost
                stale = 0
            } else {
                stale += 1
            }
        }
        // Perturbation: drop a few links of a minimal connecting subset, reconnect the pieces by a
        // jittered spanning tree, re-match all odd vertices exactly, search again.
        for _ in 0..<perturbations where bestCost > lowerBound + 1e-9 && matchingsLeft > 0 {
            var order = Array(best.indices)
            order.shuffle(using: &rng)
            let connecting = minimalConnectingIndices(best, order: order)
            var dropped = Set<Int>()
            let drops = min(1 + Int(rng.next() % 3), connecting.count)
            while dropped.count < drops { dropped.insert(connecting[Int(rng.next() % UInt64(connecting.count))]) }
            var connectingLinks = connecting.filter { !dropped.contains($0) }.map { best[$0] }
            connectingLinks += spanningLinks(joinedBy: connectingLinks, jitter: 0.5, using: &rng)
            var candidate = localSearch(connectingLinks + (try exactMatching(oddTerminals(connectingLinks))))
            if Self.total(candidate) < bestCost * 1.01 {
                var byCost = Array(candidate.indices)
                byCost.sort { (candidate[$0].cost, $0) > (candidate[$1].cost, $1) }
                let rematched = localSearch(try rematch(candidate, order: byCost))
                if Self.total(rematched) < Self.total(candidate) { candidate = rematched }
            }
            let cost = Self.total(candidate)
            if cost < bestCost - 1e-9 {
                best = candidate
                bestCost = cost
            }
        }
        return best
    }

    mutating func run() throws -> UndirectedTour {
        // Start A: Frederickson. Start B: matching first, then doubled spanning links.
        // The exact matching of the required edges' odd vertices is a lower bound on the deadhead.
        let tree = spanningLinks(joinedBy: [])
        let startA = tree + (try exactMatching(oddTerminals(tree)))
        let matching = try exactMatching(oddTerminals([]))
        let lowerBound = Self.total(matching)
        // The exact matching dominates the running time (cubic in the odd vertices), so the number
        // of perturbations follows a fixed work budget: deterministic, and about a second here.
        let odd = Double(max(matching.count * 2, 2))
        perturbations = min(30, max(6, Int(1.0e8 / (odd * odd * odd))))
        matchingsLeft = max(6, Int(7.0e8 / (odd * odd * odd)))
        let bridges = spanningLinks(joinedBy: matching)
        let startB = matching + bridges + bridges
        // Restarts from jittered Frederickson trees add diversity; the perturbation budget is shared.
        var starts = [startB, startA]
        var rng = SplitMix64(seed: 0xF00D)
        for _ in 0..<restarts {
            let jittered = spanningLinks(joinedBy: [], jitter: 0.3, using: &rng)
            starts.append(jittered + (try exactMatching(oddTerminals(jittered))))
        }
        perturbations = max(3, perturbations * 2 / starts.count)
        var best: [Link]? = nil
        for (index, start) in starts.enumerated() {
            if let best, Self.total(best) <= lowerBound + 1e-9 || matchingsLeft <= 0 { break }
            let improved = try improve(start, seed: 0x5EED + UInt64(index), lowerBound: lowerBound)
            if best == nil || Self.total(improved) < Self.total(best!) - 1e-9 { best = improved }
        }
        return try tour(from: best!)
    }

    /// Turns links into edge multiplicities, trims them, and walks the Euler circuit.
    /// Deadhead copies per edge after trimming: three or more copies drop by two, and a doubled
    /// deadhead edge goes when the walk stays connected without it.
    func multiplicities(_ links: [Link]) -> [Int] {
        var extra = [Int](repeating: 0, count: edges.count)
        for l in links {
            for step in trees[terminalIndex[l.a]].path(to: l.b) { extra[step.element] += 1 }
        }
        for i in edges.indices where extra[i] >= 3 { extra[i] = 2 - extra[i] % 2 }
        for i in edges.indices where edges[i].required && extra[i] >= 2 { extra[i] -= 2 }
        let doubled = edges.indices.filter { extra[$0] == 2 }.sorted { (edges[$0].cost, $0) > (edges[$1].cost, $1) }
        for i in doubled {
            extra[i] = 0
            if !walkConnected(extra) { extra[i] = 2 }
        }
        return extra
    }

    mutating func tour(from links: [Link]) throws -> UndirectedTour {
        let extra = multiplicities(links)
        var multi: [(Int, Int)] = []
        var origin: [Int] = []
        for (i, e) in edges.enumerated() {
            let copies = (e.required ? 1 : 0) + extra[i]
            for _ in 0..<copies {
                multi.append((e.u, e.v))
                origin.append(i)
            }
        }
        let circuit = try EulerCircuit.undirected(nodeCount: n, edges: multi, start: start)
        let steps = circuit.map { WalkStep(element: origin[$0.element], forward: $0.forward) }
        let cost = steps.reduce(0) { $0 + edges[$1.element].cost }
        return UndirectedTour(start: start, steps: steps, cost: cost)
    }

    func walkConnected(_ extra: [Int]) -> Bool {
        var uf = UnionFind(count: n)
        for (i, e) in edges.enumerated() where e.required || extra[i] > 0 { uf.union(e.u, e.v) }
        let root = uf.find(start)
        return terminals.allSatisfy { uf.find($0) == root }
    }
}
