import Testing
@testable import Geo

@Suite struct GeometryConstructionTests {
    static let samples: [PlanarGeometry] = [
        .point(Shapes.point(1, 2)),
        .lineString([Shapes.point(0, 0), Shapes.point(10, 5), Shapes.point(20, 0)]),
        .polygon([Shapes.squareRing(0, 0, side: 100), Shapes.squareRing(10, 10, side: 20)]),
        .multiPoint([Shapes.point(0, 0), Shapes.point(3, 4)]),
        .multiLineString([[Shapes.point(0, 0), Shapes.point(1, 1)], [Shapes.point(5, 5), Shapes.point(6, 9)]]),
        .multiPolygon([[Shapes.squareRing(0, 0, side: 10)], [Shapes.squareRing(20, 0, side: 5)]]),
        .geometryCollection([.point(Shapes.point(7, 7)), .lineString([Shapes.point(0, 0), Shapes.point(2, 2)]),
                             .polygon([Shapes.squareRing(50, 50, side: 1)])]),
        .lineString([]),
        .polygon([]),
        .geometryCollection([]),
    ]

    @Test(arguments: samples)
    func planarValueRoundTripsThroughGEOSUnchanged(_ value: PlanarGeometry) throws {
        let context = try GEOSContext()
        let geometry = try Geometry(value, context: context)
        #expect(try geometry.planar() == value)
    }

    @Test func kindsMatchTheValuesTheyWereBuiltFrom() throws {
        let context = try GEOSContext()
        let expected: [GeometryKind] = [.point, .lineString, .polygon, .multiPoint, .multiLineString, .multiPolygon,
                                        .geometryCollection]
        for (value, kind) in zip(Self.samples, expected) {
            #expect(try Geometry(value, context: context).kind() == kind)
        }
    }

    @Test func polygonRingsComeBackExteriorFirst() throws {
        let context = try GEOSContext()
        let shell = Shapes.squareRing(0, 0, side: 100)
        let hole = Shapes.squareRing(40, 40, side: 10)
        let polygon = try Geometry.polygon(exterior: shell, holes: [hole], context: context)
        #expect(try polygon.rings() == [shell, hole])
        #expect(try polygon.areaSquareMetres() == 100 * 100 - 10 * 10)
        #expect(throws: GeometryError.self) { try polygon.coordinates() }
    }

    @Test func unclosedRingIsRefusedNamingTheRing() throws {
        let context = try GEOSContext()
        var hole = Shapes.squareRing(10, 10, side: 5)
        hole[hole.count - 1] = Shapes.point(11, 10)
        do {
            _ = try Geometry.polygon(exterior: Shapes.squareRing(0, 0, side: 50), holes: [hole], context: context)
            Issue.record("an unclosed hole was accepted")
        } catch let GeometryError.invalidCoordinates(path, reason) {
            #expect(path == "polygon ring 1")
            #expect(reason.contains("not closed"))
        }
    }

    @Test func badCoordinatesAreRefusedWithTheirPath() throws {
        let context = try GEOSContext()
        #expect(throws: GeometryError.invalidCoordinates(path: "point", reason: "coordinates must be finite, got E nan N 1.0")) {
            try Geometry.point(GridPoint(easting: .nan, northing: 1), context: context)
        }
        do {
            _ = try Geometry(.multiLineString([[Shapes.point(0, 0), Shapes.point(1, 1)], [Shapes.point(2, 2)]]),
                             context: context)
            Issue.record("a one-point line was accepted")
        } catch let GeometryError.invalidCoordinates(path, _) {
            #expect(path == "multilinestring line 1")
        }
        #expect(throws: GeometryError.self) {
            try Geometry.polygon(exterior: [Shapes.point(0, 0), Shapes.point(1, 0), Shapes.point(0, 0)], context: context)
        }
    }

    @Test func borrowedPartsOutliveTheirParentVariableAndReadCorrectly() throws {
        let context = try GEOSContext()
        var parts: [Geometry] = []
        do {
            let multi = try Geometry(.multiPolygon([[Shapes.squareRing(0, 0, side: 10)], [Shapes.squareRing(20, 0, side: 5)]]),
                                     context: context)
            parts = try multi.parts()
        }
        // The parent variable is gone; the parts keep it alive (AddressSanitizer would catch a use-after-free).
        #expect(parts.count == 2)
        #expect(parts.allSatisfy { !$0.ownsStorage })
        #expect(try parts.map { try $0.areaSquareMetres() } == [100, 25])
        let copy = try parts[1].clone()
        #expect(copy.ownsStorage)
        #expect(try copy.planar() == .polygon([Shapes.squareRing(20, 0, side: 5)]))
    }

    @Test func collectionCopiesItsMembersSoTheOriginalsStayUsable() throws {
        let context = try GEOSContext()
        let a = try Shapes.square(0, 0, side: 10, context: context)
        let b = try Shapes.square(20, 0, side: 10, context: context)
        let multi = try Geometry.collection([a, b], kind: .multiPolygon, context: context)
        #expect(try multi.kind() == .multiPolygon)
        #expect(try multi.areaSquareMetres() == 200)
        #expect(try a.areaSquareMetres() == 100)
        #expect(try b.planar() == .polygon([Shapes.squareRing(20, 0, side: 10)]))
        let point = try Geometry.point(Shapes.point(0, 0), context: context)
        #expect(throws: GeometryError.self) { try Geometry.collection([a, point], kind: .multiPolygon, context: context) }
    }

    @Test func mixingContextsIsRefused() throws {
        let first = try GEOSContext()
        let second = try GEOSContext()
        let a = try Shapes.square(0, 0, side: 10, context: first)
        let b = try Shapes.square(5, 0, side: 10, context: second)
        #expect(throws: GeometryError.contextMismatch(operation: "union")) { try a.union(b) }
    }
}
