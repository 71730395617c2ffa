import Foundation
import Geo
import Testing
@testable import MapRender

/// The map's scale measured from the drawing itself: two bases 3 km east and 2 km north of each other
/// (exact BNG coordinates) must be that far apart on the page, at one scale for both axes.
@Suite struct ScaleTests {
    static func baseCentres(_ svg: String) throws -> [(x: Double, y: Double)] {
        let root = try #require(SVGDocument.parse(svg).root)
        return try ["routes-pair-1", "routes-pair-2"].map { id in
            let base = try #require(root.first(id: id)?.descendants.first { $0["class"] == "base" })
            return (try #require(base.number("x")) + 7, try #require(base.number("y")) + 7)
        }
    }

    @Test func mapIsNotStretchedOneScaleForEastingsAndNorthings() throws {
        let centres = try Self.baseCentres(try MapFixtures.rendered().svg)
        let eastPixels = centres[1].x - centres[0].x
        let northPixels = centres[0].y - centres[1].y  // page y grows downwards
        let perMetreEast = eastPixels / (MapFixtures.baseB.easting - MapFixtures.baseA.easting)
        let perMetreNorth = northPixels / (MapFixtures.baseB.northing - MapFixtures.baseA.northing)
        // Coordinates are written to 0.1 px, so allow 0.2 px over the 2 km span.
        #expect(abs(perMetreEast - perMetreNorth) * 2000 < 0.2)
    }

    @Test func scaleBarLengthIsItsMetresAtTheMapsScale() throws {
        let map = try MapFixtures.rendered()
        let centres = try Self.baseCentres(map.svg)
        let measured = (centres[1].x - centres[0].x) / (MapFixtures.baseB.easting - MapFixtures.baseA.easting)
        let root = try #require(SVGDocument.parse(map.svg).root)
        let bar = try #require(root.first(id: "scalebar"))
        let metres = try #require(bar.number("data-metres"))
        let pieces = bar.children.filter { ($0["id"] ?? "").hasPrefix("sb-") && $0.name == "rect" }
        #expect(pieces.count == 2)
        let barPixels = pieces.compactMap { $0.number("width") }.reduce(0, +)
        #expect(abs(barPixels - metres * measured) < 0.5, "bar \(barPixels) px for \(metres) m at \(measured) px/m")
        #expect(abs(measured - map.pixelsPerMetre) / map.pixelsPerMetre < 1e-3)
        // A round length: 1, 2 or 5 × 10ⁿ metres, with the label saying so.
        let exponent = (metres).log10Floor
        let mantissa = metres / pow(10, Double(exponent))
        #expect([1.0, 2, 5].contains { abs($0 - mantissa) < 1e-9 })
        let end = try #require(bar.children.first { $0["id"] == "sb-end" })
        #expect(end.text == MapFurniture.lengthText(metres))
    }

    @Test func niceLengthsAreTheLongestRoundLengthThatFits() {
        for (pixelsPerMetre, target, expected) in [(0.16, 200.0, 1000.0), (0.1, 220, 2000), (1.0, 220, 200), (0.05, 150, 2000),
                                                  (0.033, 220, 5000), (2.0, 90, 20)] {
            #expect(MapFurniture.niceMetres(pixelsPerMetre: pixelsPerMetre, targetPixels: target) == expected)
        }
        #expect(MapFurniture.lengthText(500) == "500 m")
        #expect(MapFurniture.lengthText(2500) == "2.5 km")
        #expect(MapFurniture.lengthText(1000) == "1 km")
    }
}

extension Double {
    var log10Floor: Int { Int(Foundation.log10(self).rounded(.down)) }
}
