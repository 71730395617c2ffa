import Geo

/// Streets as three paths (main roads, other drivable streets, scan-only ways), one `<path>` each, so a
/// whole island of streets stays a light document for browsers and rsvg alike.
enum StreetLayer {
    struct Counts {
        var drawn = 0
        var scanOnly = 0
    }

    static func draw(_ streets: FeatureCollection?, projector: PageProjector, into svg: inout SVGText) throws -> Counts {
        svg.raw("<g id=\"streets\" data-label=\"streets\">")
        defer { svg.raw("</g>\n") }
        guard let streets else { return Counts() }
        let bounds = try projector.lonLatBounds()
        var major = SVGText(), minor = SVGText(), scan = SVGText()
        var counts = Counts()
        for (index, feature) in streets.features.enumerated() {
            let lines: [[LonLat]]
            switch feature.geometry {
            case let .lineString(line)?: lines = [line]
            case let .multiLineString(many)?: lines = many
            default: continue
            }
            let scanOnly = feature["scan_only"]?.boolValue ?? false
            let highway = feature["highway"]?.stringValue ?? ""
            var drewAny = false
            for line in lines where line.count >= 2 && touches(line, bounds) {
                let points: [(x: Double, y: Double)]
                do {
                    points = try projector.xy(line)
                } catch {
                    throw MapRenderError.badFeature(layer: "streets", featureIndex: index, message: "\(error)")
                }
                if scanOnly {
                    append(points, to: &scan)
                } else if MapStyle.majorHighways.contains(highway) {
                    append(points, to: &major)
                } else {
                    append(points, to: &minor)
                }
                drewAny = true
            }
            if drewAny {
                counts.drawn += 1
                if scanOnly { counts.scanOnly += 1 }
            }
        }
        let join = "fill=\"none\" stroke-linecap=\"round\" stroke-linejoin=\"round\""
        svg.raw("<path class=\"scan-only\" \(join) stroke=\"\(MapStyle.scanOnly)\" stroke-width=\"1\" stroke-dasharray=\"3 2\" d=\"")
        svg.raw(scan.text)
        svg.raw("\"/>")
        svg.raw("<path class=\"drivable\" \(join) stroke=\"\(MapStyle.minorStreet)\" stroke-width=\"1.6\" d=\"")
        svg.raw(minor.text)
        svg.raw("\"/>")
        svg.raw("<path class=\"drivable main\" \(join) stroke=\"\(MapStyle.majorStreet)\" stroke-width=\"3\" d=\"")
        svg.raw(major.text)
        svg.raw("\"/>")
        return counts
    }

    static func touches(_ line: [LonLat], _ bounds: (minLon: Double, minLat: Double, maxLon: Double, maxLat: Double)) -> Bool {
        var minLon = Double.infinity, maxLon = -Double.infinity, minLat = Double.infinity, maxLat = -Double.infinity
        for point in line {
            minLon = min(minLon, point.lon); maxLon = max(maxLon, point.lon)
            minLat = min(minLat, point.lat); maxLat = max(maxLat, point.lat)
        }
        return maxLon >= bounds.minLon && minLon <= bounds.maxLon && maxLat >= bounds.minLat && minLat <= bounds.maxLat
    }

    /// Path data for one polyline, leaving out vertices closer than half a pixel to the last one kept
    /// (they cannot be seen and only weigh the file); the end point is always kept.
    static func append(_ points: [(x: Double, y: Double)], to path: inout SVGText) {
        guard let first = points.first else { return }
        path.raw("M")
        path.point(first.x, first.y)
        var last = first
        for (offset, point) in points.enumerated().dropFirst() {
            let dx = point.x - last.x, dy = point.y - last.y
            if dx * dx + dy * dy < 0.25 && offset != points.count - 1 { continue }
            path.raw(" ")
            path.point(point.x, point.y)
            last = point
        }
    }
}
