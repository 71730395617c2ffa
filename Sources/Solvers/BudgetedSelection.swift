/// Which groups of required elements to serve within a time budget for the most value: the selection half
/// of orienteering on arcs, where the caller's evaluator solves the tour of each candidate set. A set is
/// `chosen[g]` true for each group g it keeps.
///
/// `solve` is an iterated local search: a greedy phase drops the groups with the least value per second
/// until the tour fits; then rounds of "add the best left-out group, drop the weakest kept ones until it
/// fits again" are accepted when they raise the value. Last, the slack is filled with left-out groups that
/// still fit. A group's seconds are read off the current tour: dropping weighs the time the tour spends on
/// the group (a dead end costs its way back), adding weighs the part of it the tour does not drive yet.
/// `exhaustive` is the check beside it on small instances.
public enum BudgetedSelection {
    /// A set of groups as the caller's evaluator prices it.
    public struct Priced<Tour> {
        public let tour: Tour
        public let durationSeconds: Double
        /// For each group, the seconds the tour spends on the group's own elements.
        public let spentSeconds: [Double]
        /// For each group, the seconds of its own elements the tour does not traverse: what adding it costs at least.
        public let undrivenSeconds: [Double]

        public init(tour: Tour, durationSeconds: Double, spentSeconds: [Double], undrivenSeconds: [Double]) {
            self.tour = tour
            self.durationSeconds = durationSeconds
            self.spentSeconds = spentSeconds
            self.undrivenSeconds = undrivenSeconds
        }
    }

    /// The search's choice: the set and its priced tour, which fits the budget unless even the empty set does not.
    public struct Selection<Tour> {
        public let chosen: [Bool]
        public let priced: Priced<Tour>
        public let value: Double
        /// The value after the greedy phase alone: the baseline the search improves on.
        public let greedyValue: Double
        /// Distinct sets priced.
        public let evaluations: Int
    }

    /// The best set the exhaustive search found: its value, its tour's seconds and how many sets it priced.
    public struct Optimum: Sendable {
        public let value: Double
        public let durationSeconds: Double
        public let evaluations: Int
    }

    /// What dropping a group is expected to save, per second of its own elements: the tour also drives to
    /// and from a group, and back out of a dead end, so it spends more on a group than the group's own
    /// length. Only an estimate, to size a batch of drops so that the batch costs one pricing; the smaller
    /// set is then priced, and a batch that saved too little is followed by another.
    static let expectedSavingPerOwnSecond = 1.5

    /// `values[g]` and `ownSeconds[g]` (the seconds of group g's own elements, each once) per group;
    /// `price` is called at most once per distinct set. `rounds` bounds the local search, `fillTries`
    /// the pricings spent on filling the slack.
    public static func solve<Tour>(values: [Double], ownSeconds: [Double], budgetSeconds: Double, rounds: Int = 12,
                                   fillTries: Int = 16, price: @escaping ([Bool]) throws -> Priced<Tour>) throws -> Selection<Tour> {
        precondition(values.count == ownSeconds.count, "one value and one time per group")
        var search = try BudgetedSelectionSearch(values: values, ownSeconds: ownSeconds, budgetSeconds: budgetSeconds, price: price)
        try search.dropWorstUntilFits()
        let greedyValue = search.chosenValue
        for _ in 0..<rounds {
            guard try search.addBest() else { break }
        }
        if search.current.durationSeconds <= budgetSeconds { try search.fillSlack(tries: fillTries) }
        return Selection(chosen: search.chosen, priced: search.current, value: search.chosenValue, greedyValue: greedyValue,
                         evaluations: search.evaluations)
    }

    /// The best non-empty set whose tour fits: every set in order of falling value (ties by bitmask, group 0
    /// the lowest bit), the first that fits. Exact for the evaluator, whether or not its tours grow with the
    /// set; a value of 0 when no set fits. At most 20 groups.
    public static func exhaustive(values: [Double], budgetSeconds: Double,
                                  durationSeconds: ([Bool]) throws -> Double) rethrows -> Optimum {
        precondition(values.count <= 20, "2^\(values.count) subsets is too many to try")
        var subsets: [(mask: Int, value: Double)] = []
        for mask in 1..<(1 << values.count) {
            var value = 0.0
            for index in values.indices where mask & (1 << index) != 0 { value += values[index] }
            subsets.append((mask, value))
        }
        subsets.sort { $0.value != $1.value ? $0.value > $1.value : $0.mask < $1.mask }
        var evaluations = 0
        for subset in subsets {
            evaluations += 1
            let duration = try durationSeconds(values.indices.map { subset.mask & (1 << $0) != 0 })
            if duration <= budgetSeconds {
                return Optimum(value: subset.value, durationSeconds: duration, evaluations: evaluations)
            }
        }
        return Optimum(value: 0, durationSeconds: 0, evaluations: evaluations)
    }
}
