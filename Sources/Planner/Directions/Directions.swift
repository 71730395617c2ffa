/// A pair's route as numbered steps a driver can follow: one step per maneuver of the sweep, consecutive
/// travel legs as one "drive to …" with their turns listed, a dead end driven in and back out as one step,
/// and every watch and wait. Every leg's instruction appears, in order; nothing is cut.
public enum Directions {
    public static func steps(_ pairPlan: PairPlan) -> [DirectionStep] {
        var builder = Builder(baseName: pairPlan.pair.baseName)
        let planSteps = pairPlan.steps
        var index = 0
        while index < planSteps.count {
            switch planSteps[index] {
            case let .leg(leg) where leg.kind == .travel:
                var run: [RouteLeg] = []
                while index < planSteps.count, case let .leg(next) = planSteps[index], next.kind == .travel {
                    run.append(next)
                    index += 1
                }
                builder.travel(run, towards: index < planSteps.count ? planSteps[index] : nil)
                continue
            case let .leg(leg):
                builder.drive(leg)
            case let .visit(visit):
                builder.append(kind: .watch, start: visit.arrivalSeconds, duration: visit.dwellSeconds,
                               text: "Watch \(visit.hotspot.name)\(visit.isRevisit ? " again" : ""): until \(ClockTime.format(seconds: visit.departureSeconds)) (\(minutes(visit.dwellSeconds)) min)",
                               isRevisit: visit.isRevisit)
            case let .wait(start, duration, reason):
                let text = reason == "home visit" ? "Home visit (\(minutes(duration)) min)" : "Wait \(minutes(duration)) min, \(reason)"
                builder.append(kind: .wait, start: start, duration: duration, text: text)
            }
            index += 1
        }
        builder.append(kind: .arrive, start: pairPlan.endSeconds, duration: 0, text: "Arrive back at \(pairPlan.pair.baseName)")
        return builder.steps
    }

    /// The legs' instructions, one per leg of `pairPlan.legs`, in order (each with the leg before it).
    public static func legInstructions(_ pairPlan: PairPlan) -> [(maneuver: Maneuver, text: String, short: String)] {
        var previous: RouteLeg?
        return pairPlan.legs.map { leg in
            defer { previous = leg }
            return (LegInstruction.maneuver(leg, previous: previous), LegInstruction.text(leg, previous: previous),
                    LegInstruction.short(leg, previous: previous))
        }
    }

    static func minutes(_ seconds: Double) -> Int { Int((seconds / 60).rounded()) }

    /// Up to three street names that carry most of the distance, in the order driven.
    static func mainRoads(_ legs: [RouteLeg]) -> [String] {
        var metres: [String: Double] = [:]
        var order: [String] = []
        for leg in legs where !leg.path.isEmpty {
            let name = LegInstruction.street(leg)
            if metres[name] == nil { order.append(name) }
            metres[name, default: 0] += leg.distanceMetres
        }
        let top = Set(order.sorted { metres[$0]! > metres[$1]! }.prefix(3))
        return order.filter(top.contains)
    }

    struct Builder {
        let baseName: String
        var steps: [DirectionStep] = []
        /// The last leg with a line, for "to stay on" and the U-turn pattern.
        var previous: RouteLeg?
        /// Whether the last step is a drive that a carry-on or a U-turn may extend.
        var openDrive = false

        init(baseName: String) { self.baseName = baseName }

        mutating func append(kind: DirectionStep.Kind, start: Double, duration: Double, text: String, isRevisit: Bool = false) {
            steps.append(DirectionStep(number: steps.count + 1, kind: kind, maneuver: kind == .arrive ? .arrive : nil, legKind: nil,
                                       startSeconds: start, durationSeconds: duration, distanceMetres: 0, text: text,
                                       headDistanceMetres: 0, details: [], legCount: 0, isRevisit: isRevisit))
            openDrive = false
        }

        mutating func drive(_ leg: RouteLeg) {
            let maneuver = LegInstruction.maneuver(leg, previous: previous)
            let text = LegInstruction.text(leg, previous: previous)
            defer { previous = leg }
            if openDrive, var last = steps.popLast() {
                // Nothing to do, or back out of the dead end just driven into: the same step goes on.
                let backOut = maneuver == .uTurn && leg.startsAtDeadEnd && last.legCount == 1
                    && previous.map(LegInstruction.street) == LegInstruction.street(leg)
                if maneuver == .carryOn || backOut {
                    if backOut { last.text += ": in and back out, dead end" }
                    last.details.append(.init(text: text, distanceMetres: leg.distanceMetres))
                    last.distanceMetres += leg.distanceMetres
                    last.durationSeconds += leg.durationSeconds
                    last.legCount += 1
                    steps.append(last)
                    return
                }
                steps.append(last)
            }
            steps.append(DirectionStep(number: steps.count + 1, kind: .drive, maneuver: maneuver, legKind: leg.kind,
                                       startSeconds: leg.startSeconds, durationSeconds: leg.durationSeconds,
                                       distanceMetres: leg.distanceMetres, text: text, headDistanceMetres: leg.distanceMetres,
                                       details: [], legCount: 1, isRevisit: false))
            openDrive = true
        }

        mutating func travel(_ legs: [RouteLeg], towards next: PlanStep?) {
            let drawn = legs.filter { !$0.path.isEmpty }
            var details: [DirectionStep.Detail] = []
            for leg in drawn {
                details.append(.init(text: LegInstruction.text(leg, previous: previous), distanceMetres: leg.distanceMetres))
                previous = leg
            }
            if drawn.count < legs.count { previous = nil }
            let metres = legs.reduce(0) { $0 + $1.distanceMetres }
            let seconds = legs.reduce(0) { $0 + $1.durationSeconds }
            let roads = mainRoads(legs)
            let via = roads.isEmpty ? "" : " via \(roads.joined(separator: ", "))"
            let place = destination(next, private: drawn.count < legs.count)
            let text = "Drive to \(place): \(minutes(seconds)) min, \(DistanceText.format(metres))\(via)"
            steps.append(DirectionStep(number: steps.count + 1, kind: .travel, maneuver: drawn.first?.maneuver, legKind: .travel,
                                       startSeconds: legs[0].startSeconds, durationSeconds: seconds, distanceMetres: metres,
                                       text: text, headDistanceMetres: 0, details: details, legCount: drawn.count, isRevisit: false,
                                       place: place))
            openDrive = false
        }

        func destination(_ next: PlanStep?, private isPrivate: Bool) -> String {
            if isPrivate { return "the home visit" }
            switch next {
            case let .visit(visit)?: return visit.hotspot.name
            case let .leg(leg)?: return "the sweep, at \(LegInstruction.street(leg))"
            case .wait?: return "the next stop"
            case nil: return baseName
            }
        }
    }
}

/// Distances as a driver reads them: "80 m", "450 m", "2.3 km".
public enum DistanceText {
    public static func format(_ metres: Double) -> String {
        if metres < 995 { return "\(Int((metres / 10).rounded()) * 10) m" }
        let tenths = Int((metres / 100).rounded())
        return "\(tenths / 10).\(tenths % 10) km"
    }
}
