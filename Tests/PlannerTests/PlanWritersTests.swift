import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Geo
import Testing
@testable import Planner

/// Records the element structure of an XML document.
final class XMLOutline: NSObject, XMLParserDelegate {
    var path: [String] = []
    var elements: [(path: String, attributes: [String: String])] = []
    var texts: [String: [String]] = [:]
    var current = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        path.append(name)
        elements.append((path.joined(separator: "/"), attributes))
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        texts[path.joined(separator: "/"), default: []].append(current.trimmingCharacters(in: .whitespacesAndNewlines))
        path.removeLast()
        current = ""
    }
}

@Suite struct PlanWritersTests {
    @Test func gpxFollowsTheGPX11Structure() throws {
        let plan = PlanFixtures.plan
        let text = GPXWriter.gpx(plan.pairPlans[0], date: plan.date, area: plan.areaName)
        let parser = XMLParser(data: Data(text.utf8))
        let outline = XMLOutline()
        parser.delegate = outline
        #expect(parser.parse(), "GPX is not well-formed XML: \(String(describing: parser.parserError))")
        let root = try #require(outline.elements.first)
        #expect(root.path == "gpx" && root.attributes["version"] == "1.1")
        #expect(root.attributes["xmlns"] == "http://www.topografix.com/GPX/1/1")
        // GPX 1.1 order: metadata, then wpt*, then rte*, then trk*.
        let topLevel = outline.elements.filter { $0.path.split(separator: "/").count == 2 }.map(\.path)
        let order = ["gpx/metadata", "gpx/wpt", "gpx/rte", "gpx/trk", "gpx/extensions"]
        let ranks = topLevel.map { order.firstIndex(of: $0) ?? 99 }
        #expect(ranks == ranks.sorted() && !ranks.contains(99))
        #expect(topLevel.filter { $0 == "gpx/wpt" }.count == 2)
        for element in outline.elements where element.path.hasSuffix("wpt") || element.path.hasSuffix("trkpt") {
            let lat = try #require(Double(element.attributes["lat"] ?? ""))
            let lon = try #require(Double(element.attributes["lon"] ?? ""))
            #expect((-90...90).contains(lat) && (-180...180).contains(lon))
        }
        #expect(outline.elements.filter { $0.path == "gpx/trk/trkseg/trkpt" }.count == 5)
        #expect(outline.texts["gpx/wpt/name"]?.contains("10:04 Shirley High Street & Co") == true)
    }

    @Test func planGeoJSONPassesRFC7946Checks() throws {
        let text = GeoJSONWriter.string(PlanGeoJSON.collection(PlanFixtures.plan))
        let check = GeoJSONFileCheck.check(bytes: Array(text.utf8), displayName: "plan.geojson")
        #expect(check.problems.isEmpty, "\(check.problems)")
        let features = try #require(check.object?.features)
        let routes = features.filter { $0["layer"] == "route" }
        #expect(routes.count == 3)
        #expect(routes.allSatisfy { $0["eta"]?.stringValue?.hasPrefix("2026-11-25T") == true && $0["pair"] == "pair-1" })
        let visit = try #require(features.first { $0["layer"] == "hotspot" })
        #expect(visit["visit_seq"] == 1)
        #expect(visit["eta"] == "2026-11-25T10:04:00+00:00")
        #expect(visit["dwell_min"] == 12)
        #expect(features.contains { $0["layer"] == "patch" && $0.geometry?.typeName == "Polygon" })
    }

    @Test func runSheetNumbersEveryStepAndListsNotices() {
        let sheet = RunSheet.markdown(PlanFixtures.plan)
        #expect(sheet.contains("## pair-1 — shirley"))
        #expect(sheet.contains("1. 10:00 **Drive to Shirley High Street & Co: 4 min, 1.2 km via Shirley Road**"))
        #expect(sheet.contains("2. 10:04 **WATCH — Watch Shirley High Street & Co: until 10:16 (12 min)**"))
        #expect(sheet.contains("3. 10:16 Continue onto Church Street — 300 m, sweeping"))
        #expect(sheet.contains("**lordshill**: no streets yet"))
        #expect(sheet.contains("Total 3.0 km"))
    }
}

@Suite struct RunSheetInferredNamesTests {
    @Test func inferredStreetNamesCarryADaggerAndOthersDoNot() {
        var plan = PlanFixtures.plan
        plan.inferredStreetNames = ["Church Street"]
        let sheet = RunSheet.markdown(plan)
        #expect(sheet.contains("Continue onto Church Street † — 300 m, sweeping"))
        #expect(!sheet.contains("Shirley Road †"))
    }

    @Test func routeLegsCarryTheirCumulativeStartInSeconds() throws {
        let features = PlanGeoJSON.collection(PlanFixtures.plan).features.filter { $0["layer"] == "route" }
        #expect(features.map { $0["etd_s"]?.doubleValue } == [0, 960, 1020])
    }
}
