/// The legend's sections, top to bottom: what each pair drives, the route symbols, the places and
/// streets on the map, and the heat map's scale.
extension Legend {
    /// Each pair's row: its colour, distance and working times, with its hotspot visits and legs below.
    mutating func pairs(_ routes: [PlanLayers.Route]) {
        heading("Pairs")
        for route in routes {
            let metres = route.legs.reduce(0) { $0 + $1.distanceMetres }
            let times = (route.legs.map(\.eta) + route.legs.map(\.etd) + route.visits.map(\.eta)).filter { !$0.isEmpty }.sorted()
            var span = ""
            if let first = times.first, let last = times.last {
                span = " · \(RouteLayer.clock(first))–\(RouteLayer.clock(last))"
            }
            let revisits = route.visits.filter(\.revisit).count
            row("\(route.pair) · \(SVGText.format(metres / 1000)) km\(span)",
                note: "\(route.visits.count) hotspot visit\(route.visits.count == 1 ? "" : "s")\(revisits > 0 ? " (\(revisits) revisit\(revisits == 1 ? "" : "s"))" : ""), \(route.legs.count) legs",
                symbol: Self.line(colour: route.colour, width: 5, dash: nil))
        }
        if routes.isEmpty { row("no routes in this plan") { _, _ in "" } }
    }

    /// The leg kinds, the direction arrow, the visit-order badge and the base.
    mutating func routeSymbols() {
        heading("Route")
        for (kind, text) in [("sweep", "sweep: cover every street of the patch"), ("travel", "travel: base, hotspots, patch"),
                             ("deadhead", "deadhead: driving over swept streets")] {
            let style = MapStyle.leg(kind)
            row(text, symbol: Self.line(colour: "#555555", width: style.width, dash: style.dash, opacity: style.opacity))
        }
        row("direction of driving") { x, y in
            "<line x1=\"\(SVGText.format(x - 18))\" y1=\"\(SVGText.format(y))\" x2=\"\(SVGText.format(x + 18))\" y2=\"\(SVGText.format(y))\" stroke=\"#555555\" stroke-width=\"3\"/>"
                + "<path d=\"M\(SVGText.format(x + 6)),\(SVGText.format(y)) L\(SVGText.format(x - 4)),\(SVGText.format(y - 4.5)) L\(SVGText.format(x - 4)),\(SVGText.format(y + 4.5)) Z\" fill=\"#555555\" stroke=\"#ffffff\" stroke-width=\"0.8\"/>"
        }
        row("order of hotspot visits", note: "\"1,4\": watched first, and again fourth") { x, y in
            "<rect x=\"\(SVGText.format(x - 13))\" y=\"\(SVGText.format(y - 8.5))\" width=\"26\" height=\"17\" rx=\"8.5\" fill=\"#555555\"/>"
                + "<text x=\"\(SVGText.format(x))\" y=\"\(SVGText.format(y + 4))\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\" fill=\"#ffffff\">1,4</text>"
        }
        row("pair's base") { x, y in
            "<rect x=\"\(SVGText.format(x - 7))\" y=\"\(SVGText.format(y - 7))\" width=\"14\" height=\"14\" fill=\"#555555\" stroke=\"#ffffff\" stroke-width=\"2\"/>"
        }
    }

    /// Patches, hotspots (sized by weight when they have one), proposed hotspots and schools.
    mutating func places(marks: [HotspotLayer.Mark], schools: Int) {
        heading("Places")
        row("patch (sweep area around schools)") { x, y in
            "<rect x=\"\(SVGText.format(x - 16))\" y=\"\(SVGText.format(y - 8))\" width=\"32\" height=\"16\" fill=\"\(MapStyle.patchFill)\" fill-opacity=\"0.35\" stroke=\"\(MapStyle.patchStroke)\" stroke-width=\"2\"/>"
        }
        let maxWeight = marks.map(\.weight).max() ?? 0
        if maxWeight > 0 {
            row("hotspot, area by weight (max \(HotspotLayer.formatWeight(maxWeight)))") { x, y in
                Self.circle(fill: MapStyle.hotspotFill, radius: 14)(x - 2, y + 2)
                    + Self.circle(fill: MapStyle.hotspotFill, radius: HotspotLayer.radius(weight: maxWeight / 4, maxWeight: maxWeight))(x + 13, y + 2)
            }
            // Room for the big circle, which reaches below its row.
            y += 6
        } else {
            row("hotspot", symbol: Self.circle(fill: MapStyle.hotspotFill, radius: 6))
        }
        if marks.contains(where: \.proposed) {
            row("proposed hotspot (from clustering)",
                symbol: Self.circle(fill: MapStyle.proposedHotspot, radius: 7, stroke: MapStyle.proposedHotspot,
                                    extra: " stroke-dasharray=\"3 2\""))
        }
        if schools > 0 {
            row("school") { x, y in
                "<path fill=\"\(MapStyle.school)\" stroke=\"#ffffff\" d=\"\(SchoolLayer.house(x: x, y: y))\"/>"
            }
        }
    }

    /// The street classes, when the map draws streets.
    mutating func streetSymbols(_ streets: StreetLayer.Counts) {
        guard streets.drawn > 0 else { return }
        row("main road", symbol: Self.line(colour: MapStyle.majorStreet, width: 3, dash: nil))
        row("street (drivable)", symbol: Self.line(colour: MapStyle.minorStreet, width: 1.6, dash: nil))
        row("scan-only way: footpath, alley", note: "looked along from the car, not driven",
            symbol: Self.line(colour: MapStyle.scanOnly, width: 1, dash: "3 2"))
    }

    /// The heat map's colour bar from 0 to its peak, and the Gi* outline, when the map has a heat layer.
    mutating func heatMap(_ heat: HeatLayer.Summary) {
        guard heat.cells > 0 else { return }
        heading("Heat map (past stops)")
        y += 8
        let x = left + 18, barTop = y
        body.raw("<rect x=\"\(SVGText.format(x))\" y=\"\(SVGText.format(barTop))\" width=\"200\" height=\"12\" fill=\"url(#heat-ramp)\" fill-opacity=\"0.8\" stroke=\"#999999\" stroke-width=\"0.5\"/>")
        y += 26
        body.raw("<text x=\"\(SVGText.format(x))\" y=\"\(SVGText.format(y))\" font-size=\"10.5\" fill=\"#444444\">0</text>")
        body.raw("<text x=\"\(SVGText.format(x + 200))\" y=\"\(SVGText.format(y))\" text-anchor=\"end\" font-size=\"10.5\" fill=\"#444444\">\(SVGText.format(heat.peakPerSquareKm)) weighted stops/km²</text>")
        if heat.hotCells > 0 {
            row("Gi* hot spot (95 % or more)") { x, y in
                "<path d=\"M\(SVGText.format(x - 8)),\(SVGText.format(y - 8)) h16 v16 h-16 Z\" fill=\"none\" stroke=\"#67001f\" stroke-width=\"1.5\"/>"
            }
        }
    }
}
