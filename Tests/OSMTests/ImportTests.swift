import Foundation
import Geo
import Testing
@testable import OSM

struct ImportTests {
    typealias Edge = (way: Int64, from: Int64, to: Int64)

    static func edges(_ segments: [OSMStreetSegment]) -> [String] {
        segments.map { "\($0.wayID):\($0.fromNode)->\($0.toNode)" }
    }

    @Test(arguments: ["town.osm.pbf", "town-sparse.osm.pbf", "town-raw.osm.pbf"])
    func pbfAndXMLGiveIdenticalStreetsSchoolsAndPlaces(pbfName: String) throws {
        let xml = try importStreets(try TestFiles.fixture("town.osm"))
        let pbf = try importStreets(try TestFiles.fixture(pbfName))
        #expect(xml.segments.count == 15)
        #expect(streetsText(xml.segments) == streetsText(pbf.segments))
        #expect(xml.result.schools == pbf.result.schools)
        #expect(xml.result.places == pbf.result.places)
        #expect(xml.result.statistics == pbf.result.statistics)
    }

    @Test func townSplitsAtEveryJunctionAndNowhereElse() throws {
        let (segments, result) = try importStreets(try TestFiles.fixture("town.osm"))
        // Worked out by hand from the fixture's drawing: node 2, 3, 5 are T-junctions; the
        // roundabout (way 104) is cut where ways 105, 107 and 106 meet it (8, 9, 10), not at 11.
        #expect(Self.edges(segments) == [
            "100:1->2", "100:2->3", "100:3->4",
            "101:2->5", "101:5->6",
            "102:7->3",
            "103:5->7",
            "104:8->9", "104:9->10", "104:10->8",
            "105:4->8", "106:10->12", "107:9->13",
            "108:6->14", "109:14->1",
        ])
        let roundaboutTail = try #require(segments.first { $0.wayID == 104 && $0.fromNode == 10 })
        #expect(roundaboutTail.coordinates == [LonLat(lon: -1.2955, lat: 50.7), LonLat(lon: -1.296, lat: 50.6995), LonLat(lon: -1.2965, lat: 50.7)])
        #expect(result.statistics.highwayWays == 12)
        #expect(result.statistics.streetWays == 10)
        #expect(result.statistics.waysRead == 16)
        #expect(result.statistics.nodesRead == 35)  // nodes 1–17, 20–26, 30–32 and 40–47
        #expect(result.statistics.relationsRead == 2)
    }

    @Test func onewayMinusOneAndRoundaboutsAreWrittenAsTagged() throws {
        let (segments, _) = try importStreets(try TestFiles.fixture("town.osm.pbf"))
        func oneway(_ way: Int64) -> Set<String> { Set(segments.filter { $0.wayID == way }.map(\.attributes.oneway)) }
        #expect(oneway(101) == ["yes"])
        #expect(oneway(102) == ["-1"])
        #expect(oneway(104) == ["yes"])
        #expect(oneway(106) == ["no"])
        #expect(oneway(107) == ["-1"])
        #expect(oneway(100) == ["no"])
        // Mill Road is drawn 7 → 3 and open only 3 → 7: its geometry keeps the way's direction.
        let mill = try #require(segments.first { $0.wayID == 102 })
        #expect(mill.coordinates.first == LonLat(lon: -1.298, lat: 50.701))
    }

    @Test func scanOnlyMaxspeedAndNamesComeThrough() throws {
        let (segments, _) = try importStreets(try TestFiles.fixture("town.osm"))
        let byWay = Dictionary(grouping: segments, by: \.wayID)
        #expect(byWay[108]?.first?.scanOnly == true)
        #expect(byWay[109]?.first?.scanOnly == true)
        #expect(byWay[109]?.first?.attributes.name == "Twitten")
        #expect(byWay[108]?.first?.attributes.name == "")
        #expect(byWay[100]?.allSatisfy { !$0.scanOnly && $0.attributes.maxspeedKilometresPerHour == 48.28 } == true)
        #expect(byWay[101]?.first?.attributes.maxspeedKilometresPerHour == 20)
        #expect(byWay[103]?.first?.attributes.maxspeedKilometresPerHour == 50)
        #expect(byWay[105]?.first?.attributes.maxspeedKilometresPerHour == nil)
        #expect(byWay[110] == nil && byWay[111] == nil)
        let feature = try #require(byWay[109]?.first?.feature)
        #expect(Set(feature.properties.keys) == ["osm_way_id", "from_node", "to_node", "name", "highway", "oneway", "length_m", "scan_only"])
        #expect(byWay[100]?.first?.feature["maxspeed"] == .number(48.28))
    }

    @Test func lengthsAgreeWithHaversineWithinHalfAPercent() throws {
        let (segments, _) = try importStreets(try TestFiles.fixture("town.osm"))
        for segment in segments {
            var haversine = 0.0
            for i in 1..<segment.coordinates.count {
                haversine += haversineMetres(segment.coordinates[i - 1], segment.coordinates[i])
            }
            #expect(abs(segment.lengthMetres - haversine) / haversine < 0.005, "way \(segment.wayID): \(segment.lengthMetres) vs \(haversine)")
        }
    }

    @Test func schoolsAndPlacesComeFromNodesAndAreaCentroids() throws {
        let (_, result) = try importStreets(try TestFiles.fixture("town.osm"))
        #expect(result.schools.map(\.osmID) == ["node/31", "way/200"])
        let area = try #require(result.schools.last)
        // The square 20-21-22-23 has its centroid at its middle.
        #expect(abs(area.position.lon - -1.2985) < 1e-9 && abs(area.position.lat - 50.6985) < 1e-9)
        #expect(area.schoolFeature["phase"] == "Primary")
        #expect(result.schools.first?.schoolFeature["capacity"] == .number(900))
        #expect(result.schools.first?.schoolFeature["phase"] == "Secondary")
        #expect(result.places.map { "\($0.osmID) \($0.placeKind ?? "")" } == ["node/30 supermarket", "node/32 fast_food", "way/201 park", "relation/301 playground"])
        // The multipolygon sits at its outer ring's centroid (the square 40-41-42-43).
        let playground = try #require(result.places.last)
        #expect(abs(playground.position.lon - -1.2945) < 1e-9 && abs(playground.position.lat - 50.6985) < 1e-9)
        let park = try #require(result.places.first { $0.osmID == "way/201" })
        // A triangle's centroid is the mean of its corners.
        #expect(abs(park.position.lon - (-1.298 - 1.295 - 1.2965) / 3) < 1e-9)
        #expect(abs(park.position.lat - (50.702 + 50.702 + 50.7026) / 3) < 1e-9)
        #expect(result.places.first?.placeFeature?["name"] == "Island Foods")
    }

    @Test func bboxKeepsWholeWaysWithANodeInside() throws {
        // Only nodes 12 (-1.2945) and 10 (-1.2955) lie east of -1.2956: ways 106 and the roundabout 104 stay, whole.
        let box = OSMBoundingBox(minLon: -1.2956, minLat: 50.69, maxLon: -1.29, maxLat: 50.71)
        let (segments, result) = try importStreets(try TestFiles.fixture("town.osm"), bbox: box)
        // With fewer ways, the roundabout is cut only where 106 meets it (node 10) and at its closing node 8.
        #expect(Self.edges(segments) == ["104:8->10", "104:10->8", "106:10->12"])
        #expect(result.schools.isEmpty)
        #expect(result.places.map(\.osmID) == ["relation/301"])  // its centroid (-1.2945, 50.6985) is inside
    }

    @Test func splitFixtureGivesTheHandComputedSegments() throws {
        for name in ["split.osm", "split.osm.pbf"] {
            let (segments, result) = try importStreets(try TestFiles.fixture(name))
            // Way 1: repeated node 11 collapses; node 12 is shared with way 2; node 13 is used twice
            // (the lollipop). Way 3 is cut at the missing node 99, leaving 32 alone (no segment).
            #expect(Self.edges(segments) == [
                "1:10->12", "1:12->13", "1:13->13",
                "2:20->12", "2:12->22",
                "3:30->22", "3:22->31",
                "4:40->41",
            ])
            #expect(segments.first?.coordinates.count == 3)
            #expect(segments[2].coordinates.count == 4)
            #expect(result.statistics.missingNodeRefs == 1)
            #expect(result.statistics.segments == 8)
        }
    }
}
