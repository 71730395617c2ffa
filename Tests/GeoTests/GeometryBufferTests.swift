import Foundation
import Testing
@testable import Geo

@Suite struct GeometryBufferTests {
    /// Area of the regular n-gon inscribed in a circle of radius r: (n/2) r² sin(2π/n).
    static func inscribedPolygonArea(sides: Int, radius: Double) -> Double {
        Double(sides) / 2 * radius * radius * sin(2 * Double.pi / Double(sides))
    }

    @Test func bufferWithSixtyFourQuadrantSegmentsIsWithinAThousandthOfPiRSquared() throws {
        let context = try GEOSContext()
        let radius = 250.0
        let circle = try Geometry.point(Shapes.point(0, 0), context: context).buffer(metres: radius, quadrantSegments: 64)
        let exact = Double.pi * radius * radius
        let area = try circle.areaSquareMetres()
        #expect(abs(area - exact) / exact < 0.001)
        #expect(area < exact)
        #expect(abs(area - Self.inscribedPolygonArea(sides: 256, radius: radius)) / exact < 1e-9)
    }

    @Test func defaultBufferIsAThirtyTwoGonAboutPointSixFourPercentShort() throws {
        let context = try GEOSContext()
        let radius = 100.0
        let circle = try Geometry.point(Shapes.point(0, 0), context: context).buffer(metres: radius)
        let exact = Double.pi * radius * radius
        let shortfall = (exact - (try circle.areaSquareMetres())) / exact
        #expect(shortfall > 0.0063 && shortfall < 0.0065)
        #expect(abs(try circle.areaSquareMetres() - Self.inscribedPolygonArea(sides: 32, radius: radius)) < 1e-6)
        guard case let .polygon(rings) = try circle.planar() else {
            Issue.record("a point's buffer is not a polygon")
            return
        }
        #expect(rings[0].count == 33)
    }

    @Test func flatAndSquareEndCapsGiveRectangles() throws {
        let context = try GEOSContext()
        let street = try Geometry.lineString([Shapes.point(0, 0), Shapes.point(100, 0)], context: context)
        let flat = try street.buffer(metres: 10, style: BufferStyle(endCap: .flat))
        #expect(abs(try flat.areaSquareMetres() - 100 * 20) < 1e-6)
        let square = try street.buffer(metres: 10, style: BufferStyle(endCap: .square))
        #expect(abs(try square.areaSquareMetres() - 120 * 20) < 1e-6)
        let round = try street.buffer(metres: 10, style: BufferStyle(quadrantSegments: 64))
        #expect(abs(try round.areaSquareMetres() - (100 * 20 + Double.pi * 100)) / (100 * 20 + Double.pi * 100) < 0.001)
    }

    @Test func mitredJoinKeepsTheSquareCorners() throws {
        let context = try GEOSContext()
        let block = try Shapes.square(0, 0, side: 100, context: context)
        let mitred = try block.buffer(metres: 10, style: BufferStyle(join: .mitre))
        #expect(abs(try mitred.areaSquareMetres() - 120 * 120) < 1e-6)
        let shrunk = try block.buffer(metres: -10)
        #expect(abs(try shrunk.areaSquareMetres() - 80 * 80) < 1e-6)
    }
}
