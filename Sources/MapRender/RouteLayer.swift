import Geo

/// One group per pair: its legs (sweep bold, travel dashed, deadhead dotted) over a white casing, arrowheads
/// along the way, its base, and numbered badges giving the order of its hotspot visits.
enum RouteLayer {
    static let arrowSpacingPixels = 70.0

    static func groupID(_ pair: String) -> String { "routes-" + SVGText.identifier(pair) }

    static func draw(_ route: PlanLayers.Route, projector: PageProjector,
                     hotspotMarks: [String: (x: Double, y: Double, radius: Double)],
                     into svg: inout SVGText, labels: inout [LabelRequest], placer: inout LabelPlacer) throws {
        svg.raw("<g id=\"\(groupID(route.pair))\" class=\"route\" data-label=\"")
        svg.escaped(route.pair)
        svg.raw("\">")
        defer { svg.raw("</g>\n") }
        var legPoints: [[(x: Double, y: Double)]] = []
        for leg in route.legs {
            do {
                legPoints.append(try projector.xy(leg.path))
            } catch {
                throw MapRenderError.badFeature(layer: "plan route \(route.pair)", featureIndex: leg.seq, message: "\(error)")
            }
        }
        var casing = SVGText()
        for points in legPoints { StreetLayer.append(points, to: &casing) }
        svg.raw("<path fill=\"none\" stroke=\"#ffffff\" stroke-opacity=\"0.85\" stroke-width=\"7\" stroke-linecap=\"round\" stroke-linejoin=\"round\" d=\"\(casing.text)\"/>")
        for (leg, points) in zip(route.legs, legPoints) {
            let style = MapStyle.leg(leg.kind)
            var path = SVGText()
            StreetLayer.append(points, to: &path)
            svg.raw("<path class=\"leg \(leg.kind)\" fill=\"none\" stroke=\"\(route.colour)\" stroke-width=\"\(SVGText.format(style.width))\" stroke-opacity=\"\(style.opacity)\" stroke-linecap=\"round\" stroke-linejoin=\"round\"")
            if let dash = style.dash { svg.raw(" stroke-dasharray=\"\(dash)\"") }
            svg.raw(" d=\"\(path.text)\"><title>")
            svg.escaped("\(route.pair) · \(leg.seq). \(leg.kind) \(leg.street) \(clock(leg.etd))–\(clock(leg.eta))")
            svg.raw("</title></path>")
        }
        svg.raw("<path class=\"arrows\" fill=\"\(route.colour)\" stroke=\"#ffffff\" stroke-width=\"0.8\" d=\"\(arrows(legPoints))\"/>")
        if let base = route.base {
            let (x, y) = try projector.xy(base)
            svg.raw("<rect class=\"base\" x=\"\(SVGText.format(x - 7))\" y=\"\(SVGText.format(y - 7))\" width=\"14\" height=\"14\" fill=\"\(route.colour)\" stroke=\"#ffffff\" stroke-width=\"2\"><title>")
            svg.escaped("\(route.pair) base\(route.baseName.isEmpty ? "" : ": " + route.baseName)")
            svg.raw("</title></rect>")
            placer.addObstacle(PixelBox(x: x - 8, y: y - 8, width: 16, height: 16))
            labels.append(LabelRequest(text: "\(route.pair) base", x: x, y: y, fontSize: 11, bold: true, colour: route.colour,
                                       priority: 800, placement: .point(radius: 8), layerClass: groupID(route.pair)))
        }
        try badges(route, projector: projector, hotspotMarks: hotspotMarks, into: &svg, placer: &placer)
    }

