import Base
import Testing
@testable import Geo

/// Each task owns its PROJ and GEOS contexts; running eight at once must change nothing.
@Suite struct ConcurrencyTests {
    struct Outcome: Equatable, Sendable {
        var grid: [GridPoint]
        var bufferAreas: [Double]
        var unionArea: Double
        var wkt: String
    }

    static func inputs() -> [LonLat] {
        var generator = SplitMix64(seed: 8)
        return (0..<200).map { _ in
            LonLat(lon: -1.46 + 0.08 * generator.unit(), lat: 50.89 + 0.05 * generator.unit())
        }
    }

    /// Everything a task needs is made inside it: no handle crosses a task boundary.
    static func work(_ points: [LonLat]) throws -> Outcome {
        let projection = try Projection.bng()
        let context = try GEOSContext()
        let grid = try projection.grid(points)
        let buffers = try grid.map { try Geometry.point($0, context: context).buffer(metres: 150, quadrantSegments: 16) }
        let union = try Geometry.unaryUnion(buffers, context: context)
        return Outcome(grid: grid, bufferAreas: try buffers.map { try $0.areaSquareMetres() },
                       unionArea: try union.areaSquareMetres(), wkt: try buffers[0].wkt(decimals: 3))
    }

    @Test func eightTasksTransformingAndBufferingAgreeWithOneTask() async throws {
        let points = Self.inputs()
        let reference = try Self.work(points)
        let outcomes = try await withThrowingTaskGroup(of: Outcome.self) { group in
            for _ in 0..<8 {
                group.addTask { try Self.work(points) }
            }
            var all: [Outcome] = []
            for try await outcome in group { all.append(outcome) }
            return all
        }
        #expect(outcomes.count == 8)
        for outcome in outcomes {
            #expect(outcome == reference)
        }
        // The work is real: 200 buffers of 150 m overlap but cover far more than one.
        #expect(reference.unionArea > 3 * Double.pi * 150 * 150)
        #expect(reference.unionArea < reference.bufferAreas.reduce(0, +))
    }
}
