import Geo

/// How a method did on the held-out period.
public struct CandidateScore: Hashable, Sendable, Codable {
    public var method: MapMethod
    /// At 1 %, 5 % and 10 % of the area.
    public var results: [PAIResult]

    public var atSelectionShare: PAIResult { results.first { $0.areaFraction == MapSelection.selectionAreaFraction } ?? results[0] }
}

/// The map method chosen by prediction: each candidate is fitted on the stops before the held-out period
/// (`TimeSplit`) and scored on the stops in it by PAI at 5 % of the area. When the fit is long enough to split
/// again (rolling origin), the candidate's PAI on that older held-out period is averaged in, so the choice does
/// not rest on one period's luck. PEI on the recent period breaks ties, then the simpler method (earlier in
/// `candidates`). The chosen method is then refitted on all stops for the map written.
public struct MapSelection: Hashable, Sendable, Codable {
    public var method: MapMethod
    public var chosenByPrediction: Bool
    /// Why this method: the split and score, or why the history was too short.
    public var reason: String
    public var testFrom: String?
    public var trainingStops: Int
    public var testStops: Int
    public var candidatesTried: Int
    /// The chosen method on the held-out period; empty for the fallback.
    public var chosen: [PAIResult]
    /// Undecayed counts on the user's hex size, the map to beat, on the held-out period.
    public var counts: [PAIResult]
    /// The best candidates, best first.
    public var leaders: [CandidateScore]

    public static let selectionAreaFraction = 0.05
    public static let reportedAreaFractions = [0.01, 0.05, 0.10]

    public struct Context {
        public var reasonWeights: ReasonWeights
        public var network: StreetGraph?
        /// Points the grid must cover besides the stops (known hotspots).
        public var extent: [GridPoint]
        /// The user's hex size: the counts baseline's and the fallback's.
        public var cellSizeMetres: Double

        public init(reasonWeights: ReasonWeights = ReasonWeights(), network: StreetGraph? = nil, extent: [GridPoint] = [],
                    cellSizeMetres: Double = 150) {
            self.reasonWeights = reasonWeights
            self.network = network
            self.extent = extent
            self.cellSizeMetres = cellSizeMetres
        }
    }

    /// Chooses among `candidates` (default: `MapSelection.candidates`) on the stops before `asOf`.
    public static func choose(stops allStops: [Stop], asOf: LocalDateTime, context: Context,
                              candidates given: [MapMethod]? = nil) -> MapSelection {
        let stops = allStops.filter { $0.time < asOf }
        let split: TimeSplit
        switch TimeSplit.lastQuarter(of: stops) {
        case let .tooLittleHistory(why):
            return fallback(context: context, trainingStops: stops.count,
                            reason: "\(why); default map \(MapMethod.fallback(cellSizeMetres: context.cellSizeMetres))")
        case let .split(found):
            split = found
        }
        let candidates = given ?? Self.candidates(for: split, context: context)
        var scored: [(index: Int, score: CandidateScore, meanPAI: Double)] = []
        var fits = HeldOutFits(split: split, context: context)
        let earlierSplit = earlierSplit(before: split)
        var earlierFits = earlierSplit.map { HeldOutFits(split: $0, context: context) }
        for (index, method) in candidates.enumerated() {
            let score = CandidateScore(method: method, results: fits.evaluate(method))
            let earlier = earlierFits?.evaluate(method).first { $0.areaFraction == selectionAreaFraction }
            scored.append((index, score, earlier.map { (score.atSelectionShare.pai + $0.pai) / 2 } ?? score.atSelectionShare.pai))
        }
        scored.sort { a, b in
            let x = a.score.atSelectionShare, y = b.score.atSelectionShare
            if a.meanPAI != b.meanPAI { return a.meanPAI > b.meanPAI }
            if x.pei != y.pei { return x.pei > y.pei }
            return a.index < b.index
        }
        let best = scored[0].score
        let counts = evaluate(countsBaseline(context), on: split, context: context)
        let bestPAI = best.atSelectionShare.pai
        let countsPAI = counts.first { $0.areaFraction == selectionAreaFraction }?.pai ?? 0
        return MapSelection(
            method: best.method, chosenByPrediction: true,
            reason: "held out \(split.test.count) stops from \(split.testStart.dateString) (the last quarter of the history); "
                + "fitted on the \(split.training.count) before; PAI at 5 % of area \(formatFixed(bestPAI, decimals: 2)) "
                + "against \(formatFixed(countsPAI, decimals: 2)) for raw counts; best of \(candidates.count) methods by PAI "
                + (earlierSplit.map { "averaged with the quarter before (\($0.test.count) stops from \($0.testStart.dateString))" }
                    ?? "on that period alone"),
            testFrom: split.testStart.dateString, trainingStops: split.training.count, testStops: split.test.count,
            candidatesTried: candidates.count, chosen: best.results, counts: counts,
            leaders: Array(scored.prefix(5).map(\.score)))
    }

