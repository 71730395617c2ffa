import HeapModule

/// Edge-based Dijkstra: the state is the arc just driven, and moving from arc a into arc b costs
/// b's travel time plus the turn penalty of a → b. Deadhead paths found this way avoid U-turns
/// except at dead ends, and prefer left turns to right turns. Not Sendable: make one per task.
public final class TurnAwareSearch {
    public let network: StreetNetwork
    public let penalties: TurnPenalties
    var scratch: SearchScratch
    // Per arc: heading entering and leaving (nil for a degenerate arc), and whether its head is a dead end.
    let entryHeading: [(dx: Double, dy: Double)?]
    let exitHeading: [(dx: Double, dy: Double)?]
    let headIsDeadEnd: [Bool]
    let arcEdge: [Int32]
    let arcHead: [Int32]
    let arcTime: [Double]
    let outStart: [Int32]
    let outArcs: [Int32]
    /// Travel time of the arc in each out-arc slot, laid out like `outArcs`.
    let slotTime: [Double]
    /// Every turn's cost, precomputed: the turns out of arc a into the out-arcs of its head node are
    /// turnTable[turnOffset[a] ..< turnOffset[a] + outdegree(head(a))], in slot order.
    let turnOffset: [Int32]
    let turnTable: [Double]

    public init(network: StreetNetwork, penalties: TurnPenalties = .ukDefaults) {
        self.network = network
        self.penalties = penalties
        let arcCount = network.arcCount
        scratch = SearchScratch(stateCount: arcCount)
        let entry = (0..<arcCount).map { network.heading(ofArc: $0, atEnd: false) }
        let exit = (0..<arcCount).map { network.heading(ofArc: $0, atEnd: true) }
        let deadEnd = (0..<arcCount).map { network.isDeadEnd(Int(network.arcHead[$0])) }
        entryHeading = entry
        exitHeading = exit
        headIsDeadEnd = deadEnd
        arcEdge = network.arcEdge
        arcHead = network.arcHead
        arcTime = network.arcTime
        outStart = network.outStart
        outArcs = network.outArcs
        slotTime = network.outArcs.map { network.arcTime[Int($0)] }
        var offsets = [Int32](repeating: 0, count: arcCount)
        var table: [Double] = []
        table.reserveCapacity(arcCount * 3)
        for arc in 0..<arcCount {
            offsets[arc] = Int32(table.count)
            let head = Int(network.arcHead[arc])
            for slot in Int(network.outStart[head])..<Int(network.outStart[head + 1]) {
                table.append(Self.turnCost(arc, Int(network.outArcs[slot]), arcEdge: network.arcEdge, exit: exit,
                                           entry: entry, headIsDeadEnd: deadEnd, penalties: penalties))
            }
        }
        turnOffset = offsets
        turnTable = table
    }

    static func turnCost(_ from: Int, _ to: Int, arcEdge: [Int32], exit: [(dx: Double, dy: Double)?],
                         entry: [(dx: Double, dy: Double)?], headIsDeadEnd: [Bool], penalties: TurnPenalties) -> Double {
        let reversal = arcEdge[from] == arcEdge[to] && from != to
        let kind = TurnRule.kind(angleDegrees: TurnRule.angleDegrees(exit[from], entry[to]),
                                 reversal: reversal, penalties: penalties)
        return TurnRule.cost(kind, reversal: reversal, atDeadEnd: headIsDeadEnd[from], penalties: penalties)
    }

    /// The same value as `network.turnCost(from:to:penalties:)`, from cached headings.
    @inline(__always)
    func turnCost(_ from: Int, _ to: Int) -> Double {
        Self.turnCost(from, to, arcEdge: arcEdge, exit: exitHeading, entry: entryHeading,
                      headIsDeadEnd: headIsDeadEnd, penalties: penalties)
    }

    /// The search. Scratch arrays are moved into locals for the loop, which spares Swift's run-time
    /// exclusivity checks on class properties in the hot path. `starts` are arcs already driven and what
    /// that cost; `settle` hears of each settled arc with its cost and returns true to stop there.
    func run(starts: [(arc: Int, cost: Double)], settle: (Int, Double) -> Bool) {
        var scratch = SearchScratch(stateCount: 0)
        swap(&scratch, &self.scratch)
        defer { swap(&scratch, &self.scratch) }
        scratch.reset()
        var heap = Heap<QueueEntry>()
        for (arc, cost) in starts where cost < scratch.distance[arc] {
            if scratch.distance[arc] == .infinity { scratch.touched.append(Int32(arc)) }
            scratch.distance[arc] = cost
            heap.insert(QueueEntry(key: cost, index: Int32(arc)))
        }
        outStart.withUnsafeBufferPointer { outStart in
        outArcs.withUnsafeBufferPointer { outArcs in
        arcHead.withUnsafeBufferPointer { arcHead in
        slotTime.withUnsafeBufferPointer { slotTime in
        turnOffset.withUnsafeBufferPointer { turnOffset in
        turnTable.withUnsafeBufferPointer { turnTable in
            while let entry = heap.popMin() {
                let arc = Int(entry.index)
                if scratch.settled[arc] { continue }
                scratch.settled[arc] = true
                let base = scratch.distance[arc]
                if settle(arc, base) { return }
                let node = Int(arcHead[arc])
                let first = Int(outStart[node])
                let turns = Int(turnOffset[arc]) - first
                for slot in first..<Int(outStart[node + 1]) {
                    let next = Int(outArcs[slot])
                    let candidate = base + turnTable[turns + slot] + slotTime[slot]
                    if candidate < scratch.distance[next] {
                        if scratch.distance[next] == .infinity { scratch.touched.append(Int32(next)) }
                        scratch.distance[next] = candidate
                        scratch.predecessor[next] = Int32(arc)
                        heap.insert(QueueEntry(key: candidate, index: Int32(next)))
                    }
                }
            }
        }}}}}}
    }

