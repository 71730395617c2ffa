import Base
@testable import Geo

/// Shared shapes for the GEOS tests, placed in Southampton's corner of the grid so that
/// coordinates have realistic magnitudes.
enum Shapes {
    static let originEasting = 440_000.0
    static let originNorthing = 110_000.0

    static func point(_ x: Double, _ y: Double) -> GridPoint {
        GridPoint(easting: originEasting + x, northing: originNorthing + y)
    }

    /// A closed counter-clockwise square ring with its lower-left corner at (x, y) from the origin.
    static func squareRing(_ x: Double, _ y: Double, side: Double) -> [GridPoint] {
        [point(x, y), point(x + side, y), point(x + side, y + side), point(x, y + side), point(x, y)]
    }

    static func square(_ x: Double, _ y: Double, side: Double, context: GEOSContext) throws -> Geometry {
        try Geometry.polygon(exterior: squareRing(x, y, side: side), context: context)
    }

    static func bounds(width: Double, height: Double) -> GridBounds {
        GridBounds(minEasting: originEasting, minNorthing: originNorthing,
                   maxEasting: originEasting + width, maxNorthing: originNorthing + height)
    }

    static func randomPoint(_ generator: inout SplitMix64, in bounds: GridBounds) -> GridPoint {
        GridPoint(easting: bounds.minEasting + bounds.widthMetres * generator.unit(),
                  northing: bounds.minNorthing + bounds.heightMetres * generator.unit())
    }
}

/// Independent plane geometry, written here so that GEOS is checked against something it did not compute.
enum PlaneReference {
    /// Shortest distance from `p` to the segment a–b.
    static func distance(_ p: GridPoint, toSegment a: GridPoint, _ b: GridPoint) -> Double {
        let dx = b.easting - a.easting
        let dy = b.northing - a.northing
        let lengthSquared = dx * dx + dy * dy
        if lengthSquared == 0 { return p.distanceMetres(to: a) }
        let t = max(0, min(1, ((p.easting - a.easting) * dx + (p.northing - a.northing) * dy) / lengthSquared))
        return p.distanceMetres(to: GridPoint(easting: a.easting + t * dx, northing: a.northing + t * dy))
    }

    /// Even–odd ray casting; points exactly on an edge are not asked about in the tests.
    static func ringContains(_ ring: [GridPoint], _ p: GridPoint) -> Bool {
        var inside = false
        for i in 0..<(ring.count - 1) {
            let a = ring[i], b = ring[i + 1]
            if (a.northing > p.northing) != (b.northing > p.northing) {
                let crossing = a.easting + (p.northing - a.northing) / (b.northing - a.northing) * (b.easting - a.easting)
                if p.easting < crossing { inside.toggle() }
            }
        }
        return inside
    }

    /// Shoelace area of a closed ring (positive when counter-clockwise), relative to its first point
    /// to keep the products small.
    static func signedArea(_ ring: [GridPoint]) -> Double {
        let origin = ring[0]
        var twice = 0.0
        for i in 0..<(ring.count - 1) {
            let ax = ring[i].easting - origin.easting, ay = ring[i].northing - origin.northing
            let bx = ring[i + 1].easting - origin.easting, by = ring[i + 1].northing - origin.northing
            twice += ax * by - bx * ay
        }
        return twice / 2
    }
}
