import HeapModule

/// A minimum-cost deadhead flow on the street network, kept with node potentials so that a small change
/// of supplies is re-optimised by a few shortest augmenting paths instead of a whole new flow problem.
///
/// Arcs are uncapacitated; the residual network adds, for every arc carrying flow, a reverse arc of
/// negative cost whose capacity is that flow. The potentials keep every residual arc's reduced cost
/// non-negative, so each search is a Dijkstra (successive shortest paths, Edmonds–Karp/Tomizawa).
struct ResidualFlow {
    let arcs: [(from: Int, to: Int, cost: Double)]
    private let outgoing: [[Int]]
    private let incoming: [[Int]]
    private(set) var flow: [Int]
    private var potential: [Double]
    /// Σ flow × cost over the arcs.
    private(set) var cost: Double

    /// Nil when `flow` is not a minimum-cost flow for its own supplies (a negative residual cycle),
    /// which would make potentials impossible.
    init?(nodeCount n: Int, arcs: [(from: Int, to: Int, cost: Double)], flow: [Int]) {
        self.arcs = arcs
        self.flow = flow
        var outgoing = [[Int]](repeating: [], count: n)
        var incoming = [[Int]](repeating: [], count: n)
        for (i, a) in arcs.enumerated() {
            outgoing[a.from].append(i)
            incoming[a.to].append(i)
        }
        self.outgoing = outgoing
        self.incoming = incoming
        cost = zip(arcs, flow).reduce(0) { $0 + $1.0.cost * Double($1.1) }
        // Bellman–Ford (queue-based) from a virtual source joined to every node at cost 0.
        var potential = [Double](repeating: 0, count: n)
        var queued = [Bool](repeating: true, count: n)
        var relaxations = [Int](repeating: 0, count: n)
        var queue = Array(0..<n)
        var head = 0
        while head < queue.count {
            let u = queue[head]
            head += 1
            queued[u] = false
            func relax(_ v: Int, _ c: Double) -> Bool {
                guard potential[u] + c < potential[v] - 1e-9 else { return true }
                potential[v] = potential[u] + c
                relaxations[v] += 1
                if relaxations[v] > n { return false }
                if !queued[v] {
                    queued[v] = true
                    queue.append(v)
                }
                return true
            }
            for i in outgoing[u] where !relax(arcs[i].to, arcs[i].cost) { return nil }
            for i in incoming[u] where flow[i] > 0 && !relax(arcs[i].from, -arcs[i].cost) { return nil }
        }
        self.potential = potential
    }

    /// One residual step: `arc` is forward (its own direction) or backward (against its flow).
    struct Step {
        var arc: Int
        var forward: Bool
    }

    /// The cheapest residual path from `source` to `target`: its real cost, its steps, and the reduced
    /// distances of the nodes settled before `target` (nil when `target` cannot be reached).
    private func search(from source: Int, to target: Int) -> (cost: Double, steps: [Step], settled: [(node: Int, distance: Double)])? {
        let n = outgoing.count
        var distance = [Double](repeating: .infinity, count: n)
        var via = [Step?](repeating: nil, count: n)
        var done = [Bool](repeating: false, count: n)
        var settled: [(node: Int, distance: Double)] = []
        var heap = Heap<QueueEntry>()
        distance[source] = 0
        heap.insert(QueueEntry(distance: 0, node: source))
        while let top = heap.popMin() {
            let u = top.node
            if done[u] { continue }
            done[u] = true
            settled.append((u, top.distance))
            if u == target { break }
            func relax(_ v: Int, _ realCost: Double, _ step: Step) {
                let reduced = max(0, realCost + potential[u] - potential[v])
                let d = top.distance + reduced
                if d < distance[v] {
                    distance[v] = d
                    via[v] = step
                    heap.insert(QueueEntry(distance: d, node: v))
                }
            }
            for i in outgoing[u] { relax(arcs[i].to, arcs[i].cost, Step(arc: i, forward: true)) }
            for i in incoming[u] where flow[i] > 0 { relax(arcs[i].from, -arcs[i].cost, Step(arc: i, forward: false)) }
        }
        guard done[target] else { return nil }
        var steps: [Step] = []
        var v = target
        var realCost = 0.0
        while v != source, let step = via[v] {
            steps.append(step)
            realCost += step.forward ? arcs[step.arc].cost : -arcs[step.arc].cost
            v = step.forward ? arcs[step.arc].from : arcs[step.arc].to
        }
        return (realCost, steps.reversed(), settled)
    }

    /// The real cost of one more unit from `source` to `target`: a lower bound on the average cost per
    /// unit of sending several, since successive shortest paths only get dearer.
    func marginalCost(from source: Int, to target: Int) -> Double? {
        source == target ? 0 : search(from: source, to: target)?.cost
    }

    /// Sends `units` more from `source` to `target` at least cost and returns what that added
    /// (nil, and the flow unusable, when the target cannot be reached).
    mutating func send(_ units: Int, from source: Int, to target: Int) -> Double? {
        if source == target || units == 0 { return 0 }
        var remaining = units
        var added = 0.0
        while remaining > 0 {
            guard let path = search(from: source, to: target) else { return nil }
            // Early-stopped Dijkstra: nodes not settled move by the target's distance, which keeps
            // every reduced cost non-negative.
            let reach = path.settled[path.settled.count - 1].distance
            for v in potential.indices { potential[v] += reach }
            for (v, d) in path.settled { potential[v] += d - reach }
            var amount = remaining
            for step in path.steps where !step.forward { amount = min(amount, flow[step.arc]) }
            for step in path.steps { flow[step.arc] += step.forward ? amount : -amount }
            added += Double(amount) * path.cost
            remaining -= amount
        }
        cost += added
        return added
    }
}
