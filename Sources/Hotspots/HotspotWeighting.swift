import Geo

/// Options of the weighting; the CLI's flags map onto these one to one.
public struct WeightOptions: Hashable, Sendable {
    public var snapRadiusMetres: Double = 150
    public var clusterEpsMetres: Double = 150
    public var clusterMinPoints: Int = 4
    public var decay = Decay(halfLifeDays: 90)
    public var reasonWeights = ReasonWeights()

    public init() {}
}

/// A hotspot's weight and rank as of a date. Proposed hotspots come from DBSCAN clusters of stops that
/// snapped to no known hotspot.
public struct HotspotScore: Hashable, Sendable {
    public var id: String
    public var name: String
    public var patch: String
    public var position: LonLat
    public var grid: GridPoint
    public var proposed: Bool
    /// Stops snapped here before the as-of time, undecayed.
    public var stops: Int
    /// Σ decay × reason weight over those stops.
    public var weight: Double
    public var visits: Int
    /// Decayed patrol-hours spent here (exposure).
    public var hours: Double
    /// weight / hours, nil without exposure.
    public var rawRatePerHour: Double?
    /// Empirical-Bayes rate toward the patch mean; the ranking key for known hotspots.
    public var shrunkRatePerHour: Double
    public var rank: Int
}

/// Weights, exposure and ranks of hotspots from a stop history.
///
/// Exposure: a visit is a pair's stay at a hotspot for some minutes. Visits come from the store's
/// `visits` table (filled by `patrol review --plan`, which records the planned visits of the swept day).
/// A sweep day with no recorded visits is inferred: every hotspot of each patch that had a stop that day is
/// taken as visited once, for its `dwell_min`. Visits decay with the same half-life as stops, so the rate
/// is a recent rate.
public struct HotspotWeighting {
    public var options: WeightOptions

    public init(options: WeightOptions = WeightOptions()) {
        self.options = options
    }

    /// The index of the hotspot within the snap radius nearest to each stop, or nil.
    public func snap(_ stops: [Stop], to hotspots: [NamedPlace]) -> [Int?] {
        stops.map { stop in
            let point = GridPoint(easting: stop.easting, northing: stop.northing)
            var best: (Int, Double)?
            for (index, hotspot) in hotspots.enumerated() {
                let d = hotspot.grid.distanceMetres(to: point)
                if d <= options.snapRadiusMetres, best == nil || d < best!.1 { best = (index, d) }
            }
            return best?.0
        }
    }

    public func stopWeight(_ stop: Stop, asOf: LocalDateTime) -> Double {
        options.decay.factor(at: stop.time, asOf: asOf) * options.reasonWeights[stop.reason]
    }

    public struct Result: Sendable {
        public var hotspots: [HotspotScore]
        public var proposed: [HotspotScore]
        /// For each input stop, the known hotspot it snapped to.
        public var snapped: [Int?]
    }

