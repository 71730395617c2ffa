import Foundation
import Geo
import Testing
@testable import Hotspots

@Suite struct HotspotMapTests {
    @Test func mapRanksHotspotsProposesAClusterAndWritesClosedHexagons() throws {
        let area = try TestArea()
        let projection = try Projection.bng()
        var rows = [TestArea.header]
        // 6 stops at Shirley, 1 at Portswood, and 5 together about 1 km east of Shirley: a proposed hotspot.
        for index in 0..<6 { rows.append("2026-11-0\(index + 1)T10:00,,,Shirley High Street,,,truanting,none,pair-1,s\(index)") }
        rows.append("2026-11-02T10:00,,,Portswood Broadway,,,sick,none,pair-2,s1")
        for index in 0..<5 { rows.append("2026-11-0\(index + 1)T11:00,-1.4165\(index),50.9240,Bellemoor Road,,,truanting,none,pair-1,s\(index)") }
        let file = try area.write("map.csv", rows.joined(separator: "\n"))
        let stops = try area.parser().parse(fileAt: file, format: .stops).stops
        let gazetteer = try Gazetteer.load(dataDirectory: area.folder, projection: projection)
        let map = try HotspotMap.build(stops: stops, gazetteer: gazetteer, visits: [], asOf: try #require(LocalDateTime(iso: "2026-11-10")),
                                       weightOptions: WeightOptions(), heatOptions: HeatMapOptions(), projection: projection)
        let byID = Dictionary(uniqueKeysWithValues: map.hotspots.map { ($0.id, $0) })
        #expect(byID["shirley-high-street"]?.rank == 1 && byID["shirley-high-street"]?.stops == 6)
        #expect(byID["portswood-broadway"]?.stops == 1)
        #expect(map.proposed.count == 1 && map.proposed.first?.stops == 5 && map.proposed.first?.name == "Bellemoor Road")

        let collection = try map.featureCollection(projection: projection)
        let hexes = collection.features.filter { $0["layer"] == "hex" }
        #expect(!hexes.isEmpty)
        for hex in hexes {
            guard case let .polygon(rings)? = hex.geometry else { Issue.record("hex is not a polygon"); continue }
            #expect(rings.count == 1 && rings[0].count == 7 && rings[0].first == rings[0].last)
            #expect(hex.geometry?.hasRFC7946Winding == true)
        }
        let top = try #require(collection.features.first)
        #expect(top["id"] == "shirley-high-street" && top["marker-color"] == "#d7191c" && top["rank"] == 1)
        // Every stop lands in some written hexagon, and the written counts add up to all stops.
        #expect(hexes.reduce(0) { $0 + ($1["stops"]?.intValue ?? 0) } == stops.count)
    }

    @Test func reasonWeightsFileOverridesDefaultsAndRejectsUnknownReasons() throws {
        let area = try TestArea()
        let good = try area.write("weights.json", "{\"sick\": 0.1, \"truanting\": 2}")
        let weights = try ReasonWeights.read(contentsOf: good)
        #expect(weights[.sick] == 0.1 && weights[.truanting] == 2 && weights[.excluded] == 0.9)
        let bad = try area.write("bad.json", "{\"skiving\": 1}")
        #expect(throws: HotspotsError.self) { try ReasonWeights.read(contentsOf: bad) }
        do {
            _ = try ReasonWeights.read(contentsOf: bad)
        } catch let error as HotspotsError {
            #expect(error.exitCode == .configuration && error.description.contains("'skiving' is not a reason"))
        }
    }
}
