import Foundation
import Geo

/// Headings along a driven line in BNG metres, taken a short way back from and ahead of a point.
public enum TurnAngle {
    public typealias Heading = (dx: Double, dy: Double)

    /// The signed angle in degrees from heading `a` to heading `b`: positive turns left (anticlockwise),
    /// in (-180, 180].
    public static func degrees(from a: Heading, to b: Heading) -> Double {
        let cross = a.dx * b.dy - a.dy * b.dx
        let dot = a.dx * b.dx + a.dy * b.dy
        return atan2(cross, dot) * 180 / .pi
    }

    /// The heading into `points[index]`, from the point `metres` back along the line (or its start).
    public static func into(_ points: [GridPoint], at index: Int, metres: Double = ManeuverThresholds.lookMetres) -> Heading? {
        guard let back = reach(points, from: index, step: -1, metres: metres) else { return nil }
        return (points[index].easting - back.easting, points[index].northing - back.northing)
    }

    /// The heading out of `points[index]`, towards the point `metres` ahead along the line (or its end).
    public static func outOf(_ points: [GridPoint], at index: Int, metres: Double = ManeuverThresholds.lookMetres) -> Heading? {
        guard let ahead = reach(points, from: index, step: 1, metres: metres) else { return nil }
        return (ahead.easting - points[index].easting, ahead.northing - points[index].northing)
    }

    /// The point `metres` along the line from `points[index]` in the direction `step`, or the last point
    /// before the line turns back on itself (a U-turn: the points either side of a vertex coincide), so
    /// that a heading never looks past a U-turn; nil when the line has no length that way.
    static func reach(_ points: [GridPoint], from index: Int, step: Int, metres: Double) -> GridPoint? {
        var travelled = 0.0
        var last = points[index]
        var i = index + step
        while i >= 0, i < points.count {
            let next = points[i]
            let d = last.distanceMetres(to: next)
            if travelled + d >= metres, d > 0 {
                let t = (metres - travelled) / d
                return GridPoint(easting: last.easting + t * (next.easting - last.easting),
                                 northing: last.northing + t * (next.northing - last.northing))
            }
            travelled += d
            last = next
            if i > 0, i + 1 < points.count, points[i - 1] == points[i + 1], travelled > 0 { return last }
            i += step
        }
        return travelled > 0 ? last : nil
    }
}
