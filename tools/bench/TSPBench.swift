import ArgumentParser
import Foundation
import Solvers

struct TSPBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tsp",
        abstract: "Solve TSPLIB instances (NODE_COORD_SECTION, EUC_2D/CEIL_2D/ATT/GEO) with TSPSolver.",
        discussion: """
            Prints {"instance","value","best_known","gap_pct","seconds"} per file. The value is
            recomputed by walking the returned tour with TSPLIB's own distance function, not taken
            from the solver. Known optima are built in for the development set.

              patrol-bench tsp bench/tsp/berlin52.tsp bench/tsp/a280.tsp --check
            """
    )

    @Argument(help: "TSPLIB .tsp files.")
    var files: [String]

    @Flag(help: "Verify that every returned tour is a permutation of the nodes; exit non-zero if not.")
    var check = false

    @Option(help: "Random seed of the iterated local search.")
    var seed: UInt64 = 1

    @Option(help: "Perturbation rounds; by default they scale with the instance size.")
    var kicks: Int?

    /// Proven optima (TSPLIB95), as listed in bench/README.md.
    static let optima: [String: Int] = [
        "eil51": 426, "berlin52": 7542, "st70": 675, "kroA100": 21282, "ch130": 6110, "a280": 2579,
    ]

    func validate() throws {
        if let kicks, kicks < 0 { throw ValidationError("--kicks must be zero or more, got \(kicks).") }
    }

    func run() throws {
        var gaps = [Double]()
        var failures = [String]()
        var totalSeconds = 0.0
        for file in files {
            let instance = try TSPLIBInstance.parse(contentsOf: file)
            let clock = ContinuousClock()
            let began = clock.now
            let tour = try TSPSolver.closedTour(
                costs: instance.costMatrix(), options: TSPOptions(kicks: kicks, seed: seed))
            let seconds = TSPBenchFormat.seconds(clock.now - began)
            totalSeconds += seconds
            let n = instance.nodeCount
            if check && (tour.nodes.count != n || Set(tour.nodes) != Set(0..<n)) {
                failures.append("\(instance.name): tour of \(tour.nodes.count) nodes is not a permutation of 0..<\(n)")
            }
            var value = 0
            for k in 0..<tour.nodes.count {
                value += instance.distance(tour.nodes[k], tour.nodes[(k + 1) % tour.nodes.count])
            }
            var fields: [(String, String)] = [("instance", TSPBenchFormat.string(instance.name)), ("value", "\(value)")]
            if let best = Self.optima[instance.name] {
                let gap = 100 * Double(value - best) / Double(best)
                gaps.append(gap)
                fields += [("best_known", "\(best)"), ("gap_pct", TSPBenchFormat.number(gap))]
            }
            fields.append(("seconds", TSPBenchFormat.number(seconds)))
            print(TSPBenchFormat.object(fields))
        }
        try TSPBenchFormat.finish(family: "tsp", instances: files.count, totalSeconds: totalSeconds, gaps: gaps,
                                  check: check, failures: failures)
    }
}

/// One-line JSON output shared by the tsp and op subcommands (and the duration conversion by all).
enum TSPBenchFormat {
    /// The closing summary line (mean and worst gap, check result); exits non-zero when a check failed.
    static func finish(family: String, instances: Int, totalSeconds: Double, gaps: [Double], check: Bool,
                       failures: [String]) throws {
        var summary: [(String, String)] = [
            ("summary", string(family)), ("instances", "\(instances)"), ("total_seconds", number(totalSeconds)),
        ]
        if !gaps.isEmpty {
            summary += [
                ("mean_gap_pct", number(gaps.reduce(0, +) / Double(gaps.count))),
                ("worst_gap_pct", number(gaps.max() ?? 0)),
            ]
        }
        if check { summary.append(("check", failures.isEmpty ? "true" : "false")) }
        print(object(summary))
        if !failures.isEmpty {
            for failure in failures { FileHandle.standardError.write(Data("check failed: \(failure)\n".utf8)) }
            throw ExitCode.failure
        }
    }

    static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    static func string(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case _ where scalar.value < 0x20: escaped += String(format: "\\u%04x", scalar.value)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return "\"" + escaped + "\""
    }

    /// Up to four decimals, trailing zeros dropped, so integers print as integers.
    static func number(_ value: Double) -> String {
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
