import Geo

/// GPX 1.1 for the car: a waypoint per hotspot visit named with its time, a route (`rte`) with a point
/// at every maneuver and shape points close enough that an app following it keeps to the sweep, and
/// one dense track of the whole route for apps that follow a track.
public enum GPXWriter {
    public static func gpx(_ pairPlan: PairPlan, date: PlanDate, area: String) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gpx version="1.1" creator="patrol" xmlns="http://www.topografix.com/GPX/1/1" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">
          <metadata>
            <name>\(XMLEscape.text("\(area) sweep \(date) \(pairPlan.pair.id)"))</name>
            <desc>\(XMLEscape.text("Planned by patrol. Streets © OpenStreetMap contributors (ODbL)."))</desc>
          </metadata>

        """
        out += waypoint(pairPlan.pair.base, name: "\(ClockTime.format(seconds: pairPlan.pair.windowStartSeconds)) start: \(pairPlan.pair.baseName)", type: "base")
        for visit in pairPlan.visits {
            let label = "\(ClockTime.format(seconds: visit.arrivalSeconds)) \(visit.hotspot.name)\(visit.isRevisit ? " (again)" : "")"
            out += waypoint(visit.hotspot.position, name: label, type: "hotspot",
                            description: "watch \(Int((visit.dwellSeconds / 60).rounded())) min, leave \(ClockTime.format(seconds: visit.departureSeconds))")
        }
        out += GPXRoute.xml(pairPlan, date: date)
        out += "  <trk>\n    <name>\(XMLEscape.text("\(pairPlan.pair.id) \(date)"))</name>\n    <trkseg>\n"
        var last: LonLat?
        for leg in pairPlan.legs {
            for point in leg.path where point != last {
                out += "      <trkpt lat=\"\(coordinate(point.lat))\" lon=\"\(coordinate(point.lon))\"/>\n"
                last = point
            }
        }
        out += "    </trkseg>\n  </trk>\n</gpx>\n"
        return out
    }

    static func waypoint(_ p: LonLat, name: String, type: String, description: String? = nil) -> String {
        var text = "  <wpt lat=\"\(coordinate(p.lat))\" lon=\"\(coordinate(p.lon))\">\n    <name>\(XMLEscape.text(name))</name>\n"
        if let description { text += "    <desc>\(XMLEscape.text(description))</desc>\n" }
        text += "    <type>\(type)</type>\n  </wpt>\n"
        return text
    }

    static func coordinate(_ value: Double) -> String {
        var writer = JSONWriter()
        writer.number(value, decimals: 7)
        return writer.text
    }

}
