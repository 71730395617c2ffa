import Foundation
import Geo
import Testing
@testable import Streets

@Suite struct LoadingTests {
    @Test func fixtureLoadsWithEveryFeatureAccountedFor() throws {
        let url = try TestNetworks.fixtureURL("newport-sample.streets.geojson")
        let segments = try StreetsFile.readSegments(contentsOf: url)
        let network = try StreetNetwork.load(contentsOf: url)
        // Count features and scan-only ones straight from the JSON, independently of the reader.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let features = json["features"] as! [[String: Any]]
        let properties = features.map { $0["properties"] as! [String: Any] }
        let scanOnly = properties.filter { $0["scan_only"] as! Bool }.count
        #expect(segments.count == features.count)
        #expect(network.scanPaths.count == scanOnly)
        #expect(network.edgeCount == features.count - scanOnly)
        let expectedArcs = properties.filter { !($0["scan_only"] as! Bool) }
            .reduce(0) { $0 + (($1["oneway"] as! String) == "no" ? 2 : 1) }
        #expect(network.arcCount == expectedArcs)
        // Vertices are in BNG near Newport, Isle of Wight (E 449884, N 89299).
        for point in network.nodePoints {
            #expect(abs(point.easting - 449_900) < 2000 && abs(point.northing - 89_500) < 2000)
        }
        // Each edge's file length and its projected geometry agree to within the projection's scale error.
        for edge in 0..<network.edgeCount {
            let planar = Polyline.lengthMetres(network.geometry(ofEdge: edge))
            #expect(abs(planar - network.edges[edge].lengthMetres) < 0.01 * planar + 0.05)
        }
    }

    @Test func speedIsTheClassSpeedCappedByMaxspeed() throws {
        let points: [Int64: (Double, Double)] = [1: (0, 0), 2: (360, 0)]
        var capped = TestNetworks.street(1, 2, points, highway: "secondary")
        capped.maxspeedKmPerHour = 32.2
        var uncapped = TestNetworks.street(1, 2, points, highway: "residential")
        uncapped.maxspeedKmPerHour = 48.3
        let unknown = TestNetworks.street(1, 2, points, highway: "busway")
        let network = try StreetNetwork(segments: [capped, uncapped, unknown])
        #expect(network.edges.map(\.speedKmPerHour) == [32.2, 25, 20])
        #expect(abs(network.edges[1].durationSeconds - 360 / (25 / 3.6)) < 1e-9)
    }

    @Test func speedProfileFileOverridesSomeClasses() throws {
        let profile = try SpeedProfile.parse(bytes: Array(#"{"speeds_kmh": {"residential": 18, "busway": 12}, "default_kmh": 10, "speed_factor": 0.5}"#.utf8))
        #expect(profile.speedKmPerHour(highway: "residential", maxspeedKmPerHour: nil) == 9)
        #expect(profile.speedKmPerHour(highway: "busway", maxspeedKmPerHour: nil) == 6)
        #expect(profile.speedKmPerHour(highway: "primary", maxspeedKmPerHour: nil) == 24)
        #expect(profile.speedKmPerHour(highway: "made_up", maxspeedKmPerHour: nil) == 5)
        #expect(profile.speedKmPerHour(highway: "primary", maxspeedKmPerHour: 30) == 15)
        #expect(throws: StreetsError.self) { try SpeedProfile.parse(bytes: Array(#"{"speeds_kmh": {"residential": -3}}"#.utf8)) }
        #expect(throws: StreetsError.self) { try SpeedProfile.parse(bytes: Array(#"{"speed_kmh": {}}"#.utf8)) }
    }

    static let goodProperties = #""osm_way_id": 7, "from_node": 1, "to_node": 2, "name": "Pyle Street", "highway": "residential", "oneway": "no", "length_m": 78.9, "scan_only": false"#

    func file(_ secondProperties: String, geometry: String = #"{"type": "LineString", "coordinates": [[-1.30, 50.70], [-1.299, 50.70]]}"#) -> [UInt8] {
        Array("""
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[-1.30, 50.70], [-1.30, 50.701]]},
           "properties": {\(Self.goodProperties)}},
          {"type": "Feature", "geometry": \(geometry), "properties": {\(secondProperties)}}
        ]}
        """.utf8)
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        let properties: String
        let property: String
        var testDescription: String { property }
    }

    static let badCases: [BadCase] = [
        BadCase(properties: goodProperties.replacingOccurrences(of: #""oneway": "no""#, with: #""oneway": "maybe""#), property: "oneway"),
        BadCase(properties: goodProperties.replacingOccurrences(of: #""length_m": 78.9"#, with: #""length_m": "78.9""#), property: "length_m"),
        BadCase(properties: goodProperties.replacingOccurrences(of: #""length_m": 78.9"#, with: #""length_m": -1"#), property: "length_m"),
        BadCase(properties: goodProperties.replacingOccurrences(of: #""from_node": 1"#, with: #""from_node": 1.5"#), property: "from_node"),
        BadCase(properties: goodProperties.replacingOccurrences(of: #""to_node": 2, "#, with: ""), property: "to_node"),
        BadCase(properties: goodProperties.replacingOccurrences(of: #""scan_only": false"#, with: #""scan_only": "no""#), property: "scan_only"),
        BadCase(properties: goodProperties + #", "maxspeed": "30 mph""#, property: "maxspeed"),
        BadCase(properties: goodProperties.replacingOccurrences(of: #""highway": "residential""#, with: #""highway": 3"#), property: "highway"),
        BadCase(properties: goodProperties.replacingOccurrences(of: #""osm_way_id": 7"#, with: #""osm_way_id": null"#), property: "osm_way_id"),
        BadCase(properties: goodProperties.replacingOccurrences(of: #""name": "Pyle Street""#, with: #""name": 12"#), property: "name"),
    ]

    @Test(arguments: badCases)
    func badPropertyNamesTheFeatureAndTheProperty(_ bad: BadCase) throws {
        do {
            _ = try StreetsFile.readSegments(bytes: file(bad.properties), file: "streets.geojson")
            Issue.record("expected an error for \(bad.property)")
        } catch let error as StreetsError {
            guard case let .badProperty(file, featureIndex, property, _, _) = error else {
                Issue.record("wrong error: \(error)")
                return
            }
            #expect(file == "streets.geojson")
            #expect(featureIndex == 1)
            #expect(property == bad.property)
            #expect(error.description.hasPrefix("streets.geojson: feature 1: property \"\(bad.property)\": expected "))
        }
    }

    @Test func badGeometryNamesTheFeature() throws {
        #expect {
            _ = try StreetsFile.readSegments(bytes: file(Self.goodProperties, geometry: #"{"type": "Point", "coordinates": [-1.3, 50.7]}"#))
        } throws: { error in
            (error as? StreetsError) == .badGeometry(file: "streets.geojson", featureIndex: 1, message: "expected a LineString, found a Point")
        }
        #expect {
            _ = try StreetsFile.readSegments(bytes: Array(#"{"type": "FeatureCollection", "features": [{"type": "Feature"}]}"#.utf8))
        } throws: { error in
            "\(error)".contains("feature 0")
        }
    }

    @Test func goodFileWithAnOptionalMaxspeedReads() throws {
        let segments = try StreetsFile.readSegments(bytes: file(Self.goodProperties + #", "maxspeed": 32.2, "name_source": "osm""#))
        #expect(segments.count == 2)
        #expect(segments[1].maxspeedKmPerHour == 32.2)
        #expect(segments[0].maxspeedKmPerHour == nil)
        #expect(segments[1].name == "Pyle Street")
        #expect(segments[1].featureIndex == 1)
    }
}
