import Foundation
import Geo
import Testing
@testable import Planner
import Streets

/// Maneuvers and their words at junctions built by hand, and on the Southampton plan against the signed
/// angle computed here from the legs' own coordinates.
@Suite struct DirectionsTests {
    /// A junction J at the origin of a small BNG frame near Southampton, with named roads out of it.
    struct Junction {
        static let origin = GridPoint(easting: 440_000, northing: 112_000)
        var segments: [StreetSegment] = []
        var ids: [String: Int64] = ["J": 1]

        func point(_ x: Double, _ y: Double) -> GridPoint {
            GridPoint(easting: Self.origin.easting + x, northing: Self.origin.northing + y)
        }

        /// A road from J to the named end at (x, y) metres.
        mutating func road(_ name: String, to end: String, _ x: Double, _ y: Double) {
            let id = Int64(ids.count + 1)
            ids[end] = id
            segments.append(StreetSegment(osmWayID: id, fromNode: 1, toNode: id, name: name,
                                          geometry: [point(0, 0), point(x / 2, y / 2), point(x, y)]))
        }

        /// The legs of driving through the named nodes in order.
        func legs(_ nodes: [String]) throws -> [RouteLeg] {
            let network = try StreetNetwork(segments: segments)
            var arcs: [Int] = []
            for (from, to) in zip(nodes, nodes.dropFirst()) {
                let tail = try #require(network.node(osmID: ids[from]!))
                let head = try #require(network.node(osmID: ids[to]!))
                arcs.append(try #require(network.outgoingArcs(of: tail).first { network.head(ofArc: $0) == head }))
            }
            var timeline = Timeline(network: network, projection: try Projection.bng(), penalties: .ukDefaults,
                                    startSeconds: 36_000, node: network.tail(ofArc: arcs[0]))
            try timeline.drive(arcs, kinds: Array(repeating: .sweep, count: arcs.count))
            return timeline.steps.compactMap { if case let .leg(leg) = $0 { leg } else { nil } }
        }

        func instructions(_ nodes: [String]) throws -> [String] {
            let legs = try legs(nodes)
            return zip(legs, [nil] + legs.dropLast()).map { LegInstruction.text($0, previous: $1) }
        }
    }

    static var tJunction: Junction {
        var j = Junction()
        j.road("West Street", to: "W", -100, 0)
        j.road("East Street", to: "E", 100, 0)
        j.road("Side Road", to: "S", 0, -100)
        return j
    }

    @Test func aTJunctionTurnsRightIntoTheSideRoadAndLeftOutOfIt() throws {
        let j = Self.tJunction
        #expect(try j.instructions(["W", "J", "S"]) == ["Head east on West Street", "Turn right onto Side Road"])
        #expect(try j.instructions(["S", "J", "W"]) == ["Head north on Side Road", "Turn left onto West Street"])
        #expect(try j.instructions(["S", "J", "E"]) == ["Head north on Side Road", "Turn right onto East Street"])
        #expect(try j.legs(["W", "J", "S"]).map(\.maneuver) == [.depart, .turnRight])
    }

    @Test func straightOnOntoANewNameContinuesAndOnTheSameNameSaysNothing() throws {
        var j = Self.tJunction
        #expect(try j.instructions(["W", "J", "E"]) == ["Head east on West Street", "Continue onto East Street"])
        j.segments[1].name = "West Street"
        let legs = try j.legs(["W", "J", "E"])
        #expect(legs.count == 1, "the road simply goes on: one leg, no maneuver")
        #expect(legs.first?.maneuver == .depart)
    }

    @Test func aCrossroadsTurnsLeftRightAndGoesStraightOver() throws {
        var j = Self.tJunction
        j.road("North Road", to: "N", 0, 100)
        #expect(try j.legs(["W", "J", "N"]).map(\.maneuver) == [.depart, .turnLeft])
        #expect(try j.legs(["W", "J", "S"]).map(\.maneuver) == [.depart, .turnRight])
        #expect(try j.legs(["N", "J", "S"]).map(\.maneuver) == [.depart, .continue])
        #expect(try j.instructions(["E", "J", "N"]) == ["Head west on East Street", "Turn right onto North Road"])
    }

    @Test func aForkKeepsLeftOrRight() throws {
        var j = Junction()
        j.road("Main Road", to: "W", -100, 0)
        j.road("Upper Road", to: "U", 100, 40)
        j.road("Lower Road", to: "L", 100, -40)
        #expect(try j.instructions(["W", "J", "U"]) == ["Head east on Main Road", "Keep left onto Upper Road"])
        #expect(try j.instructions(["W", "J", "L"]) == ["Head east on Main Road", "Keep right onto Lower Road"])
    }

    @Test func slightAndSharpTurnsFollowTheThresholds() throws {
        var j = Junction()
        j.road("Main Road", to: "W", -100, 0)
        j.road("Side Road", to: "S", 0, -100)
        j.road("Bend Road", to: "B", 100, 60)       // 31° left
        j.road("Back Lane", to: "K", -100, -40)     // 158° right
        #expect(try j.instructions(["W", "J", "B"]) == ["Head east on Main Road", "Slight left onto Bend Road"])
        #expect(try j.instructions(["W", "J", "K"]) == ["Head east on Main Road", "Sharp right onto Back Lane"])
    }

