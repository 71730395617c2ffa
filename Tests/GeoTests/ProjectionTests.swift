import Base
import Testing
@testable import Geo

/// Reference values were computed independently with PROJ's `cs2cs` command
/// (`echo 'LAT LON' | cs2cs -f %.4f EPSG:4326 EPSG:27700`), PROJ 9.1.1, network off,
/// which uses the same Helmert operation (no OSTN15 grid is installed).
@Suite struct ProjectionTests {
    struct Known: Sendable, CustomTestStringConvertible {
        let name: String
        let lonLat: LonLat
        let easting: Double
        let northing: Double
        var testDescription: String { name }
    }

    static let known: [Known] = [
        Known(name: "Southampton reference", lonLat: LonLat(lon: -1.4044, lat: 50.9097), easting: 441971.5448, northing: 112416.7466),
        Known(name: "Oasis Academy Lord's Hill", lonLat: LonLat(lon: -1.45237, lat: 50.93384), easting: 438579.0065, northing: 115075.1193),
        Known(name: "Newport, Isle of Wight", lonLat: LonLat(lon: -1.2950, lat: 50.7012), easting: 449884.1391, northing: 89298.9403),
        Known(name: "Westminster", lonLat: LonLat(lon: -0.1246, lat: 51.5007), easting: 530269.9024, northing: 179640.7174),
        Known(name: "Edinburgh", lonLat: LonLat(lon: -3.1883, lat: 55.9533), easting: 325897.2181, northing: 674001.2016),
    ]

    @Test(arguments: known)
    func bngMatchesCs2csWithinOneCentimetre(_ point: Known) throws {
        let projection = try Projection.bng()
        let grid = try projection.grid(point.lonLat)
        #expect(abs(grid.easting - point.easting) < 0.01)
        #expect(abs(grid.northing - point.northing) < 0.01)
    }

    @Test func roundTripWithinTenMillionthsOfADegree() throws {
        let projection = try Projection.bng()
        var generator = SplitMix64(seed: 7)
        for _ in 0..<500 {
            let lon = -6.0 + 7.5 * generator.unit()
            let lat = 50.0 + 8.5 * generator.unit()
            let back = try projection.lonLat(projection.grid(LonLat(lon: lon, lat: lat)))
            #expect(abs(back.lon - lon) < 1e-7)
            #expect(abs(back.lat - lat) < 1e-7)
        }
    }

    @Test func arrayTransformEqualsPointTransform() throws {
        let projection = try Projection.bng()
        let points = Self.known.map(\.lonLat)
        let batch = try projection.grid(points)
        for (index, point) in points.enumerated() {
            #expect(batch[index] == (try projection.grid(point)))
        }
        let back = try projection.lonLat(batch)
        #expect(back.count == points.count)
    }

    @Test func operationIsTheDocumentedHelmert() throws {
        let projection = try Projection.bng()
        _ = try projection.grid(LonLat(lon: -1.4, lat: 50.9))
        let name = try #require(projection.operationName)
        #expect(name.contains("OSGB36 to WGS 84"))
        #expect(name.contains("British National Grid"))
    }

    @Test func outOfRangeLatitudeIsAnErrorNotInfinity() throws {
        let projection = try Projection.bng()
        #expect(throws: ProjectionError.self) { try projection.grid(LonLat(lon: -1.4, lat: 95)) }
        #expect(throws: ProjectionError.self) { try projection.grid(LonLat(lon: .nan, lat: 50)) }
        // Raw PROJ path: PROJ itself must refuse, and the error carries its message.
        do {
            _ = try projection.transform(x: -1.4, y: 95)
            Issue.record("expected PROJ to refuse latitude 95°")
        } catch {
            #expect(String(describing: error).lowercased().contains("latitude"))
        }
        #expect(throws: ProjectionError.self) { try projection.lonLat(GridPoint(easting: 1e30, northing: 1e30)) }
    }

    @Test func badIndexInArrayIsNamed() throws {
        let projection = try Projection.bng()
        do {
            _ = try projection.grid([LonLat(lon: -1, lat: 51), LonLat(lon: -1, lat: 99)])
            Issue.record("expected an error")
        } catch {
            #expect(String(describing: error).contains("point 1"))
        }
    }

    @Test func unknownCRSIsAnError() {
        #expect(throws: ProjectionError.self) { try Projection(from: "EPSG:4326", to: "EPSG:999999") }
    }
}
