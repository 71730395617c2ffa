import Foundation
import Geo
import Streets

/// Splits a patch too big for one pair's window into two halves of about equal sweep time: a
/// balanced min–max partition of its streets. Streets are ordered along the patch's principal axis
/// (the long way across it); cuts at several balance points are priced by the coverage solver, and
/// the cut whose longer half is shortest wins.
enum PatchSplit {
    static func split(_ prepared: DayPlanner.PreparedPatch, router: SweepRouter, network: StreetNetwork) throws -> [DayPlanner.PreparedPatch]? {
        let edges = prepared.streets.requiredEdges
        guard edges.count >= 4 else { return nil }
        let mids = edges.map { Polyline.midpoint(network.geometry(ofEdge: $0)) ?? network.nodePoints[network.edges[$0].fromNode] }
        let weights = edges.map { max(1, network.edges[$0].durationSeconds) }
        let total = weights.reduce(0, +)
        let ce = zip(mids, weights).reduce(0) { $0 + $1.0.easting * $1.1 } / total
        let cn = zip(mids, weights).reduce(0) { $0 + $1.0.northing * $1.1 } / total
        var sxx = 0.0, sxy = 0.0, syy = 0.0
        for (p, w) in zip(mids, weights) {
            let dx = p.easting - ce, dy = p.northing - cn
            sxx += w * dx * dx; sxy += w * dx * dy; syy += w * dy * dy
        }
        // Principal axis of the 2×2 covariance: the angle that maximises the spread.
        let angle = 0.5 * atan2(2 * sxy, sxx - syy)
        let ux = cos(angle), uy = sin(angle)
        let order = edges.indices.sorted {
            let a = (mids[$0].easting - ce) * ux + (mids[$0].northing - cn) * uy
            let b = (mids[$1].easting - ce) * ux + (mids[$1].northing - cn) * uy
            return a != b ? a < b : edges[$0] < edges[$1]
        }
        var quick = router
        quick.improvementBudget = min(router.improvementBudget, 50)
        var best: (halves: [[Int]], longest: Double)?
        for fraction in [0.4, 0.45, 0.5, 0.55, 0.6] {
            var running = 0.0
            var first: [Int] = []
            var second: [Int] = []
            for i in order {
                if running < fraction * total { first.append(edges[i]) } else { second.append(edges[i]) }
                running += weights[i]
            }
            guard !first.isEmpty, !second.isEmpty else { continue }
            let a = try quick.tour(requiredEdges: first, from: startNode(for: first, prepared: prepared, network: network))
            let b = try quick.tour(requiredEdges: second, from: startNode(for: second, prepared: prepared, network: network))
            let longest = max(a.durationSeconds, b.durationSeconds)
            if best == nil || longest < best!.longest { best = ([first, second], longest) }
        }
        guard let best else { return nil }
        return try best.halves.enumerated().map { index, half in
            let set = Set(half)
            let hotspots = prepared.hotspots.filter { entry in
                network.outgoingArcs(of: entry.node).contains { set.contains(network.edge(ofArc: $0)) }
                    || network.incomingArcs(of: entry.node).contains { set.contains(network.edge(ofArc: $0)) }
            }
            let start = hotspots.first?.node ?? startNode(for: half, prepared: prepared, network: network)
            var patch = prepared.patch
            patch.id = "\(prepared.patch.id)-\(index + 1)"
            patch.name = "\(prepared.patch.name) (part \(index + 1) of 2)"
            let length = half.reduce(0) { $0 + network.edges[$1].lengthMetres }
            let streets = PatchStreets(patchID: patch.id, requiredEdges: half.sorted(),
                                       scanPaths: index == 0 ? prepared.streets.scanPaths : [], requiredLengthMetres: length)
            return DayPlanner.PreparedPatch(patch: patch, streets: streets, hotspots: hotspots, startNode: start,
                                            tour: try router.tour(requiredEdges: half, from: start))
        }
    }

    static func startNode(for edges: [Int], prepared: DayPlanner.PreparedPatch, network: StreetNetwork) -> Int {
        let set = Set(edges)
        if let hotspot = prepared.hotspots.first(where: { entry in
            network.outgoingArcs(of: entry.node).contains { set.contains(network.edge(ofArc: $0)) }
        }) {
            return hotspot.node
        }
        return DayPlanner.centralNode(of: PatchStreets(patchID: "", requiredEdges: edges, scanPaths: [], requiredLengthMetres: 0), network: network)
    }
}
