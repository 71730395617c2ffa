import Foundation
import Geo
import Testing
@testable import Planner
import Streets

@Suite(.serialized) struct DayPlannerTests {
    static func plan(_ options: PlanOptions) throws -> DayPlan {
        var area = try Southampton.area()
        _ = try HotspotWeights.apply(to: &area, store: nil, date: options.date, projection: Projection.bng())
        return try DayPlanner(area: area, network: Southampton.network(), options: options).plan().plan
    }

    static var options: PlanOptions {
        var options = PlanOptions(date: PlanDate("2026-11-25")!)
        options.sweepEffort = 20
        return options
    }

    @Test func everyRouteOfTheSouthamptonPlanIsFeasibleAndSweepsEveryReachableStreet() throws {
        let plan = try Self.plan(Self.options)
        #expect(plan.pairPlans.count == 2)
        for pairPlan in plan.pairPlans {
            #expect(PlanChecks.problems(pairPlan, revisitGapSeconds: 45 * 60).isEmpty, "\(PlanChecks.problems(pairPlan, revisitGapSeconds: 45 * 60))")
            #expect(pairPlan.fullSweep)
            #expect(pairPlan.visits.first?.isRevisit == false)
        }
        // The patches without streets are named, with the command that would make them route.
        for id in ["lordshill", "coxford", "millbrook"] {
            #expect(plan.notices.contains { $0.subject == id && $0.message.contains("patrol import-osm") })
        }
    }

    @Test func planningIsDeterministic() throws {
        let first = GeoJSONWriter.string(PlanGeoJSON.collection(try Self.plan(Self.options)))
        let second = GeoJSONWriter.string(PlanGeoJSON.collection(try Self.plan(Self.options)))
        #expect(first == second)
    }

    @Test func aShortWindowGivesABudgetedSweepThatStillEndsInTime() throws {
        var options = Self.options
        options.startSeconds = 10 * 3600
        options.endSeconds = 10 * 3600 + 50 * 60
        let plan = try Self.plan(options)
        #expect(!plan.pairPlans.isEmpty)
        for pairPlan in plan.pairPlans {
            #expect(PlanChecks.problems(pairPlan, revisitGapSeconds: 45 * 60).isEmpty)
            #expect(pairPlan.endSeconds <= Double(options.endSeconds!) + 0.5)
        }
        #expect(plan.pairPlans.contains { !$0.fullSweep })
    }

    @Test func aWindowTooShortEvenToGetThereIsAClearError() throws {
        var options = Self.options
        options.startSeconds = 10 * 3600
        options.endSeconds = 10 * 3600 + 60
        do {
            _ = try Self.plan(options)
            Issue.record("planned an impossible window")
        } catch let error as PlanError {
            #expect(error.code == "E-WINDOW-TOO-SHORT")
            #expect(error.description.contains("pair-"))
        }
    }

    @Test func homeVisitsShapeTheDayButAreWrittenNowhere() throws {
        var options = Self.options
        // A real street position in Freemantle; the coordinates must not appear in any output.
        let home = HomeVisit(position: LonLat(lon: -1.4201234, lat: 50.9131234), earliestSeconds: 10 * 3600 + 30 * 60,
                             latestSeconds: 12 * 3600, durationSeconds: 600, pair: nil)
        options.homeVisits = [home]
        let plan = try Self.plan(options)
        #expect(plan.pairPlans.contains { $0.steps.contains { if case let .wait(_, _, reason) = $0 { reason == "home visit" } else { false } } })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for url in try PlanOutputs.write(plan, to: folder) {
            let text = try String(contentsOf: url, encoding: .utf8)
            for planted in ["-1.4201234", "50.9131234", "-1.420123", "50.913123"] {
                #expect(!text.contains(planted), "\(url.lastPathComponent) holds \(planted)")
            }
        }
        for pairPlan in plan.pairPlans {
            #expect(PlanChecks.problems(pairPlan, revisitGapSeconds: 45 * 60).isEmpty)
        }
    }
}
