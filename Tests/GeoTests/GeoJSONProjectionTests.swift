import Testing
@testable import Geo

@Suite struct GeoJSONProjectionTests {
    @Test func aBNGSquareSurvivesTheTripThroughGeoJSONWithinOneCentimetre() throws {
        let projection = try Projection.bng()
        let context = try GEOSContext()
        let corner = GridPoint(easting: 441_000, northing: 112_000)
        let ring = [corner, GridPoint(easting: 441_500, northing: 112_000), GridPoint(easting: 441_500, northing: 112_500),
                    GridPoint(easting: 441_000, northing: 112_500), corner]
        let square = try Geometry.polygon(exterior: ring, context: context)
        let json = try square.geoJSON(using: projection)
        // Through text, as a file would go: 7 decimals of a degree are about a centimetre.
        let text = GeoJSONWriter.string(.geometry(json))
        guard case let .geometry(read) = try GeoJSONReader.read(text) else {
            Issue.record("expected a geometry")
            return
        }
        let back = try read.geometry(using: projection, context: context)
        #expect(abs(try back.areaSquareMetres() - 250_000) < 10)
        for (a, b) in zip(try back.rings()[0], ring) {
            #expect(a.distanceMetres(to: b) < 0.01)
        }
    }

    @Test func everyKindConverts() throws {
        let projection = try Projection.bng()
        for geometry in GeoJSONTests.everyKind {
            let planar = try geometry.planar(using: projection)
            #expect(planar.typeName == geometry.typeName)
            let again = try planar.geoJSON(using: projection)
            #expect(again.allPositions.count == geometry.allPositions.count)
        }
    }
}
