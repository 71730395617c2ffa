import Base
import Testing
@testable import Geo

@Suite struct GeometryMeasureTests {
    @Test func distanceAreaAndLengthMatchHandComputedValues() throws {
        let context = try GEOSContext()
        let square = try Shapes.square(0, 0, side: 10, context: context)
        let point = try Geometry.point(Shapes.point(13, 14), context: context)
        // Nearest corner (10, 10): a 3-4-5 triangle.
        #expect(try square.distanceMetres(to: point) == 5)
        #expect(try point.distanceMetres(to: square) == 5)
        #expect(try square.areaSquareMetres() == 100)
        #expect(try square.lengthMetres() == 40)
        let line = try Geometry.lineString([Shapes.point(0, 0), Shapes.point(3, 4), Shapes.point(3, 10)], context: context)
        #expect(try line.lengthMetres() == 11)
        #expect(try line.areaSquareMetres() == 0)
    }

    @Test func nearestPointsLieOnEachGeometry() throws {
        let context = try GEOSContext()
        let street = try Geometry.lineString([Shapes.point(0, 0), Shapes.point(100, 0)], context: context)
        let house = try Geometry.point(Shapes.point(30, 12), context: context)
        let (onStreet, atHouse) = try street.nearestPoints(to: house)
        #expect(onStreet == Shapes.point(30, 0))
        #expect(atHouse == Shapes.point(30, 12))
        #expect(onStreet.distanceMetres(to: atHouse) == (try street.distanceMetres(to: house)))
    }

    @Test func randomPointToSegmentDistancesMatchPlaneGeometry() throws {
        let context = try GEOSContext()
        var generator = SplitMix64(seed: 11)
        let box = Shapes.bounds(width: 500, height: 500)
        for _ in 0..<300 {
            let a = Shapes.randomPoint(&generator, in: box), b = Shapes.randomPoint(&generator, in: box)
            let p = Shapes.randomPoint(&generator, in: box)
            let segment = try Geometry.lineString([a, b], context: context)
            let distance = try segment.distanceMetres(to: Geometry.point(p, context: context))
            #expect(abs(distance - PlaneReference.distance(p, toSegment: a, b)) < 1e-6)
        }
    }

    @Test func centroidHullEnvelopeAndBoundsOfAnLShape() throws {
        let context = try GEOSContext()
        let shell = [Shapes.point(0, 0), Shapes.point(20, 0), Shapes.point(20, 10), Shapes.point(10, 10),
                     Shapes.point(10, 20), Shapes.point(0, 20), Shapes.point(0, 0)]
        let shape = try Geometry.polygon(exterior: shell, context: context)
        // Two 10 × 20 / 20 × 10 pieces overlapping in a 10 × 10 square: area 300, centroid at (25/3, 25/3).
        let centroid = try shape.centroidPoint()
        #expect(abs(centroid.easting - Shapes.point(25.0 / 3, 0).easting) < 1e-9)
        #expect(abs(centroid.northing - Shapes.point(0, 25.0 / 3).northing) < 1e-9)
        #expect(try shape.convexHull().areaSquareMetres() == 350)
        #expect(try shape.envelope().areaSquareMetres() == 400)
        #expect(try shape.bounds() == Shapes.bounds(width: 20, height: 20))
        #expect(throws: GeometryError.self) { try Geometry(.polygon([]), context: context).bounds() }
    }

    @Test func topologyPreservingSimplifyDropsSmallWigglesButKeepsTheHole() throws {
        let context = try GEOSContext()
        // A 100 m square whose bottom edge wiggles by 0.5 m, with a hole near that edge.
        var shell = [Shapes.point(0, 0)]
        for step in 1..<20 { shell.append(Shapes.point(Double(step) * 5, step % 2 == 0 ? 0 : 0.5)) }
        shell += [Shapes.point(100, 0), Shapes.point(100, 100), Shapes.point(0, 100), Shapes.point(0, 0)]
        let hole = Shapes.squareRing(40, 2, side: 10)
        let polygon = try Geometry.polygon(exterior: shell, holes: [hole], context: context)
        let simple = try polygon.simplified(toleranceMetres: 1)
        let rings = try simple.rings()
        #expect(rings.count == 2)
        #expect(rings[0].count == 5)
        #expect(try simple.isValid())
        #expect(abs(try simple.areaSquareMetres() - (10_000 - 100)) < 1e-6)
    }
}
