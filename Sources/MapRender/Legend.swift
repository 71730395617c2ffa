/// The legend panel right of the map: each pair with its distance and times, then every symbol the map uses.
struct Legend {
    static let width = 330.0

    var left: Double
    var y: Double
    private(set) var body = SVGText()

    init(left: Double, top: Double) {
        self.left = left
        self.y = top
    }

    mutating func heading(_ text: String) {
        y += 20
        body.raw("<text x=\"\(SVGText.format(left + 16))\" y=\"\(SVGText.format(y))\" font-size=\"13\" font-weight=\"bold\" fill=\"\(MapStyle.ink)\">")
        body.escaped(text)
        body.raw("</text>")
        y += 6
    }

    /// One row: a symbol drawn by `symbol` at (x, centre y) in a 40 px column, then the text.
    mutating func row(_ text: String, note: String? = nil, symbol: (Double, Double) -> String) {
        y += 18
        let centre = y - 4
        body.raw(symbol(left + 36, centre))
        body.raw("<text x=\"\(SVGText.format(left + 64))\" y=\"\(SVGText.format(y))\" font-size=\"12\" fill=\"\(MapStyle.ink)\">")
        body.escaped(text)
        body.raw("</text>")
        if let note {
            y += 14
            body.raw("<text x=\"\(SVGText.format(left + 64))\" y=\"\(SVGText.format(y))\" font-size=\"10.5\" fill=\"#666666\">")
            body.escaped(note)
            body.raw("</text>")
        }
    }

    static func line(colour: String, width: Double, dash: String?, opacity: Double = 1) -> (Double, Double) -> String {
        { x, y in
            "<line x1=\"\(SVGText.format(x - 18))\" y1=\"\(SVGText.format(y))\" x2=\"\(SVGText.format(x + 18))\" y2=\"\(SVGText.format(y))\" stroke=\"\(colour)\" stroke-width=\"\(SVGText.format(width))\" stroke-opacity=\"\(opacity)\" stroke-linecap=\"round\""
                + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>"
        }
    }

    static func circle(fill: String, radius: Double, stroke: String = "#ffffff", extra: String = "") -> (Double, Double) -> String {
        { x, y in
            "<circle cx=\"\(SVGText.format(x))\" cy=\"\(SVGText.format(y))\" r=\"\(SVGText.format(radius))\" fill=\"\(fill)\" fill-opacity=\"0.8\" stroke=\"\(stroke)\" stroke-width=\"1.2\"\(extra)/>"
        }
    }

