/// Gives each job to one worker so that the longest load is as short as possible: scheduling on
/// unrelated machines, R||Cmax. `costs[w][j]` is worker w's time for job j alone; `allowed[w][j]`
/// false forbids the pair, and so does an infinite cost.
///
/// Small instances (the usual case: a handful of jobs) are solved exactly by depth-first branch and
/// bound. Larger ones use a regret-greedy start and a move/swap local search.
public struct MinMaxAssignment: Sendable {
    public let workerOfJob: [Int]
    public let loads: [Double]
    public var makespan: Double { loads.max() ?? 0 }
    public let isProvenOptimal: Bool

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case jobHasNoWorker(job: Int)
        public var description: String {
            switch self {
            case let .jobHasNoWorker(job): "job \(job) may not go to any worker"
            }
        }
    }

    /// Exact up to `exactLimit` jobs; otherwise heuristic.
    public static func solve(costs: [[Double]], allowed: [[Bool]]? = nil, exactLimit: Int = 14) throws -> MinMaxAssignment {
        let workers = costs.count
        let jobs = costs.first?.count ?? 0
        let permit = allowed ?? Array(repeating: Array(repeating: true, count: jobs), count: workers)
        for j in 0..<jobs where !(0..<workers).contains(where: { permit[$0][j] && costs[$0][j].isFinite }) {
            throw Failure.jobHasNoWorker(job: j)
        }
        let start = heuristic(costs: costs, allowed: permit)
        if jobs <= exactLimit {
            return exact(costs: costs, allowed: permit, upperBound: start)
        }
        return start
    }

    /// Regret greedy then local search (move one job, swap two), deterministic.
    public static func heuristic(costs: [[Double]], allowed: [[Bool]]) -> MinMaxAssignment {
        var loads = MinMaxLoads.regretGreedy(costs: costs, allowed: allowed)
        while loads.moveOffBusiest() || loads.swapWithBusiest() {}
        return MinMaxAssignment(workerOfJob: loads.owner, loads: loads.loads, isProvenOptimal: false)
    }

    static func exact(costs: [[Double]], allowed: [[Bool]], upperBound: MinMaxAssignment) -> MinMaxAssignment {
        let workers = costs.count
        let jobs = costs.first?.count ?? 0
        // Hardest jobs first: the bound bites sooner.
        let order = (0..<jobs).sorted { a, b in
            let ca = (0..<workers).map { costs[$0][a] }.filter(\.isFinite).min() ?? 0
            let cb = (0..<workers).map { costs[$0][b] }.filter(\.isFinite).min() ?? 0
            return ca != cb ? ca > cb : a < b
        }
        var best = upperBound.workerOfJob
        var bestMakespan = upperBound.makespan
        var owner = Array(repeating: -1, count: jobs)
        var loads = Array(repeating: 0.0, count: workers)
        func search(_ depth: Int, _ currentMax: Double) {
            if depth == jobs {
                if currentMax < bestMakespan - 1e-9 {
                    bestMakespan = currentMax
                    best = owner
                }
                return
            }
            let j = order[depth]
            var triedEmpty = false
            for w in 0..<workers where allowed[w][j] && costs[w][j].isFinite {
                // Identical empty workers are interchangeable only if their costs match; skip exact repeats.
                if loads[w] == 0, triedEmpty, (0..<w).contains(where: { loads[$0] == 0 && costs[$0] == costs[w] && allowed[$0] == allowed[w] }) {
                    continue
                }
                let load = loads[w] + costs[w][j]
                guard load < bestMakespan - 1e-9 else { continue }
                if loads[w] == 0 { triedEmpty = true }
                loads[w] = load
                owner[j] = w
                search(depth + 1, max(currentMax, load))
                loads[w] -= costs[w][j]
                owner[j] = -1
            }
        }
        search(0, 0)
        var finalLoads = Array(repeating: 0.0, count: workers)
        for j in 0..<jobs { finalLoads[best[j]] += costs[best[j]][j] }
        return MinMaxAssignment(workerOfJob: best, loads: finalLoads, isProvenOptimal: true)
    }
}

/// The heuristic's working assignment: the owner of each job and the load of each worker, with the
/// moves that shorten the longest load.
private struct MinMaxLoads {
    let costs: [[Double]]
    let allowed: [[Bool]]
    var owner: [Int]
    var loads: [Double]

    func mayTake(_ w: Int, _ j: Int) -> Bool { allowed[w][j] && costs[w][j].isFinite }

    /// Places first the job whose best and second-best finishing times differ most, on its best worker.
    static func regretGreedy(costs: [[Double]], allowed: [[Bool]]) -> MinMaxLoads {
        let workers = costs.count
        let jobs = costs.first?.count ?? 0
        var state = MinMaxLoads(costs: costs, allowed: allowed, owner: Array(repeating: -1, count: jobs),
                                loads: Array(repeating: 0.0, count: workers))
        var unassigned = Set(0..<jobs)
        while !unassigned.isEmpty {
            var pick = -1
            var pickWorker = -1
            var pickRegret = -Double.infinity
            for j in unassigned.sorted() {
                let finishes = (0..<workers).filter { state.mayTake($0, j) }.map { (state.loads[$0] + costs[$0][j], $0) }.sorted { $0 < $1 }
                let regret = finishes.count > 1 ? finishes[1].0 - finishes[0].0 : .infinity
                if regret > pickRegret {
                    pickRegret = regret
                    pick = j
                    pickWorker = finishes[0].1
                }
            }
            state.owner[pick] = pickWorker
            state.loads[pickWorker] += costs[pickWorker][pick]
            unassigned.remove(pick)
        }
        return state
    }

    /// The first move of one job off the busiest worker that shortens the longest load; false if none does.
    mutating func moveOffBusiest() -> Bool {
        let current = loads.max() ?? 0
        let busiest = loads.firstIndex(of: current) ?? 0
        for j in owner.indices where owner[j] == busiest {
            for w in loads.indices where w != busiest && mayTake(w, j) {
                let newBusy = loads[busiest] - costs[busiest][j]
                let newOther = loads[w] + costs[w][j]
                if max(newBusy, newOther) < current - 1e-9 {
                    loads[busiest] = newBusy
                    loads[w] = newOther
                    owner[j] = w
                    return true
                }
            }
        }
        return false
    }

    /// The first swap of a job of the busiest worker with another worker's job that shortens the longest
    /// load; false if none does.
    mutating func swapWithBusiest() -> Bool {
        let current = loads.max() ?? 0
        let busiest = loads.firstIndex(of: current) ?? 0
        for j in owner.indices where owner[j] == busiest {
            for k in owner.indices where owner[k] != busiest {
                let w = owner[k]
                guard mayTake(w, j), mayTake(busiest, k) else { continue }
                let newBusy = loads[busiest] - costs[busiest][j] + costs[busiest][k]
                let newOther = loads[w] - costs[w][k] + costs[w][j]
                if max(newBusy, newOther) < current - 1e-9 {
                    loads[busiest] = newBusy
                    loads[w] = newOther
                    owner[j] = w
                    owner[k] = busiest
                    return true
                }
            }
        }
        return false
    }
}
