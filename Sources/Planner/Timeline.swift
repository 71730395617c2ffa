import Geo
import Streets

/// Builds a pair's steps in time order while the pair drives, watches and waits.
struct Timeline {
    let network: StreetNetwork
    let projection: Projection
    let penalties: TurnPenalties
    private(set) var now: Double
    private(set) var node: Int
    private(set) var steps: [PlanStep] = []
    private(set) var turnCounts: [String: Int] = [:]
    private var tracker: ManeuverTracker

    init(network: StreetNetwork, projection: Projection, penalties: TurnPenalties, startSeconds: Double, node: Int) {
        self.network = network
        self.projection = projection
        self.penalties = penalties
        self.now = startSeconds
        self.node = node
        self.tracker = ManeuverTracker(network: network)
    }

    /// Drives arcs in order; consecutive arcs of one kind on one street make one leg, until the driver
    /// must act (a turn, a U-turn) to stay on that street.
    mutating func drive(_ arcs: [Int], kinds: [RouteLeg.Kind]) throws {
        guard !arcs.isEmpty else { return }
        let onto = tracker.maneuvers(arcs)
        var index = 0
        while index < arcs.count {
            let kind = kinds[index]
            let street = network.name(ofEdge: network.edge(ofArc: arcs[index]))
            var end = index
            while end + 1 < arcs.count, kinds[end + 1] == kind, !onto[end + 1].maneuver.needsAction,
                  network.name(ofEdge: network.edge(ofArc: arcs[end + 1])) == street {
                end += 1
            }
            var length = 0.0
            var duration = 0.0
            var points: [GridPoint] = []
            for i in index...end {
                let arc = arcs[i]
                length += network.lengthMetres(ofArc: arc)
                duration += network.durationSeconds(ofArc: arc)
                if i + 1 < arcs.count {
                    let turn = network.turnKind(from: arc, to: arcs[i + 1], penalties: penalties)
                    duration += TurnTime.seconds(turn, penalties: penalties)
                    turnCounts[turn.rawValue, default: 0] += 1
                }
                let geometry = network.geometry(ofArc: arc)
                points.append(contentsOf: points.last == geometry.first ? Array(geometry.dropFirst()) : geometry)
            }
            let leg = RouteLeg(kind: kind, streets: [street], path: try projection.lonLat(points),
                               distanceMetres: length, durationSeconds: duration, startSeconds: now,
                               maneuver: onto[index].maneuver, roadClass: network.highway(ofEdge: network.edge(ofArc: arcs[index])),
                               startsAtDeadEnd: onto[index].atDeadEnd, roundaboutExit: onto[index].roundaboutExit)
            steps.append(.leg(leg))
            now += duration
            index = end + 1
        }
        tracker.drove(arcs)
        node = network.head(ofArc: arcs[arcs.count - 1])
    }

    /// Drives to or from a place that must stay private: the time counts, but no street or line is kept.
    mutating func privateDrive(_ arcs: [Int]) {
        guard !arcs.isEmpty else { return }
        var length = 0.0
        var duration = 0.0
        for (i, arc) in arcs.enumerated() {
            length += network.lengthMetres(ofArc: arc)
            duration += network.durationSeconds(ofArc: arc)
            if i + 1 < arcs.count {
                duration += TurnTime.seconds(network.turnKind(from: arc, to: arcs[i + 1], penalties: penalties), penalties: penalties)
            }
        }
        steps.append(.leg(RouteLeg(kind: .travel, streets: ["to a home visit"], path: [], distanceMetres: length,
                                   durationSeconds: duration, startSeconds: now)))
        tracker.forget()
        now += duration
        node = network.head(ofArc: arcs[arcs.count - 1])
    }

    mutating func visit(_ hotspot: Hotspot, isRevisit: Bool) {
        let visit = HotspotVisit(hotspot: hotspot, arrivalSeconds: now, dwellSeconds: Double(hotspot.dwellSeconds), isRevisit: isRevisit)
        steps.append(.visit(visit))
        now += Double(hotspot.dwellSeconds)
    }

    mutating func wait(until time: Double, reason: String) {
        guard time > now + 0.5 else { return }
        steps.append(.wait(startSeconds: now, durationSeconds: time - now, reason: reason))
        now = time
    }

    /// A stop whose place must not be written anywhere (a home visit): it takes time, nothing else.
    mutating func privateStop(seconds: Double) {
        steps.append(.wait(startSeconds: now, durationSeconds: seconds, reason: "home visit"))
        now += seconds
    }
}