    /// Arcs from a start state to `arc` inclusive, following predecessors.
    func chain(to arc: Int) -> [Int] {
        var arcs = [arc]
        var current = arc
        while scratch.predecessor[current] >= 0 {
            current = Int(scratch.predecessor[current])
            arcs.append(current)
        }
        return arcs.reversed()
    }

    func describe(_ arcs: [Int], leadingTurnFrom before: Int?, trailingTurnInto after: Int?, source: Int,
                  target: Int) -> Route {
        var sequence = arcs
        if let before { sequence.insert(before, at: 0) }
        if let after { sequence.append(after) }
        var turns: [TurnKind] = []
        var turnSeconds = 0.0
        if sequence.count >= 2 {
            for i in 1..<sequence.count {
                turns.append(network.turnKind(from: sequence[i - 1], to: sequence[i], penalties: penalties))
                turnSeconds += network.turnCost(from: sequence[i - 1], to: sequence[i], penalties: penalties)
            }
        }
        return network.route(arcs: arcs, source: source, target: target, turns: turns, turnSeconds: turnSeconds)
    }

    /// Cheapest drive from node `source` to node `target`, counting turns between its arcs (none at
    /// either end). `cost` = travel seconds + turn seconds.
    public func path(from source: Int, to target: Int) -> Route? {
        if source == target { return network.route(arcs: [], source: source, target: target, cost: 0) }
        let starts = network.outgoingArcs(of: source).map { (arc: $0, cost: arcTime[$0]) }
        var reached: Int?
        run(starts: starts) { arc, _ in
            if Int(arcHead[arc]) == target { reached = arc }
            return reached != nil
        }
        guard let reached else { return nil }
        return describe(chain(to: reached), leadingTurnFrom: nil, trailingTurnInto: nil, source: source, target: target)
    }

    /// Having just driven `previous`, the cheapest way to start driving `next`: the arcs in between
    /// (empty when `next` follows directly), with `cost` = their travel seconds plus every turn penalty,
    /// including the turn out of `previous` and the turn into `next`, but not `next`'s own travel time.
    public func path(afterArc previous: Int, toArc next: Int) -> Route? {
        let cost = costs(afterArc: previous, toArcs: [next])[0]
        guard cost.isFinite, let via = enteredFrom[0] else { return nil }
        // The chain starts at `previous` itself, which is not part of the path between.
        let between = Array(chain(to: via).dropFirst())
        let route = describe(between, leadingTurnFrom: previous, trailingTurnInto: next,
                             source: Int(network.arcHead[previous]), target: Int(network.arcTail[next]))
        return route
    }

    /// For each target of the last `costs(afterArc:toArcs:)`, the arc it is best entered from.
    var enteredFrom: [Int?] = []

    /// For each target arc, the cost (as in `path(afterArc:toArc:)`) of reaching and turning into it after
    /// driving `previous`; `.infinity` where impossible. One search for all targets.
    public func costs(afterArc previous: Int, toArcs targets: [Int]) -> [Double] {
        var best = [Double](repeating: .infinity, count: targets.count)
        enteredFrom = Array(repeating: nil, count: targets.count)
        if targets.isEmpty { return [] }
        var targetsByTail: [Int: [Int]] = [:]
        for (index, arc) in targets.enumerated() { targetsByTail[Int(network.arcTail[arc]), default: []].append(index) }
        var unresolved = targets.count
        var bound = Double.infinity
        run(starts: [(previous, 0)]) { arc, cost in
            // Turn penalties are never negative, so once every target has a cost, nothing settled at or
            // beyond the largest of them can improve one.
            if cost >= bound { return true }
            if let waiting = targetsByTail[Int(arcHead[arc])] {
                for index in waiting {
                    let total = cost + turnCost(arc, targets[index])
                    if total < best[index] {
                        if best[index] == .infinity { unresolved -= 1 }
                        best[index] = total
                        enteredFrom[index] = arc
                    }
                }
                if unresolved == 0 { bound = best.max() ?? 0 }
            }
            return false
        }
        return best
    }
}