    /// Scores known hotspots and proposes new ones from stops strictly before `asOf`.
    public func score(stops allStops: [Stop], hotspots: [NamedPlace], visits: [Visit], asOf: LocalDateTime,
                      projection: Projection) throws -> Result {
        let stops = allStops.filter { $0.time < asOf }
        let snapped = snap(stops, to: hotspots)
        var counts = [Int](repeating: 0, count: hotspots.count)
        var weights = [Double](repeating: 0, count: hotspots.count)
        for (stop, target) in zip(stops, snapped) {
            guard let target else { continue }
            counts[target] += 1
            weights[target] += stopWeight(stop, asOf: asOf)
        }
        let (visitCounts, hours) = exposure(stops: stops, snapped: snapped, hotspots: hotspots, visits: visits, asOf: asOf)

        var shrunk = [Double](repeating: 0, count: hotspots.count)
        let patches = Dictionary(grouping: hotspots.indices, by: { hotspots[$0].patch })
        for (_, members) in patches {
            let rates = Shrinkage.shrunkRates(counts: members.map { weights[$0] }, exposures: members.map { hours[$0] })
            for (member, rate) in zip(members, rates) { shrunk[member] = rate }
        }
        var scores: [HotspotScore] = hotspots.indices.map { index in
            let place = hotspots[index]
            return HotspotScore(id: place.id, name: place.name, patch: place.patch, position: place.position, grid: place.grid,
                                proposed: false, stops: counts[index], weight: weights[index], visits: visitCounts[index],
                                hours: hours[index], rawRatePerHour: hours[index] > 0 ? weights[index] / hours[index] : nil,
                                shrunkRatePerHour: shrunk[index], rank: 0)
        }
        let order = scores.indices.sorted { a, b in
            let x = scores[a], y = scores[b]
            if x.shrunkRatePerHour != y.shrunkRatePerHour { return x.shrunkRatePerHour > y.shrunkRatePerHour }
            if x.weight != y.weight { return x.weight > y.weight }
            return x.id < y.id
        }
        for (rank, index) in order.enumerated() { scores[index].rank = rank + 1 }

        let loose = stops.indices.filter { snapped[$0] == nil }
        let labels = DBSCAN.labels(loose.map { (stops[$0].easting, stops[$0].northing) },
                                   eps: options.clusterEpsMetres, minPoints: options.clusterMinPoints)
        var members: [Int: [Int]] = [:]
        for (position, label) in labels.enumerated() {
            if let label { members[label, default: []].append(loose[position]) }
        }
        var proposed: [HotspotScore] = []
        for label in members.keys.sorted() {
            let group = members[label]!
            let e = group.reduce(0) { $0 + stops[$1].easting } / Double(group.count)
            let n = group.reduce(0) { $0 + stops[$1].northing } / Double(group.count)
            let centre = GridPoint(easting: e, northing: n)
            let position = try projection.lonLat(centre)
            let places = Dictionary(grouping: group.map { stops[$0].place }.filter { !$0.isEmpty }, by: { $0 })
            let commonPlace = places.max { $0.value.count != $1.value.count ? $0.value.count < $1.value.count : $0.key > $1.key }?.key
            proposed.append(HotspotScore(id: "", name: commonPlace ?? "", patch: "", position: position, grid: centre,
                                         proposed: true, stops: group.count,
                                         weight: group.reduce(0) { $0 + stopWeight(stops[$1], asOf: asOf) },
                                         visits: 0, hours: 0, rawRatePerHour: nil, shrunkRatePerHour: 0, rank: 0))
        }
        // Proposed hotspots are named by their place in order of weight, so ids are stable for the same history.
        proposed.sort { $0.weight != $1.weight ? $0.weight > $1.weight : ($0.grid.easting, $0.grid.northing) < ($1.grid.easting, $1.grid.northing) }
        for index in proposed.indices {
            proposed[index].rank = index + 1
            proposed[index].id = "proposed-\(index + 1)"
            if proposed[index].name.isEmpty { proposed[index].name = "Proposed hotspot \(index + 1)" }
        }
        return Result(hotspots: scores, proposed: proposed, snapped: snapped)
    }

    /// Visit counts and decayed hours per hotspot; see the type's note for the inference rule.
    func exposure(stops: [Stop], snapped: [Int?], hotspots: [NamedPlace], visits: [Visit],
                  asOf: LocalDateTime) -> (visits: [Int], hours: [Double]) {
        var count = [Int](repeating: 0, count: hotspots.count)
        var hours = [Double](repeating: 0, count: hotspots.count)
        var indexByID: [String: Int] = [:]
        for (index, hotspot) in hotspots.enumerated() { indexByID[Gazetteer.key(hotspot.id)] = index }
        var recordedDays = Set<String>()
        for visit in visits {
            guard let day = LocalDateTime(iso: visit.date), day < asOf else { continue }
            recordedDays.insert(day.dateString)
            guard let index = indexByID[Gazetteer.key(visit.hotspotID)] else { continue }
            count[index] += 1
            hours[index] += visit.minutes / 60 * options.decay.factor(at: day, asOf: asOf)
        }
        var inferred: [String: Set<String>] = [:]
        var dayTime: [String: LocalDateTime] = [:]
        for (stop, target) in zip(stops, snapped) {
            guard let target else { continue }
            let day = stop.time.dateString
            guard !recordedDays.contains(day) else { continue }
            inferred[day, default: []].insert(hotspots[target].patch)
            dayTime[day] = stop.time.date
        }
        for (day, patches) in inferred {
            let factor = options.decay.factor(at: dayTime[day]!, asOf: asOf)
            for (index, hotspot) in hotspots.enumerated() where patches.contains(hotspot.patch) {
                count[index] += 1
                hours[index] += hotspot.dwellMinutes / 60 * factor
            }
        }
        return (count, hours)
    }
}
