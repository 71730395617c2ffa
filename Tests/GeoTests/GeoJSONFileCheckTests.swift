import Testing
@testable import Geo

@Suite struct GeoJSONFileCheckTests {
    @Test func everyBadFeatureIsReportedWithItsIndexAndGoodOnesPass() {
        let text = #"""
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[-1.4,50.9]}},
          {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[-1.4]}},
          {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]}},
          {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[0,0],[200,0]]}}
        ]}
        """#
        let result = GeoJSONFileCheck.check(bytes: Array(text.utf8), displayName: "patches.geojson")
        let lines = result.problems.map(\.description)
        #expect(result.object == nil)
        #expect(lines.count == 3)
        #expect(lines.contains { $0.hasPrefix("patches.geojson:feature 1: geometry.coordinates:") })
        #expect(lines.contains { $0.hasPrefix("patches.geojson:feature 2: polygon winding") && $0.hasSuffix("(warning)") })
        #expect(lines.contains { $0.hasPrefix("patches.geojson:feature 3: geometry.coordinates[1]: longitude 200") })
    }

    @Test func aCleanFileHasNoProblems() {
        let text = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}]}"#
        let result = GeoJSONFileCheck.check(bytes: Array(text.utf8), displayName: "a.geojson")
        #expect(result.problems.isEmpty)
        #expect(result.object?.features.count == 1)
    }

    @Test func brokenJSONNamesTheLine() {
        let result = GeoJSONFileCheck.check(bytes: Array("{\n\"type\": \"FeatureCollection\",\n\"features\": [}".utf8), displayName: "b.geojson")
        #expect(result.problems.count == 1)
        #expect(result.problems[0].description.contains("b.geojson: not valid JSON: line 3"))
    }
}

@Suite struct GeoJSONValidityCheckTests {
    @Test func aBowTiePatchIsAnErrorWithGEOSReasonAndPlace() {
        let text = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"x"},"geometry":{"type":"Polygon","coordinates":[[[-1.40,50.90],[-1.39,50.91],[-1.39,50.90],[-1.40,50.91],[-1.40,50.90]]]}}]}"#
        let result = GeoJSONFileCheck.check(bytes: Array(text.utf8), displayName: "patches.geojson")
        let errors = result.problems.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.description.hasPrefix("patches.geojson:feature 0: invalid geometry: Self-intersection at -1.395") == true,
                "\(errors)")
    }
}

@Suite struct XMLPreflightTests {
    @Test func anEmptyProcessingInstructionIsFoundWhereItStands() {
        #expect(XMLPreflight.emptyProcessingInstruction(in: Array("<?xml version=\"1.0\"?>\n<net>\n  <?aaaa?></net>".utf8))
                == XMLPreflight.Problem(line: 3, column: 3))
        #expect(XMLPreflight.emptyProcessingInstruction(in: Array("<a><?pi  ?></a>".utf8)) != nil)
        #expect(XMLPreflight.emptyProcessingInstruction(in: Array("<?xml version=\"1.0\"?><a b=\"1 < 2 ?>\"/><?pi data?>".utf8)) == nil)
    }

    @Test func chunksSplitAnywhereGiveTheSameAnswer() {
        let bytes = Array("<osm>\n<node id=\"1\"/>\n<?x?>\n</osm>".utf8)
        for cut in 0...bytes.count {
            var scanner = XMLPreflight()
            let found = scanner.feed(Array(bytes[..<cut])) ?? scanner.feed(Array(bytes[cut...]))
            #expect(found == XMLPreflight.Problem(line: 3, column: 1))
        }
    }
}
