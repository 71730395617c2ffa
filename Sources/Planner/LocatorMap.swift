import Foundation
import Geo

/// A small inline SVG of a pair's route for the printed run sheet: the legs by kind, the base, and the
/// watches numbered as their steps. Drawn from the route's own coordinates; nothing fetched.
enum LocatorMap {
    static let widthPixels = 640.0
    static let heightPixels = 360.0
    static let marginPixels = 16.0

    static func svg(_ pairPlan: PairPlan, steps: [DirectionStep]) -> String {
        let lines = pairPlan.legs.filter { $0.path.count >= 2 }
        let all = lines.flatMap(\.path) + [pairPlan.pair.base] + pairPlan.visits.map(\.hotspot.position)
        guard let frame = Frame(all) else { return "" }
        var out = "<svg class=\"locator\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(widthPixels)) \(Int(heightPixels))\" role=\"img\">"
        out += "<title>\(XMLEscape.text("\(pairPlan.pair.id) route"))</title>"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"#fff\" stroke=\"#999\"/>"
        for leg in lines {
            let style = switch leg.kind {
            case .sweep: "stroke=\"#08519c\" stroke-width=\"2.5\""
            case .deadhead: "stroke=\"#6baed6\" stroke-width=\"1.5\" stroke-dasharray=\"2 2\""
            case .travel: "stroke=\"#555\" stroke-width=\"1.5\" stroke-dasharray=\"6 3\""
            }
            let points = leg.path.map { frame.xy($0) }.map { "\(format($0.x)),\(format($0.y))" }.joined(separator: " ")
            out += "<polyline fill=\"none\" \(style) stroke-linejoin=\"round\" points=\"\(points)\"/>"
        }
        let base = frame.xy(pairPlan.pair.base)
        out += "<rect x=\"\(format(base.x - 6))\" y=\"\(format(base.y - 6))\" width=\"12\" height=\"12\" fill=\"#000\"><title>\(XMLEscape.text("base: \(pairPlan.pair.baseName)"))</title></rect>"
        let watches = steps.filter { $0.kind == .watch }
        for (visit, step) in zip(pairPlan.visits, watches) {
            let p = frame.xy(visit.hotspot.position)
            out += "<circle cx=\"\(format(p.x))\" cy=\"\(format(p.y))\" r=\"9\" fill=\"#d7301f\" stroke=\"#fff\"/>"
            out += "<text x=\"\(format(p.x))\" y=\"\(format(p.y + 4))\" text-anchor=\"middle\" font-size=\"10\" fill=\"#fff\">\(step.number)</text>"
        }
        return out + "</svg>"
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Lon/lat to pixels: equirectangular at the middle latitude, north up, the route filling the box.
    struct Frame {
        let minLon: Double, maxLat: Double, scale: Double, xScale: Double, offsetX: Double, offsetY: Double

        init?(_ points: [LonLat]) {
            guard let first = points.first else { return nil }
            var (lo, hi) = (first, first)
            for p in points {
                lo = LonLat(lon: min(lo.lon, p.lon), lat: min(lo.lat, p.lat))
                hi = LonLat(lon: max(hi.lon, p.lon), lat: max(hi.lat, p.lat))
            }
            xScale = cos((lo.lat + hi.lat) / 2 * .pi / 180)
            let width = max((hi.lon - lo.lon) * xScale, 1e-6)
            let height = max(hi.lat - lo.lat, 1e-6)
            let inner = (w: LocatorMap.widthPixels - 2 * LocatorMap.marginPixels, h: LocatorMap.heightPixels - 2 * LocatorMap.marginPixels)
            scale = min(inner.w / width, inner.h / height)
            minLon = lo.lon
            maxLat = hi.lat
            offsetX = LocatorMap.marginPixels + (inner.w - width * scale) / 2
            offsetY = LocatorMap.marginPixels + (inner.h - height * scale) / 2
        }

        func xy(_ p: LonLat) -> (x: Double, y: Double) {
            (offsetX + (p.lon - minLon) * xScale * scale, offsetY + (maxLat - p.lat) * scale)
        }
    }
}
