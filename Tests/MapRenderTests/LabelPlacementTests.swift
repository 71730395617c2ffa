import Base
import Foundation
import Testing
@testable import MapRender

@Suite struct LabelPlacementTests {
    /// Every label of the rendered map, its box rebuilt from the SVG text's own attributes.
    @Test func placedLabelsOnTheMapNeverOverlap() throws {
        let map = try MapFixtures.rendered()
        let root = try #require(SVGDocument.parse(map.svg).root)
        let texts = try #require(root.first(id: "labels")).children.filter { $0.name == "text" }
        #expect(texts.count == map.labels.count)
        #expect(texts.count >= 8)
        let boxes = try texts.map { text -> PixelBox in
            let size = try #require(text.number("font-size"))
            let width = TextMetrics.width(text.text, fontSize: size, bold: text["font-weight"] == "bold")
            let x = try #require(text.number("x")), baseline = try #require(text.number("y"))
            return PixelBox(x: x, y: baseline - TextMetrics.ascentEm * size, width: width, height: TextMetrics.height(fontSize: size))
        }
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                #expect(!boxes[i].overlaps(boxes[j]), "\(texts[i].text) overlaps \(texts[j].text)")
            }
            let viewport = PixelBox(x: 0, y: 0, width: map.mapViewport.width, height: map.mapViewport.height)
            #expect(boxes[i].inside(viewport))
        }
    }

    /// Crowded random labels: none overlap, none covers an obstacle, and each dropped label really had no free
    /// candidate (checked by brute force over its candidates against everything placed).
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func greedyPlacementLeavesNoOverlapAndDropsOnlyWhenFull(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let bounds = PixelBox(x: 0, y: 0, width: 600, height: 400)
        var placer = LabelPlacer(bounds: bounds)
        let obstacles = (0..<15).map { _ in
            PixelBox(x: random.unit() * 580, y: random.unit() * 380, width: 12, height: 12)
        }
        for obstacle in obstacles { placer.addObstacle(obstacle) }
        let words = ["Shirley", "Co-op, Pyle Street", "Regents Park Community College", "Ryde", "McDonald's", "Aldi",
                     "Northwood Park", "High Street, Newport"]
        let requests = (0..<150).map { index in
            LabelRequest(text: words[index % words.count], x: random.unit() * 600, y: random.unit() * 400,
                         fontSize: [10.0, 11, 16][index % 3], bold: index % 3 == 2, colour: "#000",
                         priority: random.unit() * 100, placement: index % 7 == 0 ? .area : .point(radius: 5),
                         layerClass: "test")
        }
        placer.place(requests)
        let placed = placer.placed
        #expect(placed.count + placer.dropped.count == requests.count)
        #expect(!placed.isEmpty && !placer.dropped.isEmpty, "150 labels on 600×400 should both place and drop some")
        for i in placed.indices {
            #expect(placed[i].box.inside(bounds))
            #expect(!obstacles.contains { $0.overlaps(placed[i].box) })
            for j in placed.indices where j > i {
                #expect(!placed[i].box.overlaps(placed[j].box))
            }
        }
        // Brute force: a dropped label's every candidate is off the map or hits a placed label or an obstacle.
        let occupied = placed.map(\.box) + obstacles
        var droppedRequests = requests
        for label in placed {
            if let index = droppedRequests.firstIndex(where: { $0.text == label.text && abs($0.fontSize - label.fontSize) < 1e-9 && LabelPlacer.candidates($0, width: label.box.width, height: label.box.height).contains(label.box) }) {
                droppedRequests.remove(at: index)
            }
        }
        #expect(droppedRequests.count == placer.dropped.count)
        for request in droppedRequests {
            let width = TextMetrics.width(request.text, fontSize: request.fontSize, bold: request.bold) + 2 * LabelPlacer.padding
            let height = TextMetrics.height(fontSize: request.fontSize) + 2 * LabelPlacer.padding
            for candidate in LabelPlacer.candidates(request, width: width, height: height) {
                #expect(!candidate.inside(bounds) || occupied.contains { $0.overlaps(candidate) })
            }
        }
    }

    @Test func higherPriorityLabelWinsTheSamePlace() {
        var placer = LabelPlacer(bounds: PixelBox(x: 0, y: 0, width: 60, height: 30))
        let low = LabelRequest(text: "low", x: 30, y: 15, fontSize: 12, bold: false, colour: "#000", priority: 1,
                               placement: .area, layerClass: "t")
        var high = low
        high.text = "HIGH"
        high.priority = 2
        placer.place([low, high])
        #expect(placer.placed.map(\.text) == ["HIGH"])
        #expect(placer.dropped == ["low"])
    }

    @Test func textWidthsFollowDejaVuSansAdvances() {
        // hmtx advances: "M" 1767, "i" 569 units of 2048 per em; at 20 px: 17.256 and 5.557 px.
        #expect(abs(TextMetrics.width("M", fontSize: 20) - 1767.0 / 2048 * 20) < 1e-9)
        #expect(abs(TextMetrics.width("Mi", fontSize: 20) - (1767.0 + 569) / 2048 * 20) < 1e-9)
        #expect(TextMetrics.width("Mi", fontSize: 20, bold: true) > TextMetrics.width("Mi", fontSize: 20))
    }
}
