import Testing
@testable import Geo

@Suite struct GeometryOverlayTests {
    @Test func squaresOverlappingByHalfGiveExactAreas() throws {
        let context = try GEOSContext()
        let a = try Shapes.square(0, 0, side: 10, context: context)
        let b = try Shapes.square(5, 0, side: 10, context: context)
        #expect(try a.union(b).areaSquareMetres() == 150)
        #expect(try a.intersection(b).areaSquareMetres() == 50)
        #expect(try a.difference(b).areaSquareMetres() == 50)
        #expect(try b.difference(a).areaSquareMetres() == 50)
        let expectedOverlap = GridBounds(minEasting: Shapes.originEasting + 5, minNorthing: Shapes.originNorthing,
                                         maxEasting: Shapes.originEasting + 10, maxNorthing: Shapes.originNorthing + 10)
        #expect(try a.intersection(b).topologicallyEquals(Geometry.rectangle(expectedOverlap, context: context)))
    }

    @Test func disjointSquaresIntersectInNothing() throws {
        let context = try GEOSContext()
        let a = try Shapes.square(0, 0, side: 10, context: context)
        let b = try Shapes.square(20, 0, side: 10, context: context)
        let nothing = try a.intersection(b)
        #expect(try nothing.isEmpty())
        #expect(try nothing.areaSquareMetres() == 0)
        #expect(try a.union(b).areaSquareMetres() == 200)
    }

    @Test func unaryUnionOfAGridOfOverlappingSquaresEqualsItsOutline() throws {
        let context = try GEOSContext()
        // A 5 × 4 grid of 20 m squares every 10 m: together they cover 60 m × 50 m exactly.
        var squares: [Geometry] = []
        for i in 0..<5 {
            for j in 0..<4 {
                squares.append(try Shapes.square(Double(i) * 10, Double(j) * 10, side: 20, context: context))
            }
        }
        let union = try Geometry.unaryUnion(squares, context: context)
        #expect(try union.kind() == .polygon)
        #expect(try union.areaSquareMetres() == 60 * 50)
        #expect(try union.lengthMetres() == 2 * (60 + 50))
        // The inputs were copied, not consumed.
        #expect(try squares[7].areaSquareMetres() == 400)
        let folded = try squares.dropFirst().reduce(squares[0]) { try $0.union($1) }
        #expect(try folded.topologicallyEquals(union))
    }

    @Test func unaryUnionOfNothingIsEmpty() throws {
        let context = try GEOSContext()
        #expect(try Geometry.unaryUnion([], context: context).isEmpty())
    }
}
