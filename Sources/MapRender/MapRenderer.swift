import Geo

/// Page size limits; the map keeps BNG proportions inside them.
public struct MapPageOptions: Sendable {
    public var maxMapWidth: Double
    public var maxMapHeight: Double
    public var minMapWidth: Double
    public var minMapHeight: Double
    /// Draw only this pair's route and frame the map on it (a sheet per car); nil draws every pair.
    public var pair: String?

    public init(maxMapWidth: Double = 1200, maxMapHeight: Double = 860, minMapWidth: Double = 760, minMapHeight: Double = 640,
                pair: String? = nil) {
        self.maxMapWidth = maxMapWidth
        self.maxMapHeight = maxMapHeight
        self.minMapWidth = minMapWidth
        self.minMapHeight = minMapHeight
        self.pair = pair
    }
}

/// A drawn map and the facts about it that callers and tests check.
public struct RenderedMap: Sendable {
    public var svg: String
    /// Page pixels per BNG metre, the same along both axes.
    public var pixelsPerMetre: Double
    public var scaleBarMetres: Double
    /// Where the map viewport sits on the page (below the title band).
    public var mapViewport: PixelBox
    /// BNG easting and northing at the viewport's top-left corner.
    public var originEasting: Double
    public var originNorthing: Double
    /// Labels that found room (in map-viewport pixels), and the texts of those that did not.
    public var labels: [PlacedLabel]
    public var droppedLabels: [String]
    public var layerIDs: [String]
    public var streetsDrawn: Int
    public var pageWidth: Double
    public var pageHeight: Double
}

/// Draws plan.geojson (with streets, hotspots and schools when given) as one SVG document in British National
/// Grid, with our own code only.
public enum MapRenderer {
    /// The SVG text of the map. `title` is the top line, e.g. `MapRenderer.title(forPlan:)`.
    public static func render(plan: FeatureCollection, streets: FeatureCollection?, hotspots: FeatureCollection?,
                              schools: FeatureCollection?, title: String) throws -> String {
        try draw(plan: plan, streets: streets, hotspots: hotspots, schools: schools, title: title).svg
    }

    /// "Sweep plan · isle-of-wight · 2026-11-25" from the plan's `name` member ("patrol plan AREA DATE")
    /// or, failing that, from the first time in the plan.
    public static func title(forPlan plan: FeatureCollection) -> String {
        let words = (plan.foreignMembers["name"]?.stringValue ?? "").split(separator: " ").map(String.init)
        if words.count >= 4, words[0] == "patrol", words[1] == "plan" {
            return "Sweep plan · \(words[2..<(words.count - 1)].joined(separator: " ")) · \(words.last!)"
        }
        if let layers = try? PlanLayers(plan: plan), let date = layers.date { return "Sweep plan · \(date)" }
        return "Sweep plan"
    }

