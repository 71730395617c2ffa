import Geo
@testable import Planner

/// A small hand-made day plan for the writers' tests.
enum PlanFixtures {
    static let date = PlanDate("2026-11-25")!
    static let hotspot = Hotspot(id: "shirley-high-street", name: "Shirley High Street & Co", kind: "high_street",
                                 patch: "shirley", position: LonLat(lon: -1.4305, lat: 50.9235), dwellSeconds: 720, weight: 3.25)

    static var plan: DayPlan {
        let pair = Pair(id: "pair-1", baseName: "Shirley Road", base: LonLat(lon: -1.4250, lat: 50.9150))
        let travel = RouteLeg(kind: .travel, streets: ["Shirley Road", "Shirley High Street"],
                              path: [pair.base, LonLat(lon: -1.428, lat: 50.92), hotspot.position],
                              distanceMetres: 1_200, durationSeconds: 240, startSeconds: 36_000)
        let visit = HotspotVisit(hotspot: hotspot, arrivalSeconds: 36_240, dwellSeconds: 720, isRevisit: false)
        let sweep = RouteLeg(kind: .sweep, streets: ["Church Street"], path: [hotspot.position, LonLat(lon: -1.432, lat: 50.925)],
                             distanceMetres: 300, durationSeconds: 60, startSeconds: 36_960)
        let back = RouteLeg(kind: .travel, streets: ["Shirley Road"], path: [LonLat(lon: -1.432, lat: 50.925), pair.base],
                            distanceMetres: 1_500, durationSeconds: 300, startSeconds: 37_020)
        let pairPlan = PairPlan(pair: pair, patches: ["shirley"], steps: [.leg(travel), .visit(visit), .leg(sweep), .leg(back)])
        let outline = GeoJSONGeometry.polygon([[LonLat(lon: -1.44, lat: 50.91), LonLat(lon: -1.42, lat: 50.91),
                                                LonLat(lon: -1.42, lat: 50.93), LonLat(lon: -1.44, lat: 50.93), LonLat(lon: -1.44, lat: 50.91)]])
        return DayPlan(date: date, areaName: "southampton",
                       patches: [Patch(id: "shirley", name: "Shirley", schools: ["Regents Park Community College"], outline: outline)],
                       pairPlans: [pairPlan], notices: [PlanNotice(subject: "lordshill", message: "no streets yet")])
    }
}
