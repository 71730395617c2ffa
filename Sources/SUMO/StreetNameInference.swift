import Geo

/// Names OSM ways from the police.uk map points that stand on them.
///
/// police.uk puts about one map point on each street, near its middle, so most ways have one point
/// or none, and a way's line passes close to the points of the streets that cross it. Hence:
/// - only distinct map points whose location names a street vote (`StreetNameRule`);
/// - a point votes for the way nearest to it, if that way is within `radiusMetres` (every way within
///   `tieMetres` of the nearest also gets the vote: a point on a junction belongs to each way there);
/// - a way takes its top name when no other name has as many votes, the top name has at least
///   `minimumShare` of the way's votes, and it has at least `minimumPoints` points, or one point lying
///   within `onStreetMetres` of the way (a lone point further off more likely stands on a street that
///   is not in the network, such as a pedestrian street or a service road);
/// - otherwise (no votes, a tie, no clear majority) the name stays empty.
public struct StreetNameInference: Sendable {
    public var radiusMetres: Double
    public var minimumPoints: Int
    public var minimumShare: Double
    public var onStreetMetres: Double
    public var tieMetres: Double

    public init(radiusMetres: Double = 20, minimumPoints: Int = 2, minimumShare: Double = 2.0 / 3.0,
                onStreetMetres: Double = 5, tieMetres: Double = 1) {
        self.radiusMetres = radiusMetres
        self.minimumPoints = minimumPoints
        self.minimumShare = minimumShare
        self.onStreetMetres = onStreetMetres
        self.tieMetres = tieMetres
    }

    public struct Vote: Hashable, Sendable {
        public var name: String
        public var points: Int
    }

    public enum Decision: Hashable, Sendable {
        case named(String, votes: Int, total: Int)
        /// Votes were cast but no name won clearly; most votes first.
        case ambiguous([Vote])
        case noNamedPoints
    }

    /// A map point in BNG with the street it names (nil: a place category, no vote).
    public struct GridMapPoint: Hashable, Sendable {
        public var grid: GridPoint
        public var streetName: String?

        public init(grid: GridPoint, streetName: String?) {
            self.grid = grid
            self.streetName = streetName
        }
    }

    /// `ways`: each way's polylines in BNG. Every way gets a decision.
    public func decide(ways: [Int64: [[GridPoint]]], points: [GridMapPoint]) -> [Int64: Decision] {
        struct Box { var minE, minN, maxE, maxN: Double }
        var boxes: [Int64: Box] = [:]
        for (way, lines) in ways {
            let all = lines.flatMap { $0 }
            guard let first = all.first else { continue }
            var box = Box(minE: first.easting, minN: first.northing, maxE: first.easting, maxN: first.northing)
            for p in all {
                box.minE = min(box.minE, p.easting); box.maxE = max(box.maxE, p.easting)
                box.minN = min(box.minN, p.northing); box.maxN = max(box.maxN, p.northing)
            }
            boxes[way] = box
        }
        let reach = radiusMetres + tieMetres
        var ballots: [Int64: [(name: String, distance: Double)]] = [:]
        for point in points {
            guard let name = point.streetName else { continue }
            let p = point.grid
            var near: [(way: Int64, distance: Double)] = []
            for (way, box) in boxes {
                guard p.easting >= box.minE - reach, p.easting <= box.maxE + reach,
                      p.northing >= box.minN - reach, p.northing <= box.maxN + reach else { continue }
                let distance = ways[way]!.map { distanceMetres(p, polyline: $0) }.min() ?? .infinity
                if distance <= reach { near.append((way, distance)) }
            }
            guard let nearest = near.map(\.distance).min(), nearest <= radiusMetres else { continue }
            for candidate in near where candidate.distance <= nearest + tieMetres {
                ballots[candidate.way, default: []].append((name, candidate.distance))
            }
        }
        var decisions: [Int64: Decision] = [:]
        for way in ways.keys {
            decisions[way] = decide(ballots[way] ?? [])
        }
        return decisions
    }

    /// One way's decision from its votes: (street name, the point's distance to the way).
    func decide(_ ballots: [(name: String, distance: Double)]) -> Decision {
        guard !ballots.isEmpty else { return .noNamedPoints }
        var counts: [String: Int] = [:]
        for ballot in ballots { counts[ballot.name, default: 0] += 1 }
        let votes = counts.map { Vote(name: $0.key, points: $0.value) }
            .sorted { ($1.points, $0.name) < ($0.points, $1.name) }
        let total = ballots.count
        let top = votes[0]
        let tied = votes.count > 1 && votes[1].points == top.points
        let enoughPoints = top.points >= minimumPoints
            || (top.points == 1 && ballots.contains { $0.name == top.name && $0.distance <= onStreetMetres })
        if !tied, enoughPoints, Double(top.points) >= minimumShare * Double(total) {
            return .named(top.name, votes: top.points, total: total)
        }
        return .ambiguous(votes)
    }

    public struct Summary: Hashable, Sendable {
        /// OSM ways in the network.
        public var ways: Int
        public var waysNamed: Int
        public var waysAmbiguous: Int
        public var waysWithoutNamedPoints: Int
        public var streetsNamed: Int
        /// Distinct map points read, and how many of them name a street.
        public var mapPoints: Int
        public var streetMapPoints: Int
    }

    /// Names the streets in place (only those whose name is empty) and says how it went.
    public func apply(to streets: inout [SUMOStreet], mapPoints: [MapPoint]) throws -> Summary {
        let bng = try Projection.bng()
        var gridPoints: [GridMapPoint] = []
        gridPoints.reserveCapacity(mapPoints.count)
        for point in mapPoints {
            gridPoints.append(GridMapPoint(grid: try bng.grid(point.position),
                                           streetName: StreetNameRule.streetName(fromLocation: point.location)))
        }
        var ways: [Int64: [[GridPoint]]] = [:]
        for street in streets { ways[street.osmWayID, default: []].append(street.grid) }
        let decisions = decide(ways: ways, points: gridPoints)
        var streetsNamed = 0
        for index in streets.indices where streets[index].name.isEmpty {
            if case let .named(name, _, _)? = decisions[streets[index].osmWayID] {
                streets[index].name = name
                streets[index].nameSource = SUMOStreet.inferredNameSource
                streetsNamed += 1
            }
        }
        var named = 0, ambiguous = 0, none = 0
        for decision in decisions.values {
            switch decision {
            case .named: named += 1
            case .ambiguous: ambiguous += 1
            case .noNamedPoints: none += 1
            }
        }
        return Summary(ways: ways.count, waysNamed: named, waysAmbiguous: ambiguous, waysWithoutNamedPoints: none,
                       streetsNamed: streetsNamed, mapPoints: mapPoints.count,
                       streetMapPoints: gridPoints.filter { $0.streetName != nil }.count)
    }
}
