import ArgumentParser
import Foundation
import Solvers

struct OPBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "op",
        abstract: "Solve orienteering instances (Tsiligirides/Chao format) with Orienteering.solve.",
        discussion: """
            Prints {"instance","value","best_known","gap_pct","seconds"} per file. The value is the
            score of the returned path, and the path length is re-walked with unrounded Euclidean
            distances and checked against Tmax. Best known scores of Tsiligirides set 1 are built in.

              patrol-bench op bench/op/tsiligirides_problem_1_budget_40.txt --check
            """
    )

    @Argument(help: "Instance files: first line `Tmax P`, then `x y score` per node; node 1 starts, node 2 ends.")
    var files: [String]

    @Flag(help: "Verify every path: starts and ends right, visits no node twice, and fits Tmax; exit non-zero if not.")
    var check = false

    @Option(help: "Random seed of the iterated local search.")
    var seed: UInt64 = 1

    @Option(help: "Search rounds; by default they scale with the number of prized nodes.")
    var iterations: Int?

    /// Best known scores of Tsiligirides problem set 1 by budget, from bench/README.md.
    static let bestKnown: [Int: Int] = [
        5: 10, 10: 15, 15: 45, 20: 65, 25: 90, 30: 110, 35: 135, 40: 155, 46: 175,
        50: 190, 55: 205, 60: 225, 65: 240, 70: 260, 73: 265, 75: 275, 80: 280, 85: 285,
    ]

    func validate() throws {
        if let iterations, iterations < 0 {
            throw ValidationError("--iterations must be zero or more, got \(iterations).")
        }
    }

    func run() throws {
        var gaps = [Double]()
        var failures = [String]()
        var totalSeconds = 0.0
        for file in files {
            let instance = try OrienteeringInstance.parse(contentsOf: file)
            let clock = ContinuousClock()
            let began = clock.now
            let route = try Orienteering.solve(
                costs: instance.costMatrix(), prizes: instance.scores, start: instance.start, end: instance.end,
                budget: instance.budget, seed: seed, iterations: iterations)
            let seconds = TSPBenchFormat.seconds(clock.now - began)
            totalSeconds += seconds

            var length = 0.0
            for k in 0..<max(0, route.nodes.count - 1) {
                length += instance.distance(route.nodes[k], route.nodes[k + 1])
            }
            let distinct = Set(route.nodes)
            let value = distinct.reduce(0.0) { $0 + instance.scores[$1] }
            if check {
                if route.nodes.first != instance.start || route.nodes.last != instance.end {
                    failures.append("\(instance.name): path does not run from node 1 to node 2")
                }
                if distinct.count != route.nodes.count {
                    failures.append("\(instance.name): path visits a node twice")
                }
                if length > instance.budget {
                    failures.append("\(instance.name): path length \(length) exceeds Tmax \(instance.budget)")
                }
            }
            var fields: [(String, String)] = [
                ("instance", TSPBenchFormat.string(instance.name)), ("value", TSPBenchFormat.number(value)),
            ]
            if let best = Self.bestKnown[Int(instance.budget.rounded())], instance.nodeCount == 32 {
                let gap = 100 * (Double(best) - value) / Double(best)
                gaps.append(gap)
                fields += [("best_known", "\(best)"), ("gap_pct", TSPBenchFormat.number(gap))]
            }
            fields += [
                ("length", TSPBenchFormat.number(length)), ("tmax", TSPBenchFormat.number(instance.budget)),
                ("seconds", TSPBenchFormat.number(seconds)),
            ]
            print(TSPBenchFormat.object(fields))
        }
        try TSPBenchFormat.finish(family: "op", instances: files.count, totalSeconds: totalSeconds, gaps: gaps,
                                  check: check, failures: failures)
    }
}
