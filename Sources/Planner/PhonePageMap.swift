import Foundation
import Geo

/// A flat local projection for one pair's ground (a few kilometres): x east and y south, in map units, with the
/// longitude scaled by the cosine of the middle latitude. The page's script inverts it for taps and positions,
/// so the map needs no tiles and no projection library.
struct PhoneMapProjection: Hashable, Sendable {
    var minLon: Double
    var maxLat: Double
    /// Map units per degree of longitude and of latitude.
    var unitsPerDegreeLon: Double
    var unitsPerDegreeLat: Double
    var width: Double
    var height: Double

    static let metresPerDegreeLat = 111_320.0

    /// Fits `points` with a margin into `width` units, no taller than `maxAspect` times the width.
    init(fitting points: [LonLat], width: Double = 1000, maxAspect: Double = 1.4, minimumSpanMetres: Double = 600) {
        let lons = points.map(\.lon), lats = points.map(\.lat)
        let midLat = ((lats.min() ?? 0) + (lats.max() ?? 0)) / 2
        let metresPerDegreeLon = Self.metresPerDegreeLat * cos(midLat * .pi / 180)
        var spanX = max(((lons.max() ?? 0) - (lons.min() ?? 0)) * metresPerDegreeLon, minimumSpanMetres) * 1.16
        var spanY = max(((lats.max() ?? 0) - (lats.min() ?? 0)) * Self.metresPerDegreeLat, minimumSpanMetres) * 1.16
        spanY = max(spanY, spanX * 0.6)
        spanX = max(spanX, spanY / maxAspect)
        let unitsPerMetre = width / spanX
        let midLon = ((lons.min() ?? 0) + (lons.max() ?? 0)) / 2
        minLon = midLon - spanX / 2 / metresPerDegreeLon
        maxLat = midLat + spanY / 2 / Self.metresPerDegreeLat
        unitsPerDegreeLon = unitsPerMetre * metresPerDegreeLon
        unitsPerDegreeLat = unitsPerMetre * Self.metresPerDegreeLat
        self.width = width
        height = (spanY * unitsPerMetre).rounded()
    }

    func x(_ point: LonLat) -> Double { (point.lon - minLon) * unitsPerDegreeLon }
    func y(_ point: LonLat) -> Double { (maxLat - point.lat) * unitsPerDegreeLat }
}

/// A run of the route drawn on the phone map, styled by its kind (`sweep`, `deadhead`, `travel`).
public struct PhoneMapLine: Hashable, Sendable {
    public var kind: String
    public var path: [LonLat]

    public init(kind: String, path: [LonLat]) {
        self.kind = kind
        self.path = path
    }
}

/// A named point the officer can pick as a stop's place: a hotspot of the area.
public struct PhonePlace: Hashable, Sendable {
    public var name: String
    public var position: LonLat

    public init(name: String, position: LonLat) {
        self.name = name
        self.position = position
    }
}

/// The inline SVG of the phone page: the route by kind and the hotspots. Step marks, the phone's position
/// and a tapped place are drawn by the script into the empty groups at the end.
enum PhonePageMap {
    static func svg(lines: [PhoneMapLine], places: [PhonePlace], base: LonLat, projection: PhoneMapProjection) -> String {
        let width = Int(projection.width), height = Int(projection.height)
        var out = "<svg id=\"map\" class=\"map\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" "
            + "aria-label=\"Map of the route, the hotspots and the steps\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        out += "<rect class=\"map__paper\" width=\"\(width)\" height=\"\(height)\"/>\n"
        for kind in ["travel", "deadhead", "sweep"] {
            let paths = lines.filter { $0.kind == kind }.map(\.path).filter { $0.count >= 2 }
            guard !paths.isEmpty else { continue }
            out += "<path class=\"map__leg map__leg--\(kind)\" d=\"\(pathData(paths, projection))\"/>\n"
        }
        out += "<g class=\"map__places\">\n"
        for place in places where inside(place.position, projection) {
            out += "<circle class=\"map__hotspot\" cx=\"\(fixed(projection.x(place.position)))\" "
                + "cy=\"\(fixed(projection.y(place.position)))\" r=\"13\"><title>\(XMLEscape.text(place.name))</title></circle>\n"
        }
        out += "</g>\n"
        let side = 22.0
        out += "<rect class=\"map__base\" x=\"\(fixed(projection.x(base) - side / 2))\" y=\"\(fixed(projection.y(base) - side / 2))\" "
            + "width=\"\(fixed(side))\" height=\"\(fixed(side))\"><title>Base</title></rect>\n"
        out += "<g id=\"map-steps\"></g>\n<g id=\"map-marks\"></g>\n</svg>"
        return out
    }

    static func pathData(_ paths: [[LonLat]], _ projection: PhoneMapProjection) -> String {
        paths.map { path in
            path.enumerated().map { index, point in
                "\(index == 0 ? "M" : "L")\(fixed(projection.x(point))) \(fixed(projection.y(point)))"
            }.joined()
        }.joined()
    }

    static func inside(_ point: LonLat, _ projection: PhoneMapProjection) -> Bool {
        (0...projection.width).contains(projection.x(point)) && (0...projection.height).contains(projection.y(point))
    }

    /// A tenth of a map unit (under half a metre at a patch's scale): enough to draw, small enough to carry.
    static func fixed(_ value: Double) -> String { String(format: "%.1f", value) }
}
