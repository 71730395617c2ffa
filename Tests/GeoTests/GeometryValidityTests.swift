import Testing
@testable import Geo

@Suite struct GeometryValidityTests {
    /// (0,0)→(10,10)→(10,0)→(0,10)→(0,0): the edges cross at (5,5), making two triangles of 25 m² each.
    static let bowTie = [Shapes.point(0, 0), Shapes.point(10, 10), Shapes.point(10, 0), Shapes.point(0, 10),
                         Shapes.point(0, 0)]

    @Test func bowTieIsInvalidWithSelfIntersectionAtItsCrossing() throws {
        let context = try GEOSContext()
        let bowTie = try Geometry.polygon(exterior: Self.bowTie, context: context)
        #expect(try !bowTie.isValid())
        let report = try bowTie.validity()
        #expect(!report.isValid)
        #expect(report.reason == "Self-intersection")
        #expect(report.location == Shapes.point(5, 5))
    }

    @Test func makeValidTurnsTheBowTieIntoTwoTrianglesOfTwentyFiveSquareMetres() throws {
        let context = try GEOSContext()
        let repaired = try Geometry.polygon(exterior: Self.bowTie, context: context).madeValid()
        #expect(try repaired.isValid())
        #expect(try repaired.validity() == ValidityReport(isValid: true, reason: nil, location: nil))
        #expect(try repaired.kind() == .multiPolygon)
        let parts = try repaired.parts()
        #expect(parts.count == 2)
        for part in parts {
            #expect(abs(try part.areaSquareMetres() - 25) < 1e-9)
        }
        #expect(abs(try repaired.areaSquareMetres() - 50) < 1e-9)
    }

    @Test func overlayWithAnInvalidPolygonThrowsCarryingOnlyGEOSOwnMessage() throws {
        let context = try GEOSContext()
        let bowTie = try Geometry.polygon(exterior: Self.bowTie, context: context)
        let square = try Shapes.square(2, 2, side: 6, context: context)
        for attempt in 0..<2 {
            do {
                _ = try bowTie.intersection(square)
                Issue.record("GEOS intersected an invalid polygon (attempt \(attempt))")
            } catch let GeometryError.operationFailed(operation, message) {
                #expect(operation == "intersection")
                // One message per failure: the first failure's text is not repeated in the second.
                #expect(message == "TopologyException: Input geom 0 is invalid: Self-intersection at 440005 110005")
            }
        }
        // After a failure the context still works, and the repaired shape overlays fine.
        #expect(abs(try bowTie.madeValid().intersection(square).areaSquareMetres() - 18) < 1e-9)
    }

    @Test func aValidSquareStaysUnchangedByMakeValid() throws {
        let context = try GEOSContext()
        let square = try Shapes.square(0, 0, side: 10, context: context)
        #expect(try square.isValid())
        #expect(try square.madeValid().topologicallyEquals(square))
    }

    @Test func holeOutsideItsShellIsReportedWithGEOSReason() throws {
        let context = try GEOSContext()
        let polygon = try Geometry.polygon(exterior: Shapes.squareRing(0, 0, side: 10),
                                           holes: [Shapes.squareRing(20, 20, side: 2)], context: context)
        let report = try polygon.validity()
        #expect(!report.isValid)
        #expect(report.reason == "Hole lies outside shell")
    }
}