    public static func draw(plan: FeatureCollection, streets: FeatureCollection?, hotspots: FeatureCollection?,
                            schools: FeatureCollection?, title: String, options: MapPageOptions = MapPageOptions()) throws -> RenderedMap {
        var layers = try PlanLayers(plan: plan)
        if let pair = options.pair {
            guard layers.routes.contains(where: { $0.pair == pair }) else {
                throw MapRenderError.unknownPair(pair, known: layers.routes.map(\.pair))
            }
            layers.routes = layers.routes.filter { $0.pair == pair }
        }
        let marks = HotspotLayer.marks(hotspots: hotspots, plan: layers)
        let projection = try Projection.bng()
        var framed = options.pair == nil ? layers.positions : layers.routePositions
        if framed.isEmpty { framed = marks.map(\.position) }
        guard !framed.isEmpty else { throw MapRenderError.emptyMap }
        let frame = MapFrame(fitting: try projection.grid(framed), maxWidth: options.maxMapWidth, maxHeight: options.maxMapHeight,
                             minWidth: options.minMapWidth, minHeight: options.minMapHeight)
        let projector = PageProjector(projection: projection, frame: frame)
        let mapWidth = frame.width, mapHeight = frame.height
        let scaleMetres = MapFurniture.niceMetres(pixelsPerMetre: frame.pixelsPerMetre, targetPixels: min(220, mapWidth / 4))

        var placer = LabelPlacer(bounds: PixelBox(x: 0, y: 0, width: mapWidth, height: mapHeight))
        placer.addObstacle(MapFurniture.northArrowBox)
        placer.addObstacle(MapFurniture.scaleBarBox(mapHeight: mapHeight, barPixels: scaleMetres * frame.pixelsPerMetre,
                                                    endLabel: MapFurniture.lengthText(scaleMetres)))
        placer.addObstacle(MapFurniture.attributionBox(mapWidth: mapWidth, mapHeight: mapHeight))

        var map = SVGText(reservingCapacity: 1 << 20)
        var requests: [LabelRequest] = []
        map.raw("<rect x=\"0\" y=\"0\" width=\"\(SVGText.format(mapWidth))\" height=\"\(SVGText.format(mapHeight))\" fill=\"\(MapStyle.paper)\"/>\n")
        try PatchLayer.draw(layers.patches, projector: projector, into: &map, labels: &requests)
        let heat = try HeatLayer.draw(hotspots, projector: projector, into: &map)
        let streetCounts = try StreetLayer.draw(streets, projector: projector, into: &map)
        let hotspotPixels = try HotspotLayer.draw(marks, projector: projector, into: &map, labels: &requests, placer: &placer)
        var layerIDs = ["streets", "patches", "heatmap", "hotspots"]
        for route in layers.routes {
            try RouteLayer.draw(route, projector: projector, hotspotMarks: hotspotPixels, into: &map, labels: &requests, placer: &placer)
            layerIDs.append(RouteLayer.groupID(route.pair))
        }
        let schoolCount = try SchoolLayer.draw(schools, projector: projector, into: &map, labels: &requests, placer: &placer)
        placer.place(requests)
        drawLabels(placer.placed, into: &map)
        layerIDs += ["schools", "labels", "legend", "scalebar", "north-arrow", "title", "attribution"]

        var overlay = SVGText()
        let legendHeight = Legend.draw(layers: layers, marks: marks, heat: heat, streets: streetCounts, schools: schoolCount,
                                       left: mapWidth, top: MapFurniture.titleHeight, into: &overlay)
        let pageWidth = mapWidth + Legend.width
        let pageHeight = MapFurniture.titleHeight + max(mapHeight, legendHeight)
        MapFurniture.northArrow(into: &overlay)
        MapFurniture.scaleBar(metres: scaleMetres, pixelsPerMetre: frame.pixelsPerMetre, mapHeight: mapHeight, into: &overlay)
        MapFurniture.attribution(mapWidth: mapWidth, mapHeight: mapHeight, into: &overlay)
        MapFurniture.title(title, subtitle: subtitle(layers, schools: schoolCount, pixelsPerMetre: frame.pixelsPerMetre),
                           width: pageWidth, into: &overlay)

        var svg = SVGText(reservingCapacity: map.text.utf8.count + overlay.text.utf8.count + 4096)
        let w = SVGText.format(pageWidth), h = SVGText.format(pageHeight)
        svg.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        svg.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" font-family=\"\(TextMetrics.fontFamily)\">\n<title>")
        svg.escaped(title)
        svg.raw("</title>\n<defs><linearGradient id=\"heat-ramp\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">")
        for (index, colour) in ColourRamp.stopColours.enumerated() {
            svg.raw("<stop offset=\"\(SVGText.format(Double(index) / Double(ColourRamp.stops.count - 1)))\" stop-color=\"\(colour)\"/>")
        }
        svg.raw("</linearGradient></defs>\n")
        svg.raw("<rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n")
        svg.raw("<svg id=\"map\" x=\"0\" y=\"\(SVGText.format(MapFurniture.titleHeight))\" width=\"\(SVGText.format(mapWidth))\" height=\"\(SVGText.format(mapHeight))\" viewBox=\"0 0 \(SVGText.format(mapWidth)) \(SVGText.format(mapHeight))\" overflow=\"hidden\" data-pixels-per-metre=\"\(frame.pixelsPerMetre)\">\n")
        svg.raw(map.text)
        svg.raw("</svg>\n")
        svg.raw(overlay.text)
        svg.raw("</svg>\n")
        return RenderedMap(svg: svg.text, pixelsPerMetre: frame.pixelsPerMetre, scaleBarMetres: scaleMetres,
                           mapViewport: PixelBox(x: 0, y: MapFurniture.titleHeight, width: mapWidth, height: mapHeight),
                           originEasting: frame.minEasting, originNorthing: frame.maxNorthing,
                           labels: placer.placed, droppedLabels: placer.dropped, layerIDs: layerIDs,
                           streetsDrawn: streetCounts.drawn, pageWidth: pageWidth, pageHeight: pageHeight)
    }

    static func drawLabels(_ labels: [PlacedLabel], into svg: inout SVGText) {
        svg.raw("<g id=\"labels\" stroke=\"\(MapStyle.halo)\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">")
        for label in labels {
            let x = label.box.x + LabelPlacer.padding
            let baseline = label.box.y + LabelPlacer.padding + TextMetrics.ascentEm * label.fontSize
            svg.raw("<text class=\"label lbl-\(label.layerClass)\" x=\"\(SVGText.format(x))\" y=\"\(SVGText.format(baseline))\" font-size=\"\(SVGText.format(label.fontSize))\"")
            if label.bold { svg.raw(" font-weight=\"bold\"") }
            svg.raw(" fill=\"\(label.colour)\">")
            svg.escaped(label.text)
            svg.raw("</text>")
        }
        svg.raw("</g>\n")
    }

    static func subtitle(_ layers: PlanLayers, schools: Int, pixelsPerMetre: Double) -> String {
        let visits = layers.routes.reduce(0) { $0 + $1.visits.count }
        // A CSS pixel is 1/96 inch, so the printed scale is 1 : (metres per pixel / 0.0254 × 96).
        let ratio = 1 / pixelsPerMetre / 0.0254 * 96
        let rounded = (ratio / 500).rounded() * 500
        var parts = ["\(layers.routes.count) pair\(layers.routes.count == 1 ? "" : "s")",
                     "\(layers.patches.count) patch\(layers.patches.count == 1 ? "" : "es")",
                     "\(visits) hotspot visit\(visits == 1 ? "" : "s")"]
        if schools > 0 { parts.append("\(schools) school\(schools == 1 ? "" : "s")") }
        parts.append("scale about 1:\(groupedThousands(Int(rounded))) at 96 dpi")
        return parts.joined(separator: " · ")
    }

    static func groupedThousands(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return out
    }
}