    /// One badge per hotspot the pair visits, listing its visit numbers ("1,4" for a revisit).
    static func badges(_ route: PlanLayers.Route, projector: PageProjector,
                       hotspotMarks: [String: (x: Double, y: Double, radius: Double)],
                       into svg: inout SVGText, placer: inout LabelPlacer) throws {
        var order: [String] = []
        var numbers: [String: [Int]] = [:]
        var visitsByID: [String: PlanLayers.Visit] = [:]
        for visit in route.visits {
            if numbers[visit.hotspotID] == nil { order.append(visit.hotspotID) }
            numbers[visit.hotspotID, default: []].append(visit.visitSeq)
            visitsByID[visit.hotspotID] = visitsByID[visit.hotspotID] ?? visit
        }
        for id in order {
            guard let visit = visitsByID[id], let seqs = numbers[id] else { continue }
            let mark: (x: Double, y: Double, radius: Double)
            if let known = hotspotMarks[id] {
                mark = known
            } else {
                let (x, y) = try projector.xy(visit.position)
                mark = (x, y, 4)
            }
            let text = seqs.map(String.init).joined(separator: ",")
            let fontSize = 11.0
            let width = max(TextMetrics.width(text, fontSize: fontSize, bold: true) + 8, 17)
            let height = 17.0
            let reach = mark.radius * 0.75
            let candidates = [
                PixelBox(x: mark.x + reach - 2, y: mark.y - reach - height + 2, width: width, height: height),
                PixelBox(x: mark.x - reach - width + 2, y: mark.y - reach - height + 2, width: width, height: height),
                PixelBox(x: mark.x + reach - 2, y: mark.y + reach - 2, width: width, height: height),
                PixelBox(x: mark.x - reach - width + 2, y: mark.y + reach - 2, width: width, height: height),
                PixelBox(x: mark.x + mark.radius + 2, y: mark.y - height / 2, width: width, height: height),
                PixelBox(x: mark.x - mark.radius - 2 - width, y: mark.y - height / 2, width: width, height: height),
            ]
            let box = placer.reserve(candidates)
            svg.raw("<g class=\"visit\"><title>")
            let times = route.visits.filter { $0.hotspotID == id }.map { "\($0.visitSeq). \(clock($0.eta)) \(SVGText.format($0.dwellMinutes)) min\($0.revisit ? " (revisit)" : "")" }
            svg.escaped("\(route.pair) at \(visit.name): " + times.joined(separator: "; "))
            svg.raw("</title><rect x=\"\(SVGText.format(box.x))\" y=\"\(SVGText.format(box.y))\" width=\"\(SVGText.format(box.width))\" height=\"\(SVGText.format(box.height))\" rx=\"8.5\" fill=\"\(route.colour)\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>")
            svg.raw("<text x=\"\(SVGText.format(box.x + box.width / 2))\" y=\"\(SVGText.format(box.y + 12.5))\" text-anchor=\"middle\" font-size=\"\(SVGText.format(fontSize))\" font-weight=\"bold\" fill=\"#ffffff\">")
            svg.escaped(text)
            svg.raw("</text></g>")
        }
    }

    /// Arrowheads every `arrowSpacingPixels` along the whole route, pointing the way the pair drives.
    static func arrows(_ legs: [[(x: Double, y: Double)]]) -> String {
        var path = SVGText()
        var untilNext = arrowSpacingPixels / 2
        for points in legs {
            guard points.count >= 2 else { continue }
            for i in 1..<points.count {
                let a = points[i - 1], b = points[i]
                let dx = b.x - a.x, dy = b.y - a.y
                let length = (dx * dx + dy * dy).squareRoot()
                guard length > 0 else { continue }
                var along = untilNext
                while along <= length {
                    let ux = dx / length, uy = dy / length
                    let tipX = a.x + ux * along + ux * 4.5, tipY = a.y + uy * along + uy * 4.5
                    let backX = tipX - ux * 10, backY = tipY - uy * 10
                    path.raw("M"); path.point(tipX, tipY)
                    path.raw("L"); path.point(backX - uy * 4.5, backY + ux * 4.5)
                    path.raw("L"); path.point(backX + uy * 4.5, backY - ux * 4.5)
                    path.raw("Z")
                    along += arrowSpacingPixels
                }
                untilNext = along - length
            }
        }
        return path.text
    }

    /// "10:24" from "2026-11-25T10:24:00".
    static func clock(_ iso: String) -> String {
        guard let t = iso.firstIndex(of: "T") else { return iso }
        return String(iso[iso.index(after: t)...].prefix(5))
    }
}
