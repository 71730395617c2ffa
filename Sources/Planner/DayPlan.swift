import Geo

/// One piece of a pair's route: a run of driving of one kind along one street (or a few short ones).
public struct RouteLeg: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Driving between the base, hotspots and the patch.
        case travel
        /// Covering a street of the patch for the first time.
        case sweep
        /// Driving inside the patch over ground already covered, to reach the next uncovered street.
        case deadhead
    }

    public var kind: Kind
    public var streets: [String]
    public var path: [LonLat]
    public var distanceMetres: Double
    public var durationSeconds: Double
    /// Seconds after local midnight.
    public var startSeconds: Double
    public var endSeconds: Double { startSeconds + durationSeconds }
    /// What the driver does at the leg's first point; nil for a leg built without the street graph.
    public var maneuver: Maneuver?
    /// The road class (OpenStreetMap `highway`) of the leg's first street, to name an unnamed road.
    public var roadClass: String?
    /// The leg starts at a dead end (where a U-turn is planned).
    public var startsAtDeadEnd: Bool
    /// For a leg onto a roundabout: the number of the exit to take.
    public var roundaboutExit: Int?

    public init(kind: Kind, streets: [String], path: [LonLat], distanceMetres: Double, durationSeconds: Double, startSeconds: Double,
                maneuver: Maneuver? = nil, roadClass: String? = nil, startsAtDeadEnd: Bool = false, roundaboutExit: Int? = nil) {
        self.kind = kind
        self.streets = streets
        self.path = path
        self.distanceMetres = distanceMetres
        self.durationSeconds = durationSeconds
        self.startSeconds = startSeconds
        self.maneuver = maneuver
        self.roadClass = roadClass
        self.startsAtDeadEnd = startsAtDeadEnd
        self.roundaboutExit = roundaboutExit
    }

    public var streetLabel: String {
        let named = streets.filter { !$0.isEmpty }
        return named.isEmpty ? "unnamed street" : named.joined(separator: " → ")
    }
}

/// A stop at a hotspot to watch it.
public struct HotspotVisit: Hashable, Sendable {
    public var hotspot: Hotspot
    public var arrivalSeconds: Double
    public var dwellSeconds: Double
    public var isRevisit: Bool
    public var departureSeconds: Double { arrivalSeconds + dwellSeconds }

    public init(hotspot: Hotspot, arrivalSeconds: Double, dwellSeconds: Double, isRevisit: Bool) {
        self.hotspot = hotspot
        self.arrivalSeconds = arrivalSeconds
        self.dwellSeconds = dwellSeconds
        self.isRevisit = isRevisit
    }
}

/// What a pair does, in order.
public enum PlanStep: Hashable, Sendable {
    case leg(RouteLeg)
    case visit(HotspotVisit)
    /// Waiting, e.g. so a revisit keeps its minimum gap.
    case wait(startSeconds: Double, durationSeconds: Double, reason: String)
}

public struct PairPlan: Hashable, Sendable {
    public var pair: Pair
    public var patches: [String]
    public var steps: [PlanStep]
    /// Streets of the patch left out of a budgeted sweep (empty for a full sweep).
    public var uncoveredStreets: [String]
    public var fullSweep: Bool
    /// Scan-only ways (footpaths, alleys) to look along from the car, with the street to look from.
    public var scanFrom: [ScanInstruction]
    public var turnCounts: [String: Int]

    public init(pair: Pair, patches: [String], steps: [PlanStep], uncoveredStreets: [String] = [], fullSweep: Bool = true,
                scanFrom: [ScanInstruction] = [], turnCounts: [String: Int] = [:]) {
        self.pair = pair
        self.patches = patches
        self.steps = steps
        self.uncoveredStreets = uncoveredStreets
        self.fullSweep = fullSweep
        self.scanFrom = scanFrom
        self.turnCounts = turnCounts
    }

    public var legs: [RouteLeg] {
        steps.compactMap { if case let .leg(leg) = $0 { leg } else { nil } }
    }

    public var visits: [HotspotVisit] {
        steps.compactMap { if case let .visit(visit) = $0 { visit } else { nil } }
    }

    public var distanceMetres: Double { legs.reduce(0) { $0 + $1.distanceMetres } }

    public var endSeconds: Double {
        var end = Double(pair.windowStartSeconds)
        for step in steps {
            switch step {
            case let .leg(leg): end = max(end, leg.endSeconds)
            case let .visit(visit): end = max(end, visit.departureSeconds)
            case let .wait(start, duration, _): end = max(end, start + duration)
            }
        }
        return end
    }

    public var slackSeconds: Double { Double(pair.windowEndSeconds) - endSeconds }
}

/// A scan-only way (footpath, alley) looked along from the car, from the nearest drivable street.
public struct ScanInstruction: Hashable, Sendable {
    public var path: String
    public var fromStreet: String
    public var lengthMetres: Double
    /// The way itself, for maps.
    public var geometry: [LonLat] = []
}

/// Why a patch or a pair has no route today.
public struct PlanNotice: Hashable, Sendable {
    public var subject: String
    public var message: String
}

public struct DayPlan: Hashable, Sendable {
    public var date: PlanDate
    public var areaName: String
    public var patches: [Patch]
    public var pairPlans: [PairPlan]
    public var notices: [PlanNotice]
    /// Street names inferred (from police.uk map points), marked † in the run sheet.
    public var inferredStreetNames: Set<String> = []

    public init(date: PlanDate, areaName: String, patches: [Patch], pairPlans: [PairPlan], notices: [PlanNotice]) {
        self.date = date
        self.areaName = areaName
        self.patches = patches
        self.pairPlans = pairPlans
        self.notices = notices
    }
}