    /// Draws the whole legend and returns its height.
    static func draw(layers: PlanLayers, marks: [HotspotLayer.Mark], heat: HeatLayer.Summary, streets: StreetLayer.Counts,
                     schools: Int, left: Double, top: Double, into svg: inout SVGText) -> Double {
        var legend = Legend(left: left, top: top)
        legend.heading("Pairs")
        for route in layers.routes {
            let metres = route.legs.reduce(0) { $0 + $1.distanceMetres }
            let times = (route.legs.map(\.eta) + route.legs.map(\.etd) + route.visits.map(\.eta)).filter { !$0.isEmpty }.sorted()
            let span = times.isEmpty ? "" : " · \(RouteLayer.clock(times.first!))–\(RouteLayer.clock(times.last!))"
            let revisits = route.visits.filter(\.revisit).count
            legend.row("\(route.pair) · \(SVGText.format(metres / 1000)) km\(span)",
                       note: "\(route.visits.count) hotspot visit\(route.visits.count == 1 ? "" : "s")\(revisits > 0 ? " (\(revisits) revisit\(revisits == 1 ? "" : "s"))" : ""), \(route.legs.count) legs",
                       symbol: line(colour: route.colour, width: 5, dash: nil))
        }
        if layers.routes.isEmpty { legend.row("no routes in this plan") { _, _ in "" } }

        legend.heading("Route")
        for (kind, text) in [("sweep", "sweep: cover every street of the patch"), ("travel", "travel: base, hotspots, patch"),
                             ("deadhead", "deadhead: driving over swept streets")] {
            let style = MapStyle.leg(kind)
            legend.row(text, symbol: line(colour: "#555555", width: style.width, dash: style.dash, opacity: style.opacity))
        }
        legend.row("direction of driving") { x, y in
            "<line x1=\"\(SVGText.format(x - 18))\" y1=\"\(SVGText.format(y))\" x2=\"\(SVGText.format(x + 18))\" y2=\"\(SVGText.format(y))\" stroke=\"#555555\" stroke-width=\"3\"/>"
                + "<path d=\"M\(SVGText.format(x + 6)),\(SVGText.format(y)) L\(SVGText.format(x - 4)),\(SVGText.format(y - 4.5)) L\(SVGText.format(x - 4)),\(SVGText.format(y + 4.5)) Z\" fill=\"#555555\" stroke=\"#ffffff\" stroke-width=\"0.8\"/>"
        }
        legend.row("order of hotspot visits", note: "\"1,4\": watched first, and again fourth") { x, y in
            "<rect x=\"\(SVGText.format(x - 13))\" y=\"\(SVGText.format(y - 8.5))\" width=\"26\" height=\"17\" rx=\"8.5\" fill=\"#555555\"/>"
                + "<text x=\"\(SVGText.format(x))\" y=\"\(SVGText.format(y + 4))\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\" fill=\"#ffffff\">1,4</text>"
        }
        legend.row("pair's base") { x, y in
            "<rect x=\"\(SVGText.format(x - 7))\" y=\"\(SVGText.format(y - 7))\" width=\"14\" height=\"14\" fill=\"#555555\" stroke=\"#ffffff\" stroke-width=\"2\"/>"
        }

        legend.heading("Places")
        legend.row("patch (sweep area around schools)") { x, y in
            "<rect x=\"\(SVGText.format(x - 16))\" y=\"\(SVGText.format(y - 8))\" width=\"32\" height=\"16\" fill=\"\(MapStyle.patchFill)\" fill-opacity=\"0.35\" stroke=\"\(MapStyle.patchStroke)\" stroke-width=\"2\"/>"
        }
        let maxWeight = marks.map(\.weight).max() ?? 0
        if maxWeight > 0 {
            legend.row("hotspot, area by weight (max \(HotspotLayer.formatWeight(maxWeight)))") { x, y in
                circle(fill: MapStyle.hotspotFill, radius: 14)(x - 2, y + 2)
                    + circle(fill: MapStyle.hotspotFill, radius: HotspotLayer.radius(weight: maxWeight / 4, maxWeight: maxWeight))(x + 13, y + 2)
            }
            legend.y += 6
        } else {
            legend.row("hotspot", symbol: circle(fill: MapStyle.hotspotFill, radius: 6))
        }
        if marks.contains(where: \.proposed) {
            legend.row("proposed hotspot (from clustering)",
                       symbol: circle(fill: MapStyle.proposedHotspot, radius: 7, stroke: MapStyle.proposedHotspot,
                                      extra: " stroke-dasharray=\"3 2\""))
        }
        if schools > 0 {
            legend.row("school") { x, y in
                "<path fill=\"\(MapStyle.school)\" stroke=\"#ffffff\" d=\"\(SchoolLayer.house(x: x, y: y))\"/>"
            }
        }
        if streets.drawn > 0 {
            legend.row("main road", symbol: line(colour: MapStyle.majorStreet, width: 3, dash: nil))
            legend.row("street (drivable)", symbol: line(colour: MapStyle.minorStreet, width: 1.6, dash: nil))
            legend.row("scan-only way: footpath, alley", note: "looked along from the car, not driven",
                       symbol: line(colour: MapStyle.scanOnly, width: 1, dash: "3 2"))
        }
        if heat.cells > 0 {
            legend.heading("Heat map (past stops)")
            legend.y += 8
            let x = left + 18, barTop = legend.y
            legend.body.raw("<rect x=\"\(SVGText.format(x))\" y=\"\(SVGText.format(barTop))\" width=\"200\" height=\"12\" fill=\"url(#heat-ramp)\" fill-opacity=\"0.8\" stroke=\"#999999\" stroke-width=\"0.5\"/>")
            legend.y += 26
            legend.body.raw("<text x=\"\(SVGText.format(x))\" y=\"\(SVGText.format(legend.y))\" font-size=\"10.5\" fill=\"#444444\">0</text>")
            legend.body.raw("<text x=\"\(SVGText.format(x + 200))\" y=\"\(SVGText.format(legend.y))\" text-anchor=\"end\" font-size=\"10.5\" fill=\"#444444\">\(SVGText.format(heat.peakPerSquareKm)) weighted stops/km²</text>")
            if heat.hotCells > 0 {
                legend.row("Gi* hot spot (95 % or more)") { x, y in
                    "<path d=\"M\(SVGText.format(x - 8)),\(SVGText.format(y - 8)) h16 v16 h-16 Z\" fill=\"none\" stroke=\"#67001f\" stroke-width=\"1.5\"/>"
                }
            }
        }
        let height = legend.y + 16 - top
        svg.raw("<g id=\"legend\"><rect x=\"\(SVGText.format(left))\" y=\"\(SVGText.format(top))\" width=\"\(SVGText.format(width))\" height=\"\(SVGText.format(height))\" fill=\"#ffffff\"/>")
        svg.raw("<line x1=\"\(SVGText.format(left + 0.5))\" y1=\"\(SVGText.format(top))\" x2=\"\(SVGText.format(left + 0.5))\" y2=\"\(SVGText.format(top + height))\" stroke=\"#bbbbbb\"/>")
        svg.raw(legend.body.text)
        svg.raw("</g>\n")
        return height
    }
}
