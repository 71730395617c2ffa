/// The state of `BudgetedSelection.solve`: the set kept so far and its priced tour, the pricings made
/// (each distinct set once), and the groups the local search has tried since its last gain.
struct BudgetedSelectionSearch<Tour> {
    typealias Priced = BudgetedSelection.Priced<Tour>

    let values: [Double]
    let ownSeconds: [Double]
    let budgetSeconds: Double
    private let price: ([Bool]) throws -> Priced
    private var cache: [[Bool]: Priced] = [:]
    private(set) var evaluations = 0
    private(set) var chosen: [Bool]
    private(set) var current: Priced
    private var tried = Set<Int>()

    /// Starts from every group, priced.
    init(values: [Double], ownSeconds: [Double], budgetSeconds: Double, price: @escaping ([Bool]) throws -> Priced) throws {
        self.values = values
        self.ownSeconds = ownSeconds
        self.budgetSeconds = budgetSeconds
        self.price = price
        let all = [Bool](repeating: true, count: values.count)
        let priced = try price(all)
        cache[all] = priced
        evaluations = 1
        chosen = all
        current = priced
    }

    var chosenValue: Double { value(of: chosen) }

    func value(of set: [Bool]) -> Double { set.indices.filter { set[$0] }.reduce(0) { $0 + values[$1] } }

    /// The set's priced tour, from the cache if it was priced before.
    mutating func evaluate(_ set: [Bool]) throws -> Priced {
        if let known = cache[set] { return known }
        evaluations += 1
        let result = try price(set)
        cache[set] = result
        return result
    }

    // MARK: The steps

    /// The greedy phase: drops the weakest groups until the tour fits.
    mutating func dropWorstUntilFits() throws {
        (chosen, current) = try dropWorst(from: chosen)
    }

    /// One round of the local search: brings back the best left-out group not tried since the last gain,
    /// drops the weakest others until the tour fits again, and keeps the result if it is worth more. False
    /// when every left-out group has been tried.
    mutating func addBest() throws -> Bool {
        guard let add = addOrder(chosen.indices.filter { !chosen[$0] && !tried.contains($0) }, priced: current).first else { return false }
        tried.insert(add)
        var candidate = chosen
        candidate[add] = true
        var (set, priced) = try dropWorst(from: candidate, keeping: add)
        if priced.durationSeconds > budgetSeconds {
            set[add] = false
            priced = try evaluate(set)
        }
        let setValue = value(of: set)
        if priced.durationSeconds <= budgetSeconds, setValue > chosenValue + 1e-9 {
            chosen = set
            current = priced
            tried.removeAll()
        }
        return true
    }

    /// Adds left-out groups while they fit, most value per second not yet driven first. Only a group whose
    /// undriven seconds fit the slack is priced, and at most `tries` in all, so that a large instance (hundreds
    /// of groups) pays a bounded number of extra pricings.
    mutating func fillSlack(tries: Int) throws {
        var triesLeft = tries
        for index in addOrder(chosen.indices.filter { !chosen[$0] }, priced: current) {
            guard triesLeft > 0 else { return }
            guard current.undrivenSeconds[index] <= budgetSeconds - current.durationSeconds else { continue }
            triesLeft -= 1
            var candidate = chosen
            candidate[index] = true
            let priced = try evaluate(candidate)
            if priced.durationSeconds <= budgetSeconds {
                chosen = candidate
                current = priced
            }
        }
    }

    // MARK: Dropping and adding

    /// Drops the weakest groups of `set` (never `keeping`), a batch sized by the overrun at a time, pricing
    /// after each batch, until its tour fits or nothing is left to drop.
    mutating func dropWorst(from set: [Bool], keeping: Int? = nil) throws -> (set: [Bool], priced: Priced) {
        var set = set
        var priced = try evaluate(set)
        while priced.durationSeconds > budgetSeconds {
            let order = dropOrder(of: set, priced: priced, keeping: keeping)
            if order.isEmpty { break }
            var overrun = priced.durationSeconds - budgetSeconds
            for index in order {
                guard overrun > 0 else { break }
                set[index] = false
                overrun -= ownSeconds[index] * BudgetedSelection.expectedSavingPerOwnSecond
            }
            priced = try evaluate(set)
        }
        return (set, priced)
    }

    /// The set's groups, weakest first: least value per second the tour spends on the group, so that a dead
    /// end is charged its way back and a group the tour drives through anyway is charged once.
    func dropOrder(of set: [Bool], priced: Priced, keeping: Int?) -> [Int] {
        func ratio(_ group: Int) -> Double { values[group] / max(1, priced.spentSeconds[group]) }
        return set.indices.filter { set[$0] && $0 != keeping }.sorted { ratio($0) != ratio($1) ? ratio($0) < ratio($1) : $0 < $1 }
    }

    /// The candidates, best first: most value per second of the group the tour does not drive yet.
    func addOrder(_ candidates: [Int], priced: Priced) -> [Int] {
        func ratio(_ group: Int) -> Double { values[group] / max(1, priced.undrivenSeconds[group]) }
        return candidates.sorted { ratio($0) != ratio($1) ? ratio($0) > ratio($1) : $0 < $1 }
    }
}
