import Base
import Testing
@testable import Geo

@Suite struct GeometryPredicateTests {
    @Test func containsCoversWithinAndIntersectsFollowTheirDefinitions() throws {
        let context = try GEOSContext()
        let square = try Shapes.square(0, 0, side: 10, context: context)
        let inside = try Geometry.point(Shapes.point(5, 5), context: context)
        let onEdge = try Geometry.point(Shapes.point(10, 5), context: context)
        let outside = try Geometry.point(Shapes.point(15, 5), context: context)
        #expect(try square.contains(inside))
        #expect(try !square.contains(onEdge))
        #expect(try square.covers(onEdge))
        #expect(try square.intersects(onEdge))
        #expect(try !square.intersects(outside))
        #expect(try inside.within(square))
        #expect(try !outside.within(square))
        let crossing = try Geometry.lineString([Shapes.point(5, 5), Shapes.point(15, 5)], context: context)
        #expect(try square.intersects(crossing))
        #expect(try !square.contains(crossing))
    }

    @Test func preparedContainsEqualsUnpreparedAndRayCastingOnManyPoints() throws {
        let context = try GEOSContext()
        // A concave L-shaped patch with a hole, so that the tests are not trivial.
        let shell = [Shapes.point(0, 0), Shapes.point(1000, 0), Shapes.point(1000, 400), Shapes.point(400, 400),
                     Shapes.point(400, 1000), Shapes.point(0, 1000), Shapes.point(0, 0)]
        let hole = Shapes.squareRing(100, 100, side: 150)
        let patch = try Geometry.polygon(exterior: shell, holes: [hole], context: context)
        let prepared = try patch.prepared()
        var generator = SplitMix64(seed: 2026)
        let box = Shapes.bounds(width: 1100, height: 1100).expanded(byMetres: 50)
        var insideCount = 0
        for _ in 0..<3000 {
            let point = Shapes.randomPoint(&generator, in: box)
            let geometry = try Geometry.point(point, context: context)
            let unprepared = try patch.contains(geometry)
            let reference = PlaneReference.ringContains(shell, point) && !PlaneReference.ringContains(hole, point)
            #expect(try prepared.contains(geometry) == unprepared)
            #expect(try prepared.contains(point) == unprepared)
            #expect(try prepared.covers(point) == (try patch.covers(geometry)))
            #expect(try prepared.intersects(geometry) == (try patch.intersects(geometry)))
            #expect(unprepared == reference)
            if unprepared { insideCount += 1 }
        }
        // About (1000·400 + 400·600 − 150²) / 1200² of the box: make sure both answers occur often.
        #expect(insideCount > 1000 && insideCount < 2000)
    }
}
