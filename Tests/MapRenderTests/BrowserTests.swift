import Foundation
import Testing
@testable import MapRender

/// map.html and map.png as people will see them: headless Chromium (Debian's `chromium`) and rsvg-convert
/// (librsvg2-bin). Each test runs only when its tool is installed, and says so when it is not.
@Suite struct BrowserTests {
    static let chromiumAbsent = "chromium is not installed (apt-get install chromium): map.html screenshot not checked"
    static let rsvgAbsent = "rsvg-convert is not installed (apt-get install librsvg2-bin): PNG export not checked"

    static func chromiumArguments(profile: URL) -> [String] {
        ["--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars", "--user-data-dir=\(profile.path)"]
    }

    @Test(.enabled(if: ExternalTools.chromium != nil, Comment(rawValue: chromiumAbsent)))
    func chromiumLoadsMapHTMLFromDiskAndDrawsAVariedPicture() throws {
        let chromium = try #require(ExternalTools.chromium)
        let directory = try MapFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let map = try MapFixtures.rendered()
        let page = directory.appendingPathComponent("map.html")
        try MapHTML.page(svg: map.svg, title: "test map").write(to: page, atomically: true, encoding: .utf8)
        let shot = directory.appendingPathComponent("shot.png")
        let result = try ExternalTools.run(chromium, Self.chromiumArguments(profile: directory.appendingPathComponent("profile"))
            + ["--screenshot=\(shot.path)", "--window-size=1200,900", page.absoluteString])
        #expect(result.status == 0, "chromium: \(result.errors.suffix(800))")
        let image = try PNGImage(data: try Data(contentsOf: shot))
        #expect(image.width == 1200 && image.height == 900)
        let variety = image.colourVariety
        // A blank or failed page is one or two colours; the map has paper, streets, patches, routes, heat and text.
        #expect(variety.distinct > 200, "only \(variety.distinct) colours")
        #expect(variety.commonestShare < 0.6, "one colour covers \(Int(variety.commonestShare * 100)) % of the page")
        // Both pairs' routes are on screen in their own colours.
        #expect(image.count(near: "#1b9e77") > 100)
        #expect(image.count(near: "#d95f02") > 100)
    }

