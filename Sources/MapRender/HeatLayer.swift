import Geo

/// The hexagon heat map of `patrol hotspots`: fill by KDE intensity on a sequential ramp, and a dark outline
/// on cells Getis-Ord Gi* calls hot at 95 % or more (bin ≥ 2).
enum HeatLayer {
    struct Summary {
        var cells = 0
        var peakPerSquareKm = 0.0
        var hotCells = 0
    }

    static func draw(_ hotspots: FeatureCollection?, projector: PageProjector, into svg: inout SVGText) throws -> Summary {
        svg.raw("<g id=\"heatmap\" data-label=\"heat map\" fill-opacity=\"0.55\">")
        defer { svg.raw("</g>\n") }
        guard let hotspots else { return Summary() }
        let hexes = hotspots.features.enumerated().filter { $0.element["layer"]?.stringValue == "hex" }
        var summary = Summary()
        summary.peakPerSquareKm = hexes.compactMap { $0.element["kde_per_km2"]?.doubleValue }.max() ?? 0
        var outlines = SVGText()
        for (index, feature) in hexes {
            guard case let .polygon(rings)? = feature.geometry, let ring = rings.first, ring.count >= 3 else { continue }
            let intensity = feature["kde_per_km2"]?.doubleValue ?? 0
            let bin = feature["gi_bin"]?.intValue ?? 0
            guard intensity > 0 || bin >= 2 else { continue }
            let points: [(x: Double, y: Double)]
            do {
                points = try projector.xy(ring)
            } catch {
                throw MapRenderError.badFeature(layer: "hotspots hexes", featureIndex: index, message: "\(error)")
            }
            guard points.contains(where: { $0.x >= 0 && $0.y >= 0 && $0.x <= projector.frame.width && $0.y <= projector.frame.height })
            else { continue }
            var path = SVGText()
            StreetLayer.append(points, to: &path)
            path.raw("Z")
            let t = summary.peakPerSquareKm > 0 ? intensity / summary.peakPerSquareKm : 0
            svg.raw("<path fill=\"\(ColourRamp.colour(t))\" d=\"\(path.text)\"/>")
            summary.cells += 1
            if bin >= 2 {
                outlines.raw(path.text)
                summary.hotCells += 1
            }
        }
        if summary.hotCells > 0 {
            svg.raw("<path class=\"gi-hot\" fill=\"none\" stroke=\"#67001f\" stroke-width=\"1.2\" stroke-opacity=\"0.8\" d=\"\(outlines.text)\"/>")
        }
        return summary
    }
}
