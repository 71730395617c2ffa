import Geo
import Solvers
import Streets

/// Builds the coverage drive of a set of streets: a mixed rural postman tour (one-way streets as arcs,
/// two-way streets as edges) over the streets near the patch, with turns paired at each junction to
/// avoid right turns and U-turns, then mapped back to network arcs.
public struct SweepRouter: Sendable {
    public let network: StreetNetwork
    public let penalties: TurnPenalties
    /// How far beyond the patch the pair may deadhead before the whole network is used.
    public var marginMetres: Double = 500
    /// Flow re-solves the postman solver may spend improving a tour (see MixedRuralPostman).
    public var improvementBudget: Int = 400
    let component: [Int]

    public init(network: StreetNetwork, penalties: TurnPenalties = .ukDefaults) {
        self.network = network
        self.penalties = penalties
        self.component = network.stronglyConnectedComponents().component
    }

    /// The required edges a pair starting at `start` can drive and come back from.
    public func reachable(_ edges: [Int], from start: Int) -> (reachable: [Int], unreachable: [Int]) {
        let home = component[start]
        var good: [Int] = []
        var bad: [Int] = []
        for edge in edges {
            let record = network.edges[edge]
            if component[record.fromNode] == home && component[record.toNode] == home {
                good.append(edge)
            } else {
                bad.append(edge)
            }
        }
        return (good, bad)
    }

    public func tour(requiredEdges: [Int], from start: Int) throws -> SweepTour {
        let (required, unreachable) = reachable(Array(Set(requiredEdges)).sorted(), from: start)
        guard !required.isEmpty else {
            return SweepTour(startNode: start, arcs: [], services: [], lengthMetres: 0, durationSeconds: 0,
                             turnCounts: [:], unreachableEdges: unreachable)
        }
        var margin = marginMetres
        while true {
            let local = LocalGraph(network: network, required: required, start: start, marginMetres: margin)
            do {
                let tour = try solve(local, required: required, start: start)
                return SweepTour(startNode: start, arcs: tour.arcs, services: tour.services, lengthMetres: tour.length,
                                 durationSeconds: tour.duration, turnCounts: tour.turns, unreachableEdges: unreachable)
            } catch SolverError.unreachableRequired {
                // A one-way street that leaves the patch needs a way back from further out.
                guard !local.coversWholeNetwork else { throw SolverError.unreachableRequired(arcs: [], edges: required) }
                margin *= 3
            }
        }
    }

    /// The postman instance of the local graph (travel seconds as costs), with the network arc each of its
    /// arcs drives and the two network arcs of each of its edges.
    private func instance(_ local: LocalGraph, required: [Int], start: Int)
        -> (instance: PostmanInstance, arcOfArc: [Int], arcsOfEdge: [(forward: Int, backward: Int)])
    {
        let requiredSet = Set(required)
        var instance = PostmanInstance(nodeCount: local.nodes.count, depot: local.localIndex[start])
        var arcOfArc: [Int] = []
        var arcsOfEdge: [(forward: Int, backward: Int)] = []
        for edge in local.edges {
            let record = network.edges[edge]
            let u = local.localIndex[record.fromNode]!
            let v = local.localIndex[record.toNode]!
            let cost = record.durationSeconds
            let isRequired = requiredSet.contains(edge)
            switch (record.forwardArc, record.backwardArc) {
            case let (forward?, backward?):
                instance.edges.append(PostmanInstance.Edge(u, v, cost: cost, required: isRequired))
                arcsOfEdge.append((forward, backward))
            case let (forward?, nil):
                instance.arcs.append(PostmanInstance.Arc(from: u, to: v, cost: cost, required: isRequired))
                arcOfArc.append(forward)
            case let (nil, backward?):
                instance.arcs.append(PostmanInstance.Arc(from: v, to: u, cost: cost, required: isRequired))
                arcOfArc.append(backward)
            case (nil, nil):
                continue
            }
        }
        return (instance, arcOfArc, arcsOfEdge)
    }

