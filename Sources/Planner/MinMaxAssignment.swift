/// Gives each job (patch) to one worker (pair) so that the longest day is as short as possible:
/// scheduling on unrelated machines, R||Cmax. `costs[w][j]` is worker w's time for job j alone;
/// `allowed[w][j]` false forbids the pair (a pair's stated preferences).
///
/// Small instances (the usual case: a handful of patches) are solved exactly by depth-first
/// branch and bound. Larger ones use a regret-greedy start and a move/swap local search.
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
        let workers = costs.count
        let jobs = costs.first?.count ?? 0
        var owner = Array(repeating: -1, count: jobs)
        var loads = Array(repeating: 0.0, count: workers)
        func ok(_ w: Int, _ j: Int) -> Bool { allowed[w][j] && costs[w][j].isFinite }
        var unassigned = Set(0..<jobs)
        while !unassigned.isEmpty {
            // Place first the job whose best and second-best finishing times differ most.
            var pick = -1
            var pickWorker = -1
            var pickRegret = -Double.infinity
            for j in unassigned.sorted() {
                let finishes = (0..<workers).filter { ok($0, j) }.map { (loads[$0] + costs[$0][j], $0) }.sorted { $0 < $1 }
                let regret = finishes.count > 1 ? finishes[1].0 - finishes[0].0 : .infinity
                if regret > pickRegret {
                    pickRegret = regret
                    pick = j
                    pickWorker = finishes[0].1
                }
            }
            owner[pick] = pickWorker
            loads[pickWorker] += costs[pickWorker][pick]
            unassigned.remove(pick)
        }
        var improved = true
        while improved {
            improved = false
            let current = loads.max() ?? 0
            let busiest = loads.firstIndex(of: current) ?? 0
            // Move a job off the busiest worker.
            for j in 0..<jobs where owner[j] == busiest {
                for w in 0..<workers where w != busiest && ok(w, j) {
                    let newBusy = loads[busiest] - costs[busiest][j]
                    let newOther = loads[w] + costs[w][j]
                    if max(newBusy, newOther) < current - 1e-9 {
                        loads[busiest] = newBusy
                        loads[w] = newOther
                        owner[j] = w
                        improved = true
                        break
                    }
                }
                if improved { break }
            }
            if improved { continue }
            // Swap a job of the busiest worker with another worker's job.
            outer: for j in 0..<jobs where owner[j] == busiest {
                for k in 0..<jobs where owner[k] != busiest {
                    let w = owner[k]
                    guard ok(w, j), ok(busiest, k) else { continue }
                    let newBusy = loads[busiest] - costs[busiest][j] + costs[busiest][k]
                    let newOther = loads[w] - costs[w][k] + costs[w][j]
                    if max(newBusy, newOther) < current - 1e-9 {
                        loads[busiest] = newBusy
                        loads[w] = newOther
                        owner[j] = w
                        owner[k] = busiest
                        improved = true
                        break outer
                    }
                }
            }
        }
        return MinMaxAssignment(workerOfJob: owner, loads: loads, isProvenOptimal: false)
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