    /// The browser's own text boxes (getBBox, real fonts) of the placed labels do not overlap.
    @Test(.enabled(if: ExternalTools.chromium != nil, Comment(rawValue: chromiumAbsent)))
    func chromiumMeasuresNoOverlappingLabelsAndWorkingToggles() throws {
        let chromium = try #require(ExternalTools.chromium)
        let directory = try MapFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let map = try MapFixtures.rendered()
        let probe = """
        <script>
        (function () {
          var boxes = Array.prototype.map.call(document.querySelectorAll("#labels text"), function (t) { return t.getBBox(); });
          var overlaps = 0;
          for (var i = 0; i < boxes.length; i++) { for (var j = i + 1; j < boxes.length; j++) {
            var a = boxes[i], b = boxes[j];
            if (a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5) { overlaps++; }
          } }
          var toggle = document.getElementById("toggle-routes-pair-1");
          toggle.click();
          var hidden = getComputedStyle(document.getElementById("routes-pair-1")).display;
          var toggles = document.querySelectorAll("#toggles input").length;
          var map = document.querySelector("svg#map");
          var before = map.getAttribute("viewBox"), metresBefore = document.getElementById("scalebar").getAttribute("data-metres");
          var box = map.getBoundingClientRect();
          map.dispatchEvent(new WheelEvent("wheel", { deltaY: -600, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, cancelable: true }));
          var zoomed = map.getAttribute("viewBox").split(" ").map(parseFloat);
          var metresAfter = document.getElementById("scalebar").getAttribute("data-metres");
          map.dispatchEvent(new PointerEvent("pointerdown", { pointerId: 1, clientX: box.left + 100, clientY: box.top + 100, bubbles: true }));
          map.dispatchEvent(new PointerEvent("pointermove", { pointerId: 1, clientX: box.left + 160, clientY: box.top + 100, bubbles: true }));
          map.dispatchEvent(new PointerEvent("pointerup", { pointerId: 1, clientX: box.left + 160, clientY: box.top + 100, bubbles: true }));
          var panned = map.getAttribute("viewBox").split(" ").map(parseFloat);
          var full = before.split(" ").map(parseFloat);
          var pre = document.createElement("pre");
          pre.id = "probe";
          pre.textContent = "labels=" + boxes.length + " overlaps=" + overlaps + " hidden=" + hidden + " toggles=" + toggles
            + " zoom=" + (full[2] / zoomed[2]).toFixed(2) + " bar=" + metresBefore + "to" + metresAfter
            + " panleft=" + (panned[0] < zoomed[0]) + " ";
          document.body.appendChild(pre);
        })();
        </script>
        """
        let html = MapHTML.page(svg: map.svg, title: "probe").replacingOccurrences(of: "</body>", with: probe + "</body>")
        let page = directory.appendingPathComponent("probe.html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let result = try ExternalTools.run(chromium, Self.chromiumArguments(profile: directory.appendingPathComponent("profile"))
            + ["--dump-dom", page.absoluteString])
        let line = try #require(result.output.components(separatedBy: "\n").first { $0.contains("<pre id=\"probe\">") },
                                "no probe output; chromium said: \(result.errors.suffix(800))")
        #expect(line.contains("labels=\(map.labels.count) "))
        #expect(line.contains("overlaps=0 "))
        #expect(line.contains("hidden=none"))
        // Two pairs, heat map, hotspots, schools, streets, patches.
        #expect(line.contains("toggles=7"))
        // The wheel zooms in by e^(600 × 0.0015) ≈ 2.46 about the pointer, and the scale bar follows with a shorter length.
        #expect(line.contains("zoom=2.46"), "\(line)")
        let bar = try #require(line.components(separatedBy: " bar=").last?.components(separatedBy: " ").first)
        let lengths = bar.components(separatedBy: "to").compactMap(Double.init)
        #expect(lengths.count == 2 && lengths[1] < lengths[0], "scale bar \(bar)")
        // Dragging right moves the view left.
        #expect(line.contains("panleft=true"))
    }

    @Test(.enabled(if: MapPNG.rasteriser() != nil, Comment(rawValue: rsvgAbsent)))
    func pngThroughRsvgConvertHasThePageSizeAndTheRoutes() throws {
        let directory = try MapFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let map = try MapFixtures.rendered()
        let svg = directory.appendingPathComponent("map.svg"), png = directory.appendingPathComponent("map.png")
        try map.svg.write(to: svg, atomically: true, encoding: .utf8)
        try MapPNG.write(svg: svg, to: png)
        let image = try PNGImage(data: try Data(contentsOf: png))
        #expect(image.width == Int(map.pageWidth.rounded()) && image.height == Int(map.pageHeight.rounded()))
        #expect(image.colourVariety.distinct > 200)
        #expect(image.count(near: "#1b9e77") > 100)
        #expect(image.count(near: "#d95f02") > 100)
    }

    /// A failed conversion leaves the earlier PNG as it was; a good one replaces it, with no temporary file left beside it.
    @Test(.enabled(if: MapPNG.rasteriser() != nil, Comment(rawValue: rsvgAbsent)))
    func aNewPNGReplacesTheEarlierOneWholeAndAFailureKeepsIt() throws {
        let directory = try MapFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let svg = directory.appendingPathComponent("map.svg"), png = directory.appendingPathComponent("map.png")
        let earlier = Data("an earlier map".utf8)
        try earlier.write(to: png)
        try "not an SVG".write(to: svg, atomically: true, encoding: .utf8)
        #expect(throws: MapRenderError.self) { try MapPNG.write(svg: svg, to: png) }
        #expect(try Data(contentsOf: png) == earlier)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["map.png", "map.svg"])

        try MapFixtures.rendered().svg.write(to: svg, atomically: true, encoding: .utf8)
        try MapPNG.write(svg: svg, to: png)
        #expect(try PNGImage(data: try Data(contentsOf: png)).width > 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["map.png", "map.svg"])
    }

    @Test func missingRasteriserIsReportedWithTheInstallHint() throws {
        #expect(MapPNG.rasteriser(environment: ["PATH": "/nonexistent"]) == nil)
        #expect(MapRenderError.rasteriserMissing.hint?.contains("librsvg2-bin") == true)
    }
}
