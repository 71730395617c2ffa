import Foundation
import Geo
@testable import Planner
import Streets

/// The real embedded Southampton area, read from the repository.
enum Southampton {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = root.appendingPathComponent("geodata/southampton")

    static func area() throws -> Area { try Area.load(from: folder) }

    static func network() throws -> StreetNetwork {
        try StreetNetwork.load(contentsOf: folder.appendingPathComponent("streets.geojson"))
    }

    /// Nodes of the largest strongly connected piece (the one around the polygon patch), so that a pair can
    /// drive between any two of them.
    static func connectedNodes(area: Area, network: StreetNetwork) throws -> [Int] {
        let component = network.stronglyConnectedComponents().component
        let streets = try SweepRouterTests.patchStreets("polygon", area: area, network: network)
        let home = component[DayPlanner.centralNode(of: streets, network: network)]
        return (0..<network.nodeCount).filter { component[$0] == home }
    }
}

/// Checks a pair's day the way a planner would read it: in order, without gaps, inside the window.
enum PlanChecks {
    static func problems(_ pairPlan: PairPlan, revisitGapSeconds: Double) -> [String] {
        var problems: [String] = []
        var clock = Double(pairPlan.pair.windowStartSeconds)
        var firstWatch: [String: Double] = [:]
        for (index, step) in pairPlan.steps.enumerated() {
            let (start, end): (Double, Double)
            switch step {
            case let .leg(leg):
                (start, end) = (leg.startSeconds, leg.endSeconds)
                if leg.durationSeconds < 0 || leg.distanceMetres < 0 { problems.append("step \(index): negative leg") }
            case let .visit(visit):
                (start, end) = (visit.arrivalSeconds, visit.departureSeconds)
                if visit.dwellSeconds < Double(visit.hotspot.dwellSeconds) { problems.append("step \(index): dwell cut short") }
                if visit.isRevisit {
                    guard let first = firstWatch[visit.hotspot.id] else {
                        problems.append("step \(index): revisit of \(visit.hotspot.id) without a first watch")
                        continue
                    }
                    if visit.arrivalSeconds + 0.5 < first + revisitGapSeconds { problems.append("step \(index): revisit too soon") }
                } else {
                    firstWatch[visit.hotspot.id] = visit.arrivalSeconds
                }
            case let .wait(s, d, _):
                (start, end) = (s, s + d)
            }
            if abs(start - clock) > 0.01 { problems.append("step \(index) starts at \(start), expected \(clock)") }
            clock = end
        }
        if clock > Double(pairPlan.pair.windowEndSeconds) + 0.5 { problems.append("ends at \(clock), after the window") }
        // Consecutive drawn legs join up: the car never jumps (a private leg, to a home visit, has no line).
        let legs = pairPlan.legs
        for (a, b) in zip(legs, legs.dropFirst()) where a.path.count >= 2 && b.path.count >= 2 && a.path.last! != b.path.first! {
            let gap = hypot((a.path.last!.lon - b.path.first!.lon) * 70_000, (a.path.last!.lat - b.path.first!.lat) * 111_000)
            if gap > 1 { problems.append("legs do not join: \(Int(gap)) m gap") }
        }
        return problems
    }
}
