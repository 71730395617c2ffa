/// Counts over the store, for `patrol stops stats`.
public struct StopStats: Hashable, Sendable, Codable {
    public var stops: Int
    public var imports: Int
    public var visits: Int
    public var sweeps: Int
    public var first: String?
    public var last: String?
    public var byReason: [String: Int]
    public var byOutcome: [String: Int]
    public var byPair: [String: Int]
    public var bySweep: [String: Int]
    public var byPlace: [String: Int]

    public init(stops: [Stop], imports: Int, visits: Int) {
        self.stops = stops.count
        self.imports = imports
        self.visits = visits
        first = stops.map(\.time).min()?.description
        last = stops.map(\.time).max()?.description
        var reason: [String: Int] = [:], outcome: [String: Int] = [:], pair: [String: Int] = [:]
        var sweep: [String: Int] = [:], place: [String: Int] = [:]
        for stop in stops {
            reason[stop.reason.rawValue, default: 0] += 1
            outcome[stop.outcome.rawValue, default: 0] += 1
            if !stop.pair.isEmpty { pair[stop.pair, default: 0] += 1 }
            if !stop.sweep.isEmpty { sweep[stop.sweep, default: 0] += 1 }
            if !stop.place.isEmpty { place[stop.place, default: 0] += 1 }
        }
        byReason = reason
        byOutcome = outcome
        byPair = pair
        bySweep = sweep
        byPlace = place
        sweeps = sweep.count
    }
}