    /// The same rule on the fit of `split`: a second, older held-out period, so the choice rests on two.
    static func earlierSplit(before split: TimeSplit) -> TimeSplit? {
        if case let .split(earlier) = TimeSplit.lastQuarter(of: split.training) { return earlier }
        return nil
    }

    public static func fallback(context: Context, trainingStops: Int, reason: String) -> MapSelection {
        MapSelection(method: .fallback(cellSizeMetres: context.cellSizeMetres), chosenByPrediction: false, reason: reason,
                     testFrom: nil, trainingStops: trainingStops, testStops: 0, candidatesTried: 0, chosen: [], counts: [],
                     leaders: [])
    }

    public static func countsBaseline(_ context: Context) -> MapMethod {
        MapMethod(kind: .counts, cellSizeMetres: context.cellSizeMetres, uniformReasons: true)
    }

    /// The grid a split is scored on: it covers the fit, the test stops and the extent, with a margin of the
    /// user's hex size whatever the method's, because PAI grows with the study area: every candidate and the
    /// counts baseline are scored over the same box (to within a hex at its edges).
    public static func grid(for split: TimeSplit, cellSizeMetres: Double, context: Context) -> HexGrid {
        let points = (split.training + split.test).map { GridPoint(easting: $0.easting, northing: $0.northing) }
        return HexGrid(covering: context.extent + points, cellSizeMetres: cellSizeMetres, paddingMetres: context.cellSizeMetres)
    }

    /// The method's map fitted on the split's training stops alone, on `grid(for:)`.
    public static func heldOutSurface(_ method: MapMethod, on split: TimeSplit, context: Context) -> (grid: HexGrid, scores: [Double]) {
        let grid = grid(for: split, cellSizeMetres: method.cellSizeMetres, context: context)
        let surface = MapSurface(method: method, grid: grid, stops: split.training, asOf: split.testStart,
                                 reasonWeights: context.reasonWeights, network: context.network)
        return (grid, surface.scores(method))
    }

    static func evaluate(_ method: MapMethod, on split: TimeSplit, context: Context) -> [PAIResult] {
        var fits = HeldOutFits(split: split, context: context)
        return fits.evaluate(method)
    }

    static func eventsPerCell(_ stops: [Stop], grid: HexGrid) -> [Int] {
        var events = [Int](repeating: 0, count: grid.count)
        for stop in stops {
            if let cell = grid.cell(containing: GridPoint(easting: stop.easting, northing: stop.northing)) { events[cell] += 1 }
        }
        return events
    }
}

/// The training side's surfaces by hex size and weighting, so candidates that differ only in their kernel or
/// shrinkage share one grid, one set of weights and each bandwidth's kernel surface.
struct HeldOutFits {
    struct Setup: Hashable { var cellSizeMetres: Double; var halfLifeDays: Double?; var uniformReasons: Bool }
    struct Fit { var surface: MapSurface; var later: [Int]; var earlier: [Int] }

    let split: TimeSplit
    let context: MapSelection.Context
    var fits: [Setup: Fit] = [:]

    init(split: TimeSplit, context: MapSelection.Context) {
        self.split = split
        self.context = context
    }

    mutating func evaluate(_ method: MapMethod) -> [PAIResult] {
        let setup = Setup(cellSizeMetres: method.cellSizeMetres, halfLifeDays: method.halfLifeDays, uniformReasons: method.uniformReasons)
        let fit = fits[setup] ?? makeFit(method)
        fits[setup] = fit
        let scores = fit.surface.scores(method)
        return MapSelection.reportedAreaFractions.map {
            PAI.evaluate(scores: scores, eventsPerCell: fit.later, areaFraction: $0, earlierEventsPerCell: fit.earlier)
        }
    }

    private func makeFit(_ method: MapMethod) -> Fit {
        let grid = MapSelection.grid(for: split, cellSizeMetres: method.cellSizeMetres, context: context)
        let surface = MapSurface(method: method, grid: grid, stops: split.training, asOf: split.testStart,
                                 reasonWeights: context.reasonWeights, network: context.network)
        return Fit(surface: surface, later: MapSelection.eventsPerCell(split.test, grid: grid),
                   earlier: MapSelection.eventsPerCell(split.training, grid: grid))
    }
}
