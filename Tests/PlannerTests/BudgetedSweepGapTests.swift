import Foundation
import Testing
@testable import Planner
import Streets

/// The budgeted sweep's choice of street groups against the exhaustive optimum on small real instances.
/// Both price a set of groups with the evaluator the sweep itself decides by (`BudgetedSweep.pricingRouter`),
/// so the gap is the selection heuristic's alone.
@Suite(.serialized) struct BudgetedSweepGapTests {
    /// Best value over every subset of groups whose evaluator tour fits: each subset in mask order, priced only
    /// when it would beat the best so far. Independent of `BudgetedSweepGap.optimum`, which tries subsets by value.
    static func bruteForce(_ instance: BudgetedSweepGap.Instance, router: SweepRouter, network: StreetNetwork) throws -> Double {
        let groups = BudgetedSweep.groups(network: network, edges: instance.requiredEdges, values: instance.values)
        let quick = BudgetedSweep.pricingRouter(router)
        var best = 0.0
        for mask in 1..<(1 << groups.count) {
            let members = groups.indices.filter { mask & (1 << $0) != 0 }
            let value = members.reduce(0.0) { $0 + groups[$1].value }
            guard value > best else { continue }
            let tour = try quick.tour(requiredEdges: members.flatMap { groups[$0].edges }, from: instance.start)
            if tour.durationSeconds <= instance.budgetSeconds { best = value }
        }
        return best
    }

    @Test func budgetedSweepNeverBeatsTheExhaustiveOptimumAndStaysNearItOnAverage() throws {
        let area = try Southampton.area()
        let network = try Southampton.network()
        let router = SweepRouter(network: network)
        let instances = try BudgetedSweepGap.instances(area: area, network: network, router: router, count: 20, seed: 7,
                                                       minGroups: 5, maxGroups: 8)
        #expect(instances.count == 20)
        var gaps: [Double] = []
        var lines: [String] = []
        for (index, instance) in instances.enumerated() {
            #expect(instance.budgetSeconds < instance.fullDurationSeconds)
            let heuristic = try BudgetedSweepGap.heuristic(instance, router: router, network: network)
            let optimum = try Self.bruteForce(instance, router: router, network: network)
            // The measuring code the benchmark runs finds the same optimum by its own route.
            if index < 3 {
                #expect(try BudgetedSweepGap.optimum(instance, router: router, network: network).value == optimum)
            }
            #expect(heuristic.durationSeconds <= instance.budgetSeconds, "instance \(index) overruns its budget")
            #expect(heuristic.value <= optimum + 1e-6, "instance \(index): heuristic \(heuristic.value) above the optimum \(optimum)")
            let gap = optimum > 0 ? (optimum - heuristic.value) / optimum * 100 : 0
            gaps.append(gap)
            lines.append("\(instance.patchID) g=\(instance.groupCount) budget=\(Int(instance.budgetSeconds))/\(Int(instance.fullDurationSeconds)) s value=\(Int(heuristic.value)) optimum=\(Int(optimum)) gap=\(String(format: "%.2f", gap)) %")
        }
        let optimal = gaps.filter { $0 < 1e-9 }.count
        let mean = gaps.reduce(0, +) / Double(max(1, gaps.count))
        let summary = "optimal \(optimal)/\(gaps.count), mean gap \(String(format: "%.2f", mean)) %, worst \(String(format: "%.2f", gaps.max() ?? 0)) %\n" + lines.joined(separator: "\n")
        // Bars from the measurement (10 of 20 optimal, mean gap 4.5 %, worst 19.8 % on 2026-11-24), with a
        // margin. The ratios are estimates of what a group costs in the tour, so a few instances stay well off
        // the optimum.
        #expect(optimal * 100 >= gaps.count * 40, "\(summary)")
        #expect(mean <= 8, "\(summary)")
        #expect((gaps.max() ?? 0) <= 45, "\(summary)")
    }
}
