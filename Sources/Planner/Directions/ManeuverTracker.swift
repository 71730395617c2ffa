import Geo
import Streets

/// Follows the car along the street graph and names the maneuver onto each arc it drives: the route's
/// own angle from the line driven, the other roads at the junction from the graph.
struct ManeuverTracker {
    let network: StreetNetwork
    /// The end of the line driven so far, long enough to look back `lookMetres` past dense vertices.
    private var trail: [GridPoint] = []
    private var lastArc: Int?
    static let trailPoints = 200

    init(network: StreetNetwork) { self.network = network }

    struct Onto: Hashable {
        var maneuver: Maneuver
        var atDeadEnd: Bool
        /// For a `roundabout`: the number of the exit taken, counting the ways off the ring from the entry.
        var roundaboutExit: Int? = nil
    }

    /// The maneuver onto each of `arcs`, driven in order after what was driven before.
    func maneuvers(_ arcs: [Int]) -> [Onto] {
        var points = trail
        var starts: [Int] = []
        for arc in arcs {
            let geometry = network.geometry(ofArc: arc)
            if let last = points.last, last == geometry.first {
                starts.append(points.count - 1)
                points += geometry.dropFirst()
            } else {
                starts.append(points.count)
                points += geometry
            }
        }
        var result = arcs.indices.map { i in
            let incoming = i > 0 ? arcs[i - 1] : lastArc
            guard let incoming else { return Onto(maneuver: .depart, atDeadEnd: false) }
            return onto(arcs[i], from: incoming, along: points, at: starts[i])
        }
        Roundabouts(network: network).mark(&result, arcs: arcs, incoming: lastArc)
        return result
    }

    /// Records `arcs` as driven.
    mutating func drove(_ arcs: [Int]) {
        guard let last = arcs.last else { return }
        var points = trail
        for arc in arcs {
            let geometry = network.geometry(ofArc: arc)
            points += points.last == geometry.first ? Array(geometry.dropFirst()) : geometry
        }
        trail = Array(points.suffix(Self.trailPoints))
        lastArc = last
    }

    /// Forgets the way the car came (after a drive whose line is not kept): the next leg departs.
    mutating func forget() {
        trail = []
        lastArc = nil
    }

    func onto(_ arc: Int, from incoming: Int, along points: [GridPoint], at index: Int) -> Onto {
        let node = network.tail(ofArc: arc)
        let deadEnd = network.isDeadEnd(node)
        let reverses = network.edge(ofArc: incoming) == network.edge(ofArc: arc) && incoming != arc
        guard let into = TurnAngle.into(points, at: index), let out = TurnAngle.outOf(points, at: index) else {
            return Onto(maneuver: reverses ? .uTurn : .continue, atDeadEnd: deadEnd)
        }
        let others = network.outgoingArcs(of: node).filter {
            $0 != arc && network.edge(ofArc: $0) != network.edge(ofArc: incoming)
        }
        let otherAngles = others.compactMap { other -> Double? in
            let geometry = network.geometry(ofArc: other)
            return TurnAngle.outOf(geometry, at: 0).map { TurnAngle.degrees(from: into, to: $0) }
        }
        let sameStreet = network.name(ofEdge: network.edge(ofArc: incoming)) == network.name(ofEdge: network.edge(ofArc: arc))
        let maneuver = Maneuver.at(angleDegrees: TurnAngle.degrees(from: into, to: out), otherAngles: otherAngles,
                                   sameStreet: sameStreet, reverses: reverses)
        return Onto(maneuver: maneuver, atDeadEnd: deadEnd)
    }
}
