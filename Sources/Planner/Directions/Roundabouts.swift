import Geo
import Streets

/// Roundabouts found from the graph, since streets.geojson does not carry OpenStreetMap's
/// `junction=roundabout` (the importer keeps only the `oneway` it implies): a one-way arc is on a
/// roundabout when keeping to the rightmost one-way way on (UK roundabouts run clockwise) brings the car
/// back to it within a short ring whose ways all bear one name (or none). A one-way block of streets
/// with their own names is not a ring.
struct Roundabouts {
    let network: StreetNetwork
    static let maxRingMetres = 400.0
    static let maxRingArcs = 16

    func isRing(_ arc: Int) -> Bool {
        let edge = network.edge(ofArc: arc)
        guard network.edges[edge].oneway != .no else { return false }
        let name = network.name(ofEdge: edge)
        var current = arc
        var metres = network.lengthMetres(ofArc: arc)
        for _ in 0..<Self.maxRingArcs {
            guard let next = ringNext(current), network.name(ofEdge: network.edge(ofArc: next)) == name else { return false }
            if next == arc { return true }
            metres += network.lengthMetres(ofArc: next)
            if metres > Self.maxRingMetres { return false }
            current = next
        }
        return false
    }

    /// The rightmost one-way arc on from the end of `arc`, if any.
    func ringNext(_ arc: Int) -> Int? {
        let geometry = network.geometry(ofArc: arc)
        guard let into = TurnAngle.into(geometry, at: geometry.count - 1) else { return nil }
        let edge = network.edge(ofArc: arc)
        let candidates = network.outgoingArcs(of: network.head(ofArc: arc)).filter {
            network.edge(ofArc: $0) != edge && network.edges[network.edge(ofArc: $0)].oneway != .no
        }
        return candidates.compactMap { candidate -> (Int, Double)? in
            guard let out = TurnAngle.outOf(network.geometry(ofArc: candidate), at: 0) else { return nil }
            return (candidate, TurnAngle.degrees(from: into, to: out))
        }.min { $0.1 < $1.1 }?.0
    }

    /// Ways off the ring at the end of a ring arc.
    func exits(after arc: Int) -> Int {
        network.outgoingArcs(of: network.head(ofArc: arc)).filter { !isRing($0) }.count
    }

    /// Marks roundabouts in `onto` (one entry per arc of `arcs`, `incoming` the arc driven before them):
    /// the arc entering a ring gets `roundabout` and the number of the exit taken, the rest of the ring
    /// nothing to do, and the exit `continue`.
    func mark(_ onto: inout [ManeuverTracker.Onto], arcs: [Int], incoming: Int?) {
        var i = 0
        while i < arcs.count {
            let before = i > 0 ? arcs[i - 1] : incoming
            guard let before, onto[i].maneuver != .depart, isRing(arcs[i]), !isRing(before) else {
                i += 1
                continue
            }
            var last = i
            var passed = 0
            while last + 1 < arcs.count, isRing(arcs[last + 1]) {
                passed += exits(after: arcs[last])
                last += 1
            }
            for k in (i + 1)..<(last + 1) { onto[k].maneuver = .carryOn }
            onto[i].maneuver = .roundabout
            if last + 1 < arcs.count {
                onto[i].roundaboutExit = passed + 1
                onto[last + 1].maneuver = .continue
            }
            i = last + 1
        }
    }
}
