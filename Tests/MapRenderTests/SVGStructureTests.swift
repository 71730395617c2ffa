import Foundation
import Geo
import Testing
@testable import MapRender

@Suite struct SVGStructureTests {
    @Test func svgParsesAsXMLWithEveryLayerInItsOwnGroup() throws {
        let map = try MapFixtures.rendered()
        let document = SVGDocument.parse(map.svg)
        #expect(document.parseError == nil)
        let root = try #require(document.root)
        #expect(root.name == "svg")
        #expect(root["xmlns"] == "http://www.w3.org/2000/svg")
        let ids = root.descendants.compactMap { $0["id"] }
        #expect(Set(ids).count == ids.count, "ids must be unique: \(ids)")
        let expected = ["streets", "patches", "heatmap", "routes-pair-1", "routes-pair-2", "hotspots", "schools", "labels",
                        "legend", "scalebar", "north-arrow", "title", "attribution"]
        for id in expected {
            let node = root.first(id: id)
            #expect(node?.name == "g", "layer \(id) should be a <g>")
            #expect((node?.descendants.count ?? 0) > 0, "layer \(id) should not be empty")
        }
        #expect(Set(map.layerIDs) == Set(expected))
    }

    @Test func eachPairsRouteHasItsColourArrowsAndVisitOrder() throws {
        let document = SVGDocument.parse(try MapFixtures.rendered().svg)
        let root = try #require(document.root)
        for (id, colour) in [("routes-pair-1", "#1b9e77"), ("routes-pair-2", "#d95f02")] {
            let group = try #require(root.first(id: id))
            let legs = group.descendants.filter { ($0["class"] ?? "").hasPrefix("leg ") }
            #expect(legs.count == 3)
            #expect(Set(legs.map { $0["stroke"] }) == [colour])
            #expect(Set(legs.map { $0["class"]! }) == ["leg travel", "leg sweep", "leg deadhead"])
            let arrows = try #require(group.descendants.first { $0["class"] == "arrows" })
            // The route is 2.5 km long (500 + 1200 + 800 m) drawn at ~0.16 px/m: several arrowheads, each an "M…Z".
            #expect((arrows["d"] ?? "").filter { $0 == "M" }.count >= 3)
            // One badge for the hotspot watched first and again second.
            let badges = group.descendants.filter { $0["class"] == "visit" }
            #expect(badges.count == 1)
            #expect(badges.first?.descendants.first { $0.name == "text" }?.text == "1,2")
        }
    }

    @Test func streetsAreDrawnDrivableAndScanOnlyDifferently() throws {
        let root = try #require(SVGDocument.parse(try MapFixtures.rendered().svg).root)
        let streets = try #require(root.first(id: "streets"))
        let scan = try #require(streets.children.first { $0["class"] == "scan-only" })
        let drivable = try #require(streets.children.first { $0["class"] == "drivable" })
        #expect(scan["stroke-dasharray"] != nil)
        #expect(drivable["stroke-dasharray"] == nil)
        #expect(scan["stroke"] != drivable["stroke"])
        // 40 north-south streets, every third scan-only (14 of them), and 40 east-west footways.
        #expect((scan["d"] ?? "").filter { $0 == "M" }.count == 14 + 40)
    }

    @Test func hotspotCircleAreaGrowsWithWeight() throws {
        let root = try #require(SVGDocument.parse(try MapFixtures.rendered().svg).root)
        let circles = try #require(root.first(id: "hotspots")).children.filter { $0.name == "circle" }
        #expect(circles.count == 4)
        let radii = circles.compactMap { $0.number("r") }
        // Drawn heaviest first (weights 4, 3, 2, 1), so radii must fall.
        #expect(radii == radii.sorted(by: >))
        #expect(Set(radii).count == 4)
    }

    @Test func textIsEscapedAndTitleCarriesDateAndArea() throws {
        let map = try MapFixtures.rendered()
        #expect(map.svg.contains("Co-op &amp; Sons"))
        #expect(!map.svg.contains("Co-op & Sons"))
        let root = try #require(SVGDocument.parse(map.svg).root)
        let title = try #require(root.first(id: "title"))
        #expect(title.descendants.contains { $0.text == "Sweep plan · southampton · 2026-11-25" })
        let attribution = try #require(root.first(id: "attribution"))
        #expect(attribution.descendants.contains { $0.text.contains("© OpenStreetMap contributors") })
        #expect(MapRenderer.title(forPlan: try MapFixtures.plan()) == "Sweep plan · southampton · 2026-11-25")
    }

    @Test func onePairSheetDrawsOnlyThatPairAndFramesItLarger() throws {
        let all = try MapFixtures.rendered()
        let one = try MapRenderer.draw(plan: MapFixtures.plan(), streets: MapFixtures.streets(), hotspots: nil, schools: nil,
                                       title: "pair-1", options: MapPageOptions(pair: "pair-1"))
        let root = try #require(SVGDocument.parse(one.svg).root)
        #expect(root.first(id: "routes-pair-1") != nil)
        #expect(root.first(id: "routes-pair-2") == nil)
        // Framed on one 700 m × 600 m route rather than both pairs' 3.7 km spread: a larger scale.
        #expect(one.pixelsPerMetre > 2 * all.pixelsPerMetre)
        #expect(throws: MapRenderError.unknownPair("pair-9", known: ["pair-1", "pair 2"])) {
            try MapRenderer.draw(plan: MapFixtures.plan(), streets: nil, hotspots: nil, schools: nil, title: "x",
                                 options: MapPageOptions(pair: "pair-9"))
        }
    }

    @Test func planWithoutPositionsIsRefusedWithAReason() throws {
        #expect(throws: MapRenderError.emptyMap) {
            try MapRenderer.render(plan: FeatureCollection(), streets: nil, hotspots: nil, schools: nil, title: "x")
        }
    }

    @Test func htmlPageInlinesTheSVGAndNeedsNothingFromTheNetwork() throws {
        let map = try MapFixtures.rendered()
        let html = MapHTML.page(svg: map.svg, title: "Sweep plan <test>")
        #expect(html.contains("<title>Sweep plan &lt;test&gt;</title>"))
        #expect(!html.contains("<?xml"))
        #expect(html.contains("<svg id=\"map\""))
        for remote in ["http://", "https://", "src=", "@import", "url(http"] where remote != "http://" {
            #expect(!html.contains(remote), "\(remote) would reach outside the file")
        }
        // The only http:// is the SVG namespace name, which no browser fetches.
        #expect(html.components(separatedBy: "http://").count - 1 == html.components(separatedBy: "http://www.w3.org/2000/svg").count - 1)
    }
}