    /// Seconds of driving (turns aside) that no sweep of these streets from `start` on the local graph
    /// within `marginMetres` can go below: the balance bound of the mixed rural postman on the graph the
    /// tour is built on (unless the tour had to widen it). Nil with nothing to sweep or no balance there.
    public func lowerBoundSeconds(requiredEdges: [Int], from start: Int) throws -> Double? {
        let required = reachable(Array(Set(requiredEdges)).sorted(), from: start).reachable
        guard !required.isEmpty else { return nil }
        let local = LocalGraph(network: network, required: required, start: start, marginMetres: marginMetres)
        return try MixedRuralPostman.balanceLowerBound(instance(local, required: required, start: start).instance)
    }

    private func solve(_ local: LocalGraph, required: [Int], start: Int) throws
        -> (arcs: [Int], services: [Bool], length: Double, duration: Double, turns: [String: Int])
    {
        let (instance, arcOfArc, arcsOfEdge) = instance(local, required: required, start: start)
        func networkArc(_ traversal: Traversal) -> Int {
            switch traversal {
            case let .arc(i): arcOfArc[i]
            case let .edge(i, forward): forward ? arcsOfEdge[i].forward : arcsOfEdge[i].backward
            }
        }
        let network = self.network
        let penalties = self.penalties
        let model = TurnModel(
            penalty: { a, b in network.turnCost(from: networkArc(a), to: networkArc(b), penalties: penalties) },
            kind: { a, b in
                switch network.turnKind(from: networkArc(a), to: networkArc(b), penalties: penalties) {
                case .straight: .straight
                case .left: .left
                case .right: .right
                case .uTurn: .uTurn
                }
            })
        let tour = try MixedRuralPostman.solve(instance, turns: model, improvementBudget: improvementBudget)
        let arcs = tour.traversals.map(networkArc)
        var length = 0.0
        var duration = 0.0
        var turns: [String: Int] = [:]
        for (index, arc) in arcs.enumerated() {
            length += network.lengthMetres(ofArc: arc)
            duration += network.durationSeconds(ofArc: arc)
            // The tour is closed, but the last arc's turn back into the first is not driven.
            if index + 1 < arcs.count {
                let kind = network.turnKind(from: arc, to: arcs[index + 1], penalties: penalties)
                duration += TurnTime.seconds(kind, penalties: penalties)
                turns[kind.rawValue, default: 0] += 1
            }
        }
        return (arcs, tour.services, length, duration, turns)
    }
}

/// The part of the network within a margin of the required streets, in local node numbers.
struct LocalGraph {
    let nodes: [Int]
    let localIndex: [Int: Int]
    let edges: [Int]
    let coversWholeNetwork: Bool

    init(network: StreetNetwork, required: [Int], start: Int, marginMetres: Double) {
        var minE = network.nodePoints[start].easting, maxE = minE
        var minN = network.nodePoints[start].northing, maxN = minN
        for edge in required {
            for node in [network.edges[edge].fromNode, network.edges[edge].toNode] {
                let p = network.nodePoints[node]
                minE = min(minE, p.easting); maxE = max(maxE, p.easting)
                minN = min(minN, p.northing); maxN = max(maxN, p.northing)
            }
        }
        minE -= marginMetres; maxE += marginMetres; minN -= marginMetres; maxN += marginMetres
        func inside(_ node: Int) -> Bool {
            let p = network.nodePoints[node]
            return p.easting >= minE && p.easting <= maxE && p.northing >= minN && p.northing <= maxN
        }
        var kept: [Int] = []
        var index: [Int: Int] = [:]
        var edges: [Int] = []
        for edge in 0..<network.edgeCount {
            let record = network.edges[edge]
            guard inside(record.fromNode), inside(record.toNode) else { continue }
            for node in [record.fromNode, record.toNode] where index[node] == nil {
                index[node] = kept.count
                kept.append(node)
            }
            edges.append(edge)
        }
        if index[start] == nil {
            index[start] = kept.count
            kept.append(start)
        }
        nodes = kept
        localIndex = index
        self.edges = edges
        coversWholeNetwork = edges.count == network.edgeCount
    }
}
