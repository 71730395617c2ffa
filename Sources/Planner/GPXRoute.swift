import Foundation
import Geo

/// The GPX `<rte>` of a pair's day, for navigation apps that follow a route (OsmAnd, Organic Maps,
/// Garmin units): a route point at every maneuver, named with its short instruction, and shape points
/// between them at most `shapeSpacingMetres` apart along the route, so that an app re-routing between
/// points cannot cut a corner or skip a cul-de-sac the sweep must drive.
enum GPXRoute {
    static let shapeSpacingMetres = 250.0

    struct Point: Hashable {
        var position: LonLat
        var name: String
        var description: String
        /// A maneuver's raw value, `watch`, or `shape`.
        var type: String
    }

    static func points(_ pairPlan: PairPlan) -> [Point] {
        var points: [Point] = []
        var sinceLastMetres = 0.0
        var last: LonLat?
        let instructions = Directions.legInstructions(pairPlan)
        var legIndex = -1
        for step in pairPlan.steps {
            switch step {
            case let .leg(leg):
                legIndex += 1
                guard let first = leg.path.first else { continue }
                let (maneuver, text, short) = instructions[legIndex]
                if maneuver.needsAction {
                    let clock = ClockTime.format(seconds: leg.startSeconds)
                    points.append(Point(position: first, name: short, description: "\(clock) \(text)", type: maneuver.rawValue))
                    sinceLastMetres = 0
                }
                last = last ?? first
                for next in leg.path.dropFirst() {
                    guard let from = last else { break }
                    var segmentStart = from
                    var remaining = metres(from, next)
                    while sinceLastMetres + remaining >= shapeSpacingMetres {
                        let needed = shapeSpacingMetres - sinceLastMetres
                        let t = needed / remaining
                        segmentStart = LonLat(lon: segmentStart.lon + t * (next.lon - segmentStart.lon),
                                              lat: segmentStart.lat + t * (next.lat - segmentStart.lat))
                        points.append(Point(position: segmentStart, name: "shape", description: "along \(LegInstruction.street(leg))", type: "shape"))
                        remaining -= needed
                        sinceLastMetres = 0
                    }
                    sinceLastMetres += remaining
                    last = next
                }
            case let .visit(visit):
                guard let at = last else { continue }
                let clock = ClockTime.format(seconds: visit.arrivalSeconds)
                points.append(Point(position: at, name: "Watch: \(visit.hotspot.name)",
                                    description: "\(clock) watch \(visit.hotspot.name)\(visit.isRevisit ? " again" : ""), \(Int((visit.dwellSeconds / 60).rounded())) min",
                                    type: "watch"))
                sinceLastMetres = 0
            case .wait:
                continue
            }
        }
        if let end = last {
            points.append(Point(position: end, name: "Arrive: \(pairPlan.pair.baseName)",
                                description: "\(ClockTime.format(seconds: pairPlan.endSeconds)) arrive back at \(pairPlan.pair.baseName)", type: Maneuver.arrive.rawValue))
        }
        return points
    }

    /// Metres between two nearby points (a local equirectangular approximation, ample for spacing points).
    static func metres(_ a: LonLat, _ b: LonLat) -> Double {
        let radius = 6_371_008.8
        let x = (b.lon - a.lon) * .pi / 180 * cos((a.lat + b.lat) / 2 * .pi / 180)
        let y = (b.lat - a.lat) * .pi / 180
        return (x * x + y * y).squareRoot() * radius
    }

    static func xml(_ pairPlan: PairPlan, date: PlanDate) -> String {
        var out = "  <rte>\n    <name>\(XMLEscape.text("\(pairPlan.pair.id) \(date)"))</name>\n"
        out += "    <desc>\(XMLEscape.text("Turn by turn: a point at every maneuver, shape points between."))</desc>\n"
        for point in points(pairPlan) {
            out += "    <rtept lat=\"\(GPXWriter.coordinate(point.position.lat))\" lon=\"\(GPXWriter.coordinate(point.position.lon))\">\n"
            out += "      <name>\(XMLEscape.text(point.name))</name>\n"
            if point.type != "shape" { out += "      <desc>\(XMLEscape.text(point.description))</desc>\n" }
            out += "      <type>\(point.type)</type>\n    </rtept>\n"
        }
        return out + "  </rte>\n"
    }
}
