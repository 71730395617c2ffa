import ArgumentParser
import Foundation
import Solvers

struct URPPBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "urpp",
        abstract: "Solve undirected rural postman instances (UR format) and report the gap to the optimum.",
        discussion: """
            Prints one JSON object per instance, then a summary line. The value is recomputed by
            walking the returned closed walk over the instance's edges. Example:
              patrol-bench urpp bench/urpp/UR* --check
            """
    )

    @Argument(help: "Instance files in the UR format.")
    var files: [String]

    @Flag(help: "Verify that every required edge is covered and the walk is closed and connected.")
    var check = false

    /// Proven optima from bench/README.md (Corberán, Plana & Sanchis 2007).
    static let optimum: [String: Double] = [
        "UR532": 17277, "UR535": 23635, "UR537": 30098, "UR542": 17830, "UR545": 29648, "UR547": 38692,
        "UR552": 20097, "UR555": 34488, "UR557": 48307, "UR562": 24556, "UR565": 42828, "UR567": 58971,
    ]

    struct WalkError: Error, CustomStringConvertible {
        var instance: String
        var problem: String
        var description: String { "\(instance): \(problem)" }
    }

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one instance file") }
    }

    func run() throws {
        var gaps: [Double] = []
        var worstSeconds = 0.0
        var worstCPUSeconds = 0.0
        for path in files {
            let instance = try URPPInstance(path: path)
            let clock = ContinuousClock()
            let started = clock.now
            let cpuStarted = processCPUSeconds()
            let tour = try UndirectedRuralPostman.solve(nodeCount: instance.nodeCount, edges: instance.edges)
            let cpuSeconds = processCPUSeconds() - cpuStarted
            let seconds = TSPBenchFormat.seconds(clock.now - started)
            worstSeconds = max(worstSeconds, seconds)
            worstCPUSeconds = max(worstCPUSeconds, cpuSeconds)
            let value = try walk(tour, instance, verify: check)
            var fields: [String] = ["\"instance\":\"\(instance.name)\"", "\"value\":\(format(value))"]
            if let best = Self.optimum[instance.name] {
                let gap = (value - best) / best * 100
                gaps.append(gap)
                fields.append("\"best_known\":\(format(best))")
                fields.append("\"gap_pct\":\(String(format: "%.3f", gap))")
            }
            fields.append("\"seconds\":\(String(format: "%.3f", seconds))")
            // CPU time of this process: the wall clock inflates when other builds share the cores.
            fields.append("\"cpu_seconds\":\(String(format: "%.3f", cpuSeconds))")
            if check { fields.append("\"checked\":true") }
            print("{" + fields.joined(separator: ",") + "}")
        }
        if !gaps.isEmpty {
            let mean = gaps.reduce(0, +) / Double(gaps.count)
            print("{\"summary\":\"urpp\",\"instances\":\(gaps.count),\"mean_gap_pct\":\(String(format: "%.3f", mean)),\"worst_gap_pct\":\(String(format: "%.3f", gaps.max()!)),\"worst_seconds\":\(String(format: "%.3f", worstSeconds)),\"worst_cpu_seconds\":\(String(format: "%.3f", worstCPUSeconds))}")
        }
    }

    func processCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    func format(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%.3f", x)
    }

    /// Cost of the walk, recomputed from the instance's own edges; with `verify`, feasibility too.
    func walk(_ tour: UndirectedTour, _ instance: URPPInstance, verify: Bool) throws -> Double {
        var at = tour.start
        var total = 0.0
        var covered = [Bool](repeating: false, count: instance.edges.count)
        for (i, step) in tour.steps.enumerated() {
            guard instance.edges.indices.contains(step.element) else {
                throw WalkError(instance: instance.name, problem: "step \(i) names edge \(step.element), which does not exist")
            }
            let e = instance.edges[step.element]
            let (from, to) = step.forward ? (e.u, e.v) : (e.v, e.u)
            if verify && from != at {
                throw WalkError(instance: instance.name, problem: "step \(i) leaves node \(from + 1) but the walk is at \(at + 1)")
            }
            at = to
            total += e.cost
            covered[step.element] = true
        }
        if verify {
            if at != tour.start {
                throw WalkError(instance: instance.name, problem: "walk ends at \(at + 1), not at its start \(tour.start + 1)")
            }
            let missed = instance.edges.indices.filter { instance.edges[$0].required && !covered[$0] }
            if !missed.isEmpty {
                throw WalkError(instance: instance.name, problem: "required edges not covered: \(missed.prefix(10).map { "(\(instance.edges[$0].u + 1),\(instance.edges[$0].v + 1))" })")
            }
        }
        return total
    }
}