    @Test func aDeadEndIsDrivenInTurnedRoundAndLeftAsOneStep() throws {
        var j = Self.tJunction
        j.segments[1].name = "West Street"
        j.segments[2].name = "Cherry Walk"
        let legs = try j.legs(["W", "J", "S", "J", "E"])
        #expect(legs.map(\.maneuver) == [.depart, .turnRight, .uTurn, .turnRight])
        #expect(legs.map(\.startsAtDeadEnd) == [false, false, true, false])
        #expect(zip(legs, [nil] + legs.dropLast()).map { LegInstruction.text($0, previous: $1) } == [
            "Head east on West Street", "Turn right onto Cherry Walk", "Turn round at the dead end of Cherry Walk",
            "Turn right onto West Street",
        ])
        let pair = Pair(id: "pair-1", baseName: "base", base: legs[0].path[0])
        let steps = Directions.steps(PairPlan(pair: pair, patches: ["p"], steps: legs.map { .leg($0) }))
        #expect(steps.map(\.text) == [
            "Head east on West Street", "Turn right onto Cherry Walk: in and back out, dead end",
            "Turn right onto West Street", "Arrive back at base",
        ])
        #expect(steps[1].details.map(\.text) == ["Turn round at the dead end of Cherry Walk"])
    }

    /// A clockwise one-way ring of radius 20 m with a two-way road out of each quarter.
    static var roundabout: Junction {
        var j = Junction()
        let ring: [(String, Double, Double)] = [("RW", -20, 0), ("RN", 0, 20), ("RE", 20, 0), ("RS", 0, -20)]
        for (index, node) in ring.enumerated() { j.ids[node.0] = Int64(10 + index) }
        for (index, from) in ring.enumerated() {
            let to = ring[(index + 1) % ring.count]
            // A quarter arc, clockwise, through the point midway round.
            let mid = ((from.1 + to.1) / 2 * 1.414, (from.2 + to.2) / 2 * 1.414)
            j.segments.append(StreetSegment(osmWayID: Int64(100 + index), fromNode: j.ids[from.0]!, toNode: j.ids[to.0]!,
                                            name: "Test Roundabout", highway: "primary", oneway: .yes,
                                            geometry: [j.point(from.1, from.2), j.point(mid.0, mid.1), j.point(to.1, to.2)]))
        }
        for (index, (road, node, x, y)) in [("West Road", "RW", -120.0, 0.0), ("North Road", "RN", 0, 120), ("East Road", "RE", 120, 0),
                                           ("South Road", "RS", 0, -120)].enumerated() {
            let end = "far-" + node
            j.ids[end] = Int64(200 + index)
            let start = (x / 6, y / 6)
            j.segments.append(StreetSegment(osmWayID: Int64(200 + index), fromNode: j.ids[node]!, toNode: j.ids[end]!, name: road,
                                            geometry: [j.point(start.0, start.1), j.point(x / 2, y / 2), j.point(x, y)]))
        }
        return j
    }

    @Test func aRoundaboutIsEnteredAndLeftByItsExitNumber() throws {
        let j = Self.roundabout
        #expect(try j.instructions(["far-RW", "RW", "RN", "RE", "far-RE"]) == [
            "Head east on West Road", "At Test Roundabout, take the 2nd exit", "Continue onto East Road",
        ])
        #expect(try j.instructions(["far-RW", "RW", "RN", "far-RN"]) == [
            "Head east on West Road", "At Test Roundabout, take the 1st exit", "Continue onto North Road",
        ])
        #expect(try j.instructions(["far-RS", "RS", "RW", "RN", "RE", "far-RE"]) == [
            "Head north on South Road", "At Test Roundabout, take the 3rd exit", "Continue onto East Road",
        ])
        let legs = try j.legs(["far-RW", "RW", "RN", "RE", "far-RE"])
        #expect(legs.map(\.maneuver) == [.depart, .roundabout, .continue])
        #expect(legs[1].roundaboutExit == 2)
        #expect(LegInstruction.short(legs[1], previous: legs[0]) == "Roundabout: exit 2")
    }

    @Test func aOneWayBlockOfNamedStreetsIsNoRoundabout() throws {
        var j = Self.roundabout
        for index in 0..<4 { j.segments[index].name = ["Church Street", "High Street", "Mill Lane", "Park Road"][index] }
        let maneuvers = try j.legs(["far-RW", "RW", "RN", "RE", "far-RE"]).compactMap(\.maneuver)
        #expect(!maneuvers.contains(.roundabout))
    }

    @Test func unnamedRoadsAreNamedByTheirClass() throws {
        var j = Self.tJunction
        j.segments[2].name = ""
        j.segments[2].highway = "service"
        #expect(try j.instructions(["W", "J", "S"]) == ["Head east on West Street", "Turn right onto unnamed road (service)"])
    }

    @Test(arguments: [
        (10.0, [90.0, -90.0], false, Maneuver.continue), (10.0, [90.0, -90.0], true, .carryOn),
        (30.0, [-90.0], false, .slightLeft), (30.0, [-90.0], true, .carryOn), (-30.0, [90.0], false, .slightRight),
        (90.0, [0.0], false, .turnLeft), (-90.0, [0.0], true, .turnRight),
        (150.0, [0.0], false, .sharpLeft), (-150.0, [0.0], false, .sharpRight),
        (20.0, [-20.0], false, .keepLeft), (-5.0, [30.0], false, .keepRight), (2.0, [30.0], true, .carryOn),
        (90.0, [], false, .continue), (90.0, [], true, .carryOn),
    ])
    func thresholdsNameTheManeuver(angle: Double, others: [Double], sameStreet: Bool, expected: Maneuver) {
        #expect(Maneuver.at(angleDegrees: angle, otherAngles: others, sameStreet: sameStreet, reverses: false) == expected)
    }

    /// On the Southampton plan, every left or right maneuver of a clear turn (over 45°) is on the side of the
    /// signed angle between the incoming and outgoing lines, taken here 15 m either side of the leg's first
    /// point along the legs' own coordinates (never past a U-turn, where the line retraces itself, and never
    /// ahead past a watch or a wait, where the car stops and may turn round).
    @Test func everyClearTurnOfTheSouthamptonPlanIsOnTheSideOfItsAngle() throws {
        let plan = try DayPlannerTests.plan(DayPlannerTests.options)
        let projection = try Projection.bng()
        let lefts: Set<Maneuver> = [.turnLeft, .sharpLeft, .slightLeft, .keepLeft]
        let rights: Set<Maneuver> = [.turnRight, .sharpRight, .slightRight, .keepRight]
        var checked = 0
        for pairPlan in plan.pairPlans {
            var line: [GridPoint] = []
            var starts: [(leg: RouteLeg, at: Int, runStart: Int)] = []
            var runEnds: [Int: Int] = [:]
            var runStart = 0
            for step in pairPlan.steps {
                guard case let .leg(leg) = step, !leg.path.isEmpty else {
                    runEnds[runStart] = line.count - 1
                    runStart = line.count
                    continue
                }
                let points = try leg.path.map { try projection.grid($0) }
                let shared = line.last == points.first
                starts.append((leg, shared ? line.count - 1 : line.count, runStart))
                line += shared ? Array(points.dropFirst()) : points
            }
            runEnds[runStart] = line.count - 1
            for (leg, at, run) in starts {
                guard let maneuver = leg.maneuver, lefts.contains(maneuver) || rights.contains(maneuver),
                      let angle = Self.signedAngle(line, at: at, aheadUpTo: runEnds[run] ?? line.count - 1) else { continue }
                // A fork may be kept at any small angle; a slight turn is 20° or more, a turn 45° or more.
                let least: Double = [.keepLeft, .keepRight].contains(maneuver) ? 0 : [.slightLeft, .slightRight].contains(maneuver) ? 19 : 44
                #expect(abs(angle) >= least, "\(pairPlan.pair.id) \(maneuver) onto \(leg.streetLabel) at only \(angle)°")
                guard abs(angle) > 45 else { continue }
                checked += 1
                #expect(lefts.contains(maneuver) == (angle > 0),
                        "\(pairPlan.pair.id): \(maneuver) onto \(leg.streetLabel) but the line turns \(angle)° (positive is left)")
            }
        }
        #expect(checked > 30, "the plan has clear turns to check: \(checked)")
    }

    /// The angle at `line[index]` between the stretch 15 m before it and 15 m after it, in degrees, left
    /// positive; neither stretch goes past a vertex where the line retraces itself.
    static func signedAngle(_ line: [GridPoint], at index: Int, aheadUpTo limit: Int) -> Double? {
        func walk(_ step: Int, to end: Int) -> GridPoint? {
            var left = 15.0
            var here = line[index]
            var i = index + step
            while i >= 0, i <= end {
                let there = line[i]
                let d = hypot(there.easting - here.easting, there.northing - here.northing)
                if d >= left, d > 0 {
                    return GridPoint(easting: here.easting + (there.easting - here.easting) * left / d,
                                     northing: here.northing + (there.northing - here.northing) * left / d)
                }
                left -= d
                here = there
                if i > 0, i + 1 < line.count, line[i - 1] == line[i + 1], left < 15 { break }
                i += step
            }
            return left < 15 ? here : nil
        }
        guard index > 0, let back = walk(-1, to: line.count - 1), let ahead = walk(1, to: limit) else { return nil }
        let p = line[index]
        let a = (p.easting - back.easting, p.northing - back.northing)
        let b = (ahead.easting - p.easting, ahead.northing - p.northing)
        return atan2(a.0 * b.1 - a.1 * b.0, a.0 * b.0 + a.1 * b.1) * 180 / .pi
    }
}
