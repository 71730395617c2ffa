import Foundation
import Testing
@testable import Geo

@Suite struct GeoJSONTests {
    static let square: [LonLat] = [
        LonLat(lon: -1.40, lat: 50.90), LonLat(lon: -1.39, lat: 50.90),
        LonLat(lon: -1.39, lat: 50.91), LonLat(lon: -1.40, lat: 50.91), LonLat(lon: -1.40, lat: 50.90),
    ]
    static let hole: [LonLat] = [
        LonLat(lon: -1.398, lat: 50.902), LonLat(lon: -1.398, lat: 50.904),
        LonLat(lon: -1.396, lat: 50.904), LonLat(lon: -1.396, lat: 50.902), LonLat(lon: -1.398, lat: 50.902),
    ]

    static let everyKind: [GeoJSONGeometry] = [
        .point(LonLat(lon: -1.4044, lat: 50.9097)),
        .multiPoint([LonLat(lon: -1.4, lat: 50.9), LonLat(lon: -1.3, lat: 50.8)]),
        .lineString([LonLat(lon: -1.4, lat: 50.9), LonLat(lon: -1.41, lat: 50.91), LonLat(lon: -1.42, lat: 50.915)]),
        .multiLineString([[LonLat(lon: -1.4, lat: 50.9), LonLat(lon: -1.41, lat: 50.91)],
                          [LonLat(lon: -1.5, lat: 50.9), LonLat(lon: -1.51, lat: 50.91)]]),
        .polygon([square, hole]),
        .multiPolygon([[square], [[LonLat(lon: -1.3, lat: 50.9), LonLat(lon: -1.29, lat: 50.9), LonLat(lon: -1.29, lat: 50.91),
                                    LonLat(lon: -1.3, lat: 50.91), LonLat(lon: -1.3, lat: 50.9)]]]),
        .geometryCollection([.point(LonLat(lon: 0, lat: 0)), .lineString([LonLat(lon: 0, lat: 0), LonLat(lon: 1, lat: 1)])]),
    ]

