import Geo

/// Schools as small navy "school house" symbols, named when there is room.
enum SchoolLayer {
    static func draw(_ schools: FeatureCollection?, projector: PageProjector, into svg: inout SVGText,
                     labels: inout [LabelRequest], placer: inout LabelPlacer) throws -> Int {
        svg.raw("<g id=\"schools\" data-label=\"schools\">")
        defer { svg.raw("</g>\n") }
        guard let schools else { return 0 }
        var drawn = 0
        var symbols = SVGText()
        for (index, feature) in schools.features.enumerated() {
            guard case let .point(position)? = feature.geometry else { continue }
            let (x, y): (Double, Double)
            do {
                (x, y) = try projector.xy(position)
            } catch {
                throw MapRenderError.badFeature(layer: "schools", featureIndex: index, message: "\(error)")
            }
            guard x >= 0, y >= 0, x <= projector.frame.width, y <= projector.frame.height else { continue }
            symbols.raw(house(x: x, y: y))
            drawn += 1
            placer.addObstacle(PixelBox(x: x - 6, y: y - 7, width: 12, height: 13))
            let name = PlanLayers.name(feature, fallback: "school")
            let phase = feature["phase"]?.stringValue ?? ""
            labels.append(LabelRequest(text: name, x: x, y: y, fontSize: 10, bold: false, colour: MapStyle.school,
                                       priority: phase == "Secondary" || phase == "All-through" ? 300 : 200,
                                       placement: .point(radius: 6), layerClass: "schools"))
        }
        svg.raw("<path fill=\"\(MapStyle.school)\" stroke=\"#ffffff\" stroke-width=\"1\" d=\"\(symbols.text)\"/>")
        return drawn
    }

    /// A pentagon: a square with a roof, 11 px wide, centred on the point.
    static func house(x: Double, y: Double) -> String {
        var path = SVGText()
        path.raw("M"); path.point(x - 5, y + 5.5)
        path.raw("L"); path.point(x - 5, y - 1)
        path.raw("L"); path.point(x, y - 6)
        path.raw("L"); path.point(x + 5, y - 1)
        path.raw("L"); path.point(x + 5, y + 5.5)
        path.raw("Z")
        return path.text
    }
}
