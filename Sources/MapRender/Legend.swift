/// The legend panel right of the map: each pair with its distance and times, then every symbol the map uses.
struct Legend {
    static let width = 330.0

    var left: Double
    let top: Double
    /// The baseline of the last row drawn; rows below start from here.
    var y: Double
    var body = SVGText()

    init(left: Double, top: Double) {
        self.left = left
        self.top = top
        self.y = top
    }

    /// The panel's height with the rows drawn so far and a margin below them.
    var height: Double { y + 16 - top }

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
        legend.pairs(layers.routes)
        legend.routeSymbols()
        legend.places(marks: marks, schools: schools)
        legend.streetSymbols(streets)
        legend.heatMap(heat)
        legend.frame(into: &svg)
        return legend.height
    }

    /// The white panel with a rule on its left, holding the rows drawn so far.
    private func frame(into svg: inout SVGText) {
        svg.raw("<g id=\"legend\"><rect x=\"\(SVGText.format(left))\" y=\"\(SVGText.format(top))\" width=\"\(SVGText.format(Self.width))\" height=\"\(SVGText.format(height))\" fill=\"#ffffff\"/>")
        svg.raw("<line x1=\"\(SVGText.format(left + 0.5))\" y1=\"\(SVGText.format(top))\" x2=\"\(SVGText.format(left + 0.5))\" y2=\"\(SVGText.format(top + height))\" stroke=\"#bbbbbb\"/>")
        svg.raw(body.text)
        svg.raw("</g>\n")
    }
}