    @Test(arguments: everyKind)
    func canonicalRoundTripOfEveryGeometryKind(_ geometry: GeoJSONGeometry) throws {
        let feature = Feature(id: .string("f1"), geometry: geometry,
                              properties: ["name": "Shirley High Street", "weight": 2.5, "tags": ["a", 1, true, nil]])
        let collection = FeatureCollection(features: [feature], foreignMembers: ["attribution": "© OpenStreetMap contributors"])
        let first = GeoJSONWriter.string(collection)
        let read = try GeoJSONReader.read(first)
        let second = GeoJSONWriter.string(.featureCollection(try #require(collectionOf(read))))
        #expect(first == second)
        #expect(read.features.first?.geometry == geometry.withRFC7946Winding)
        #expect(read.features.first?["name"] == "Shirley High Street")
    }

    func collectionOf(_ object: GeoJSONObject) -> FeatureCollection? {
        if case let .featureCollection(collection) = object { return collection }
        return nil
    }

    @Test func clockwiseExteriorIsWrittenCounterClockwiseAndHolesClockwise() throws {
        let clockwise = Array(Self.square.reversed())
        let counterClockwiseHole = Array(Self.hole.reversed())
        #expect(GeoJSONGeometry.signedArea(clockwise) < 0)
        let text = GeoJSONWriter.string(.geometry(.polygon([clockwise, counterClockwiseHole])))
        guard case let .geometry(.polygon(rings)) = try GeoJSONReader.read(text) else {
            Issue.record("expected a polygon")
            return
        }
        #expect(GeoJSONGeometry.signedArea(rings[0]) > 0)
        #expect(GeoJSONGeometry.signedArea(rings[1]) < 0)
        #expect(rings[0] == Self.square)
    }

    @Test func outputHasNoCRSAndAtMostSevenDecimals() throws {
        let point = GeoJSONGeometry.point(LonLat(lon: -1.123456789123, lat: 50.987654321987))
        let text = GeoJSONWriter.string(.featureCollection(FeatureCollection(
            features: [Feature(geometry: point)], foreignMembers: ["crs": ["type": "name"]])))
        #expect(!text.contains("crs"))
        #expect(text.contains("[-1.1234568,50.9876543]"))
        let decimals = try NSRegularExpression(pattern: "\\d+\\.(\\d+)")
        let range = NSRange(text.startIndex..., in: text)
        for match in decimals.matches(in: text, range: range) {
            #expect(match.range(at: 1).length <= 7)
        }
    }

    @Test func typeComesFirstAndPropertiesAreSorted() {
        let feature = Feature(geometry: .point(LonLat(lon: 1, lat: 2)), properties: ["z": 1, "a": 2, "m": 3])
        let text = GeoJSONWriter.string(.feature(feature), pretty: false)
        #expect(text.hasPrefix("{\"type\":\"Feature\""))
        #expect(text.contains("{\"a\":2,\"m\":3,\"z\":1}"))
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        let name: String
        let geometry: String
        let expected: String
        var testDescription: String { name }
    }

    static let bad: [Bad] = [
        Bad(name: "wrong type", geometry: #"{"type":"Pointy","coordinates":[1,2]}"#, expected: "unknown geometry type"),
        Bad(name: "unclosed ring", geometry: #"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}"#, expected: "not closed"),
        Bad(name: "NaN", geometry: #"{"type":"Point","coordinates":[NaN,2]}"#, expected: "not a finite number"),
        Bad(name: "missing coordinates", geometry: #"{"type":"LineString"}"#, expected: "needs \"coordinates\""),
        Bad(name: "one position line", geometry: #"{"type":"LineString","coordinates":[[0,0]]}"#, expected: "at least 2 positions"),
        Bad(name: "latitude out of range", geometry: #"{"type":"Point","coordinates":[1,95]}"#, expected: "latitude"),
        Bad(name: "string coordinate", geometry: #"{"type":"Point","coordinates":["1",2]}"#, expected: "numbers"),
    ]

    @Test(arguments: bad)
    func badInputNamesTheFeature(_ bad: Bad) {
        let good = #"{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[0,0]}}"#
        let text = #"{"type":"FeatureCollection","features":[\#(good),\#(good),{"type":"Feature","properties":null,"geometry":\#(bad.geometry)}]}"#
        do {
            _ = try GeoJSONReader.read(text)
            Issue.record("accepted bad input: \(bad.name)")
        } catch let error as GeoJSONError {
            #expect(error.featureIndex == 2)
            #expect(error.description.hasPrefix("feature 2: geometry"))
            #expect(error.description.contains(bad.expected), "\(error)")
        } catch {
            Issue.record("wrong error type: \(error)")
        }
    }

    @Test func syntaxErrorsGiveLineAndColumn() {
        let text = "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [1,\n  ]\n}"
        do {
            _ = try GeoJSONReader.read(text)
            Issue.record("accepted broken JSON")
        } catch {
            #expect(String(describing: error).contains("line 4, column 3"), "\(error)")
        }
    }

    @Test func leniencyAllowedByTheRFC() throws {
        // Altitude, bbox, unknown members, a legacy crs and clockwise winding are all accepted.
        let text = #"""
        {"type":"FeatureCollection","crs":{"type":"name"},"bbox":[0,0,1,1],"name":"x","features":[
          {"type":"Feature","id":7,"extra":true,"properties":null,
           "geometry":{"type":"Polygon","coordinates":[[[0,0,5],[0,1,5],[1,1,5],[1,0,5],[0,0,5]]]}}]}
        """#
        let object = try GeoJSONReader.read(text)
        let feature = try #require(object.features.first)
        #expect(feature.id == .number(7))
        guard case let .polygon(rings)? = feature.geometry else {
            Issue.record("expected a polygon")
            return
        }
        #expect(rings[0].count == 5)
        guard case let .featureCollection(collection) = object else { return }
        #expect(collection.foreignMembers["name"] == "x")
        #expect(collection.foreignMembers["crs"] == nil)
    }

    @Test func jsonStringEscapesRoundTrip() throws {
        let tricky = "quote \" backslash \\ newline \n tab \t unicode é 🚓 control \u{01}"
        var writer = JSONWriter()
        writer.value(.object(["k": .string(tricky)]))
        let back = try JSONParser.parse(writer.text)
        #expect(back["k"] == .string(tricky))
        #expect(try JSONParser.parse(#""\ud83d\ude93""#) == .string("🚓"))
    }
}
