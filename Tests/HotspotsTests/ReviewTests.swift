import Foundation
import Geo
import Testing
@testable import Hotspots

@Suite struct ReviewTests {
    @Test func reviewCountsPlannedMinutesAndStopsPerHotspot() throws {
        let area = try TestArea()
        let projection = try Projection.bng()
        var rows = [TestArea.header]
        // Before the day: stops at Shirley for the map; on the day: 3 at Shirley, 1 at Portswood.
        for index in 0..<8 { rows.append("2026-11-1\(index % 5)T10:1\(index),,,Shirley High Street,,11-13,truanting,none,pair-1,s1") }
        for index in 0..<3 { rows.append("2026-11-23T10:2\(index),,,shirley-high-street,,11-13,sick,none,pair-1,s2") }
        rows.append("2026-11-23T11:00,,,Portswood Broadway,,11-13,lunch_break,none,pair-2,s2")
        let file = try area.write("sweeps.csv", rows.joined(separator: "\n"))
        let store = try SQLiteStopStore(path: area.dbPath)
        _ = try store.importFile(try area.parser().parse(fileAt: file, format: .stops), role: "planner", importedAt: "t")

        let plan = FeatureCollection(features: [
            Feature(geometry: .point(LonLat(lon: -1.4305, lat: 50.9240)), properties: [
                "id": "shirley-high-street", "name": "Shirley High Street", "visit_seq": 1, "eta": "10:15", "dwell_min": 12, "pair": "pair-1"]),
            Feature(geometry: .point(LonLat(lon: -1.4305, lat: 50.9240)), properties: [
                "id": "shirley-high-street", "name": "Shirley High Street", "visit_seq": 4, "eta": "11:40", "dwell_min": 12, "pair": "pair-1"]),
            Feature(geometry: .point(LonLat(lon: -1.4560, lat: 50.9440)), properties: [
                "name": "Lordshill District Centre", "visit_seq": 2, "eta": "10:45", "dwell_min": 15, "pair": "pair-1"]),
            Feature(geometry: .lineString([LonLat(lon: -1.43, lat: 50.92), LonLat(lon: -1.45, lat: 50.94)]), properties: ["pair": "pair-1"]),
        ])
        let planURL = try area.write("plan.geojson", GeoJSONWriter.string(plan))
        let gazetteer = try Gazetteer.load(dataDirectory: area.folder, projection: projection)
        let planned = try PlannedVisit.read(planAt: planURL, gazetteer: gazetteer, projection: projection)
        #expect(planned.map(\.hotspotID) == ["shirley-high-street", "shirley-high-street", "lordshill-centre"])
        let day = try #require(LocalDateTime(iso: "2026-11-23"))
        #expect(try store.recordVisits(planned.map { $0.visit(date: day, source: "plan.geojson") }) == 3)
        #expect(try store.recordVisits(planned.map { $0.visit(date: day, source: "plan.geojson") }) == 0)

        let review = try Review.build(date: day, stops: try store.allStops(), gazetteer: gazetteer, visits: try store.visits(),
                                      plan: planned, weightOptions: WeightOptions(), heatOptions: HeatMapOptions(),
                                      projection: projection)
        let byID = Dictionary(uniqueKeysWithValues: review.rows.map { ($0.id, $0) })
        let shirley = try #require(byID["shirley-high-street"])
        #expect(shirley.plannedVisits == 2 && shirley.minutes == 24 && shirley.stops == 3)
        #expect(abs((shirley.stopsPerHour ?? 0) - 7.5) < 1e-12)
        #expect(shirley.rankBefore == 1)
        let lordshill = try #require(byID["lordshill-centre"])
        #expect(lordshill.plannedVisits == 1 && lordshill.minutes == 15 && lordshill.stops == 0)
        let portswood = try #require(byID["portswood-broadway"])
        #expect(portswood.plannedVisits == 0 && portswood.stops == 1 && portswood.stopsPerHour == nil)
        #expect(review.stopsOnDay == 4)
        #expect(review.evaluation.testStops == 4 && review.evaluation.trainingStops == 8)
        let markdown = review.markdown()
        #expect(markdown.contains("| 1 | Shirley High Street | 2 | 24 | 3 | 7.50 |"))
    }

    @Test func reviewWithoutAPlanStillCountsStops() throws {
        let area = try TestArea()
        let projection = try Projection.bng()
        let file = try area.write("day.csv", TestArea.header + "\n2026-11-23T10:00,,,Portswood Broadway,,,sick,none,,\n")
        let store = try SQLiteStopStore(path: area.dbPath)
        _ = try store.importFile(try area.parser().parse(fileAt: file, format: .stops), role: "planner", importedAt: "t")
        let review = try Review.build(date: try #require(LocalDateTime(iso: "2026-11-23")), stops: try store.allStops(),
                                      gazetteer: try Gazetteer.load(dataDirectory: area.folder, projection: projection),
                                      visits: [], plan: nil, weightOptions: WeightOptions(), heatOptions: HeatMapOptions(),
                                      projection: projection)
        #expect(!review.planGiven && review.rows.count == 1 && review.rows[0].stops == 1 && review.rows[0].minutes == 0)
        #expect(review.markdown().contains("No plan was given"))
    }
}
