import ArgumentParser
import Foundation
import Planner
import Streets

struct BudgetedBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budgeted",
        abstract: "The budgeted sweep's choice of streets against the exhaustive optimum on real Southampton streets.",
        discussion: """
            Builds seeded instances: a connected run of a patch's street groups, a start among them, values near \
            random attractors and a budget of 30–90 % of the full sweep. The optimum tries every subset of groups \
            (in order of value, the first that fits), priced by the same evaluator the budgeted sweep decides by, \
            so the gap is that of the selection alone. One JSON object per instance, then a summary line.

              patrol-bench budgeted --instances 50 --seed 1 --max-groups 12
            """
    )

    @Option(help: "Number of instances.")
    var instances = 50

    @Option(help: "Seed of the instance generator.")
    var seed: UInt64 = 1

    @Option(help: "Fewest street groups per instance.")
    var minGroups = 4

    @Option(help: "Most street groups per instance (the optimum tries 2^groups subsets).")
    var maxGroups = 12

    @Option(help: "Area folder with patches.geojson and streets.geojson.")
    var data = "geodata/southampton"

    func validate() throws {
        if instances < 1 { throw ValidationError("--instances must be at least 1") }
        if minGroups < 1 || minGroups > maxGroups { throw ValidationError("--min-groups must be between 1 and --max-groups") }
        if maxGroups > 16 { throw ValidationError("--max-groups above 16 would try more than 65,536 subsets per instance") }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: data)
        let area = try Area.load(from: folder)
        let network = try StreetNetwork.load(contentsOf: folder.appendingPathComponent("streets.geojson"))
        let router = SweepRouter(network: network)
        let cases = try BudgetedSweepGap.instances(area: area, network: network, router: router, count: instances, seed: seed,
                                                   minGroups: minGroups, maxGroups: maxGroups)
        var gaps: [Double] = []
        var seconds: [Double] = []
        var optimumSeconds: [Double] = []
        for (index, instance) in cases.enumerated() {
            let (heuristic, heuristicTime) = try timed { try BudgetedSweepGap.heuristic(instance, router: router, network: network) }
            let (optimum, optimumTime) = try timed { try BudgetedSweepGap.optimum(instance, router: router, network: network) }
            let gap = optimum.value > 0 ? (optimum.value - heuristic.value) / optimum.value * 100 : 0
            gaps.append(gap)
            seconds.append(heuristicTime)
            optimumSeconds.append(optimumTime)
            let fields = [
                "\"instance\":\(index)", "\"patch\":\"\(instance.patchID)\"", "\"groups\":\(instance.groupCount)",
                "\"budget_s\":\(f1(instance.budgetSeconds))", "\"full_s\":\(f1(instance.fullDurationSeconds))",
                "\"value\":\(f1(heuristic.value))", "\"optimum\":\(f1(optimum.value))", "\"gap_pct\":\(f3(gap))",
                "\"tour_s\":\(f1(heuristic.durationSeconds))", "\"optimum_tour_s\":\(f1(optimum.durationSeconds))",
                "\"evaluations\":\(heuristic.evaluations)", "\"optimum_evaluations\":\(optimum.evaluations)",
                "\"seconds\":\(f3(heuristicTime))", "\"optimum_seconds\":\(f3(optimumTime))",
            ]
            print("{" + fields.joined(separator: ",") + "}")
        }
        guard !gaps.isEmpty else { return }
        let optimal = gaps.filter { $0 < 1e-9 }.count
        let fields = [
            "\"summary\":\"budgeted\"", "\"instances\":\(gaps.count)", "\"seed\":\(seed)", "\"max_groups\":\(maxGroups)",
            "\"optimal\":\(optimal)", "\"mean_gap_pct\":\(f3(gaps.reduce(0, +) / Double(gaps.count)))",
            "\"worst_gap_pct\":\(f3(gaps.max()!))",
            "\"mean_seconds\":\(f3(seconds.reduce(0, +) / Double(seconds.count)))", "\"worst_seconds\":\(f3(seconds.max()!))",
            "\"mean_optimum_seconds\":\(f3(optimumSeconds.reduce(0, +) / Double(optimumSeconds.count)))",
            "\"worst_optimum_seconds\":\(f3(optimumSeconds.max()!))",
        ]
        print("{" + fields.joined(separator: ",") + "}")
    }

    func timed<T>(_ work: () throws -> T) rethrows -> (T, Double) {
        let clock = ContinuousClock()
        let started = clock.now
        let result = try work()
        return (result, TSPBenchFormat.seconds(clock.now - started))
    }

    func f1(_ x: Double) -> String { String(format: "%.1f", x) }
    func f3(_ x: Double) -> String { String(format: "%.3f", x) }
}
