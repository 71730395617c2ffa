import Streets

/// A one-way street of the patch whose far end has no way back into the patch on the patch's own streets,
/// so the sweep has to come back through the network outside it. Planners want to know: the car leaves
/// the patch there, and the outside streets are not part of the sweep.
public struct OutsideReturn: Sendable, Hashable {
    public let edge: Int
    /// Streets outside the patch the sweep drives from this street until it is back inside, in order,
    /// each once.
    public let outsideEdges: [Int]

    /// One line per street name, in driving order: "Exit Lane, back outside the patch by Outer Road, Ring Road", with the
    /// segment count when a street has several.
    public static func texts(_ returns: [OutsideReturn], network: StreetNetwork) -> [String] {
        var order: [String] = []
        var segments: [String: Int] = [:]
        var outside: [String: [String]] = [:]
        for item in returns {
            let street = network.label(ofEdge: item.edge)
            if segments[street] == nil { order.append(street) }
            segments[street, default: 0] += 1
            for edge in item.outsideEdges {
                let name = network.label(ofEdge: edge)
                if !(outside[street] ?? []).contains(name) { outside[street, default: []].append(name) }
            }
        }
        return order.map { street in
            let count = segments[street]! > 1 ? " (\(segments[street]!) segments)" : ""
            let back = outside[street].map { ", back outside the patch by " + StreetList.text($0) } ?? ""
            return street + count + back
        }
    }

    /// The one-way streets among `patchEdges` with no way back inside, and how `tour` gets back from each.
    public static func find(tour: SweepTour, patchEdges: [Int], network: StreetNetwork) -> [OutsideReturn] {
        let inside = Set(patchEdges)
        var result: [OutsideReturn] = []
        for (index, arc) in tour.arcs.enumerated() where tour.services[index] {
            let edge = network.edge(ofArc: arc)
            guard inside.contains(edge), network.reverse(ofArc: arc) == nil else { continue }
            let tail = network.tail(ofArc: arc)
            let backInside = nodesReaching(tail, within: inside, network: network)
            guard !backInside.contains(network.head(ofArc: arc)) else { continue }
            // The outside streets the tour drives (cyclically) before it is on a patch street again.
            var outside: [Int] = []
            var step = (index + 1) % tour.arcs.count
            while step != index, !inside.contains(network.edge(ofArc: tour.arcs[step])) {
                let next = network.edge(ofArc: tour.arcs[step])
                if !outside.contains(next) { outside.append(next) }
                step = (step + 1) % tour.arcs.count
            }
            result.append(OutsideReturn(edge: edge, outsideEdges: outside))
        }
        return result
    }

    /// Nodes with a drive to `target` on the arcs of `edges` alone (a backwards search).
    private static func nodesReaching(_ target: Int, within edges: Set<Int>, network: StreetNetwork) -> Set<Int> {
        var seen: Set<Int> = [target]
        var stack = [target]
        while let node = stack.popLast() {
            for arc in network.incomingArcs(of: node) where edges.contains(network.edge(ofArc: arc)) {
                let tail = network.tail(ofArc: arc)
                if seen.insert(tail).inserted { stack.append(tail) }
            }
        }
        return seen
    }
}
