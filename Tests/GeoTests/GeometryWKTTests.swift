import Testing
@testable import Geo

@Suite struct GeometryWKTTests {
    static let texts = [
        "POINT (441971.5 112416.75)",
        "LINESTRING (0 0, 10 10, 20 0)",
        "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), (10 10, 10 20, 20 20, 20 10, 10 10))",
        "MULTIPOINT (1 2, 3 4)",
        "MULTILINESTRING ((0 0, 1 1), (2 2, 3 5))",
        "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((5 5, 6 5, 6 6, 5 6, 5 5)))",
        "GEOMETRYCOLLECTION (POINT (1 1), LINESTRING (0 0, 2 2))",
        "POLYGON EMPTY",
    ]

    @Test(arguments: texts)
    func wktRoundTripsToTheSameText(_ text: String) throws {
        let context = try GEOSContext()
        let geometry = try Geometry(wkt: text, context: context)
        let written = try geometry.wkt()
        #expect(written == text)
        let again = try Geometry(wkt: written, context: context)
        #expect(try again.planar() == geometry.planar())
    }

    @Test func bothMultiPointSpellingsReadTheSame() throws {
        let context = try GEOSContext()
        let bare = try Geometry(wkt: "MULTIPOINT (1 2, 3 4)", context: context)
        let bracketed = try Geometry(wkt: "MULTIPOINT ((1 2), (3 4))", context: context)
        #expect(try bare.planar() == bracketed.planar())
        #expect(try bare.planar() == .multiPoint([GridPoint(easting: 1, northing: 2), GridPoint(easting: 3, northing: 4)]))
    }

    @Test func wktAgreesWithCoordinateConstruction() throws {
        let context = try GEOSContext()
        let built = try Geometry.polygon(exterior: Shapes.squareRing(0, 0, side: 10), context: context)
        #expect(try built.wkt() == "POLYGON ((440000 110000, 440010 110000, 440010 110010, 440000 110010, 440000 110000))")
    }

    @Test func roundingPrecisionLimitsDecimals() throws {
        let context = try GEOSContext()
        let point = try Geometry.point(GridPoint(easting: 441971.54481, northing: 112416.74663), context: context)
        #expect(try point.wkt(decimals: 2) == "POINT (441971.54 112416.75)")
        #expect(try point.wkt(decimals: 0) == "POINT (441972 112417)")
        #expect(try point.wkt(decimals: 3, trim: false) == "POINT (441971.545 112416.747)")
        #expect(try point.wkt() == "POINT (441971.54481 112416.74663)")
    }

    @Test func badWKTCarriesGEOSMessage() throws {
        let context = try GEOSContext()
        do {
            _ = try Geometry(wkt: "POLYGON ((0 0, 1 0, 1 1))", context: context)
            Issue.record("GEOS read an unclosed polygon")
        } catch let GeometryError.wktParseFailed(text, message) {
            #expect(text == "POLYGON ((0 0, 1 0, 1 1))")
            #expect(message.contains("closed") || message.contains("LinearRing"))
        }
        do {
            _ = try Geometry(wkt: "TRIANGLE (0 0)", context: context)
            Issue.record("GEOS read an unknown type")
        } catch let GeometryError.wktParseFailed(_, message) {
            #expect(message.contains("ParseException"))
        }
    }
}
