import Base
import Testing
@testable import Geo

@Suite struct STRtreeTests {
    static let area = Shapes.bounds(width: 5000, height: 5000)

    @Test func nearestPointEqualsBruteForceOnAThousandRandomPoints() throws {
        let context = try GEOSContext()
        var generator = SplitMix64(seed: 1000)
        let points = (0..<1000).map { _ in Shapes.randomPoint(&generator, in: Self.area) }
        let index = try SpatialIndex(items: try points.enumerated().map { ($0.offset * 3, try Geometry.point($0.element, context: context)) },
                                     context: context)
        #expect(index.count == 1000)
        for _ in 0..<300 {
            let query = Shapes.randomPoint(&generator, in: Self.area.expanded(byMetres: 500))
            let hit = try #require(try index.nearest(to: query))
            let brute = points.indices.min { points[$0].distanceMetres(to: query) < points[$1].distanceMetres(to: query) }!
            #expect(abs(hit.distanceMetres - points[brute].distanceMetres(to: query)) < 1e-9)
            #expect(hit.id == brute * 3)
        }
    }

    @Test func nearestSegmentEqualsBruteForceForSnapping() throws {
        let context = try GEOSContext()
        var generator = SplitMix64(seed: 4242)
        let segments: [(GridPoint, GridPoint)] = (0..<1000).map { _ in
            let a = Shapes.randomPoint(&generator, in: Self.area)
            let b = GridPoint(easting: a.easting + 200 * (generator.unit() - 0.5),
                              northing: a.northing + 200 * (generator.unit() - 0.5))
            return (a, b)
        }
        let items = try segments.enumerated().map { ($0.offset, try Geometry.lineString([$0.element.0, $0.element.1], context: context)) }
        let index = try SpatialIndex(items: items, context: context)
        for _ in 0..<300 {
            let query = Shapes.randomPoint(&generator, in: Self.area)
            let hit = try #require(try index.nearest(to: query))
            let distances = segments.map { PlaneReference.distance(query, toSegment: $0.0, $0.1) }
            let best = distances.min()!
            #expect(abs(hit.distanceMetres - best) < 1e-6)
            #expect(abs(distances[hit.id] - best) < 1e-6)
        }
    }

    @Test func withinDistanceEqualsBruteForce() throws {
        let context = try GEOSContext()
        var generator = SplitMix64(seed: 77)
        let points = (0..<1000).map { _ in Shapes.randomPoint(&generator, in: Self.area) }
        let index = try SpatialIndex(items: try points.enumerated().map { ($0.offset, try Geometry.point($0.element, context: context)) },
                                     context: context)
        var total = 0
        for radius in [0.0, 50, 150, 400] {
            for _ in 0..<50 {
                let query = Shapes.randomPoint(&generator, in: Self.area)
                let hits = try index.within(metres: radius, of: query)
                let brute = points.indices.filter { points[$0].distanceMetres(to: query) <= radius }
                #expect(Set(hits.map(\.id)) == Set(brute))
                #expect(hits.map(\.distanceMetres) == hits.map(\.distanceMetres).sorted())
                total += hits.count
            }
        }
        #expect(total > 500)
    }

    @Test func withinDistanceOfALineFindsSegmentsByExactDistanceNotEnvelope() throws {
        let context = try GEOSContext()
        // A diagonal segment whose envelope covers the query point, though the segment itself is far.
        let diagonal = try Geometry.lineString([Shapes.point(0, 0), Shapes.point(100, 100)], context: context)
        let near = try Geometry.lineString([Shapes.point(0, 95), Shapes.point(10, 95)], context: context)
        let index = try SpatialIndex(items: [(7, diagonal), (8, near)], context: context)
        let query = Shapes.point(5, 98)
        #expect(try index.candidates(intersecting: GridBounds(minEasting: query.easting, minNorthing: query.northing,
                                                             maxEasting: query.easting, maxNorthing: query.northing)) == [7])
        let hits = try index.within(metres: 10, of: query)
        #expect(hits.map(\.id) == [8])
        #expect(abs(hits[0].distanceMetres - 3) < 1e-9)
        #expect(try index.nearest(to: query)?.id == 8)
    }

    @Test func emptyIndexFindsNothing() throws {
        let context = try GEOSContext()
        let index = try SpatialIndex(items: [], context: context)
        #expect(try index.nearest(to: Shapes.point(0, 0)) == nil)
        #expect(try index.within(metres: 100, of: Shapes.point(0, 0)).isEmpty)
    }
}
