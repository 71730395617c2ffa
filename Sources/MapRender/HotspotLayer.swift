import Geo

/// Hotspots as circles whose area grows with weight; proposed ones (from clustering) dashed purple.
enum HotspotLayer {
    struct Mark {
        var id: String
        var name: String
        var weight: Double
        var rank: Int?
        var proposed: Bool
        var position: LonLat
    }

    /// The hotspots file's points when given, plus any hotspot the plan visits that the file lacks.
    static func marks(hotspots: FeatureCollection?, plan: PlanLayers) -> [Mark] {
        var marks: [Mark] = []
        var seen: Set<String> = []
        for feature in hotspots?.features ?? [] {
            let layer = feature["layer"]?.stringValue ?? "hotspot"
            guard layer == "hotspot" || layer == "proposed_hotspot", case let .point(position)? = feature.geometry else { continue }
            let id = feature["id"]?.stringValue ?? PlanLayers.name(feature, fallback: "\(marks.count)")
            guard seen.insert(id).inserted else { continue }
            marks.append(Mark(id: id, name: PlanLayers.name(feature, fallback: id), weight: feature["weight"]?.doubleValue ?? 0,
                              rank: feature["rank"]?.intValue,
                              proposed: layer == "proposed_hotspot" || (feature["proposed"]?.boolValue ?? false),
                              position: position))
        }
        for route in plan.routes {
            for visit in route.visits where seen.insert(visit.hotspotID).inserted {
                marks.append(Mark(id: visit.hotspotID, name: visit.name, weight: visit.weight, rank: nil, proposed: false,
                                  position: visit.position))
            }
        }
        return marks
    }

    static func radius(weight: Double, maxWeight: Double) -> Double {
        guard maxWeight > 0, weight > 0 else { return 4 }
        return 4 + 10 * (weight / maxWeight).squareRoot()
    }

    /// Draws the marks (biggest first, so small ones stay visible on top) and returns each one's pixel
    /// position and radius by id, for the route badges.
    static func draw(_ marks: [Mark], projector: PageProjector, into svg: inout SVGText, labels: inout [LabelRequest],
                     placer: inout LabelPlacer) throws -> [String: (x: Double, y: Double, radius: Double)] {
        svg.raw("<g id=\"hotspots\" data-label=\"hotspots\" stroke=\"#ffffff\" stroke-width=\"1.2\">")
        defer { svg.raw("</g>\n") }
        let maxWeight = marks.map(\.weight).max() ?? 0
        var where_: [String: (x: Double, y: Double, radius: Double)] = [:]
        for mark in marks.sorted(by: { $0.weight > $1.weight }) {
            let (x, y) = try projector.xy(mark.position)
            let r = radius(weight: mark.weight, maxWeight: maxWeight)
            where_[mark.id] = (x, y, r)
            guard x >= -r, y >= -r, x <= projector.frame.width + r, y <= projector.frame.height + r else { continue }
            let fill = mark.proposed ? MapStyle.proposedHotspot : MapStyle.hotspotFill
            let dash = mark.proposed ? " stroke=\"\(MapStyle.proposedHotspot)\" stroke-dasharray=\"3 2\" fill-opacity=\"0.35\"" : " fill-opacity=\"0.8\""
            svg.raw("<circle cx=\"\(SVGText.format(x))\" cy=\"\(SVGText.format(y))\" r=\"\(SVGText.format(r))\" fill=\"\(fill)\"\(dash)><title>")
            var tip = "\(mark.name): weight \(formatWeight(mark.weight))"
            if let rank = mark.rank { tip += ", rank \(rank)" }
            if mark.proposed { tip += " (proposed)" }
            svg.escaped(tip)
            svg.raw("</title></circle>")
            placer.addObstacle(PixelBox(x: x - r, y: y - r, width: 2 * r, height: 2 * r))
            labels.append(LabelRequest(text: mark.name, x: x, y: y, fontSize: 11, bold: false, colour: "#99000d",
                                       priority: 500 + (maxWeight > 0 ? mark.weight / maxWeight : 0), placement: .point(radius: r),
                                       layerClass: "hotspots"))
        }
        return where_
    }

    static func formatWeight(_ weight: Double) -> String {
        let hundredths = Int((weight * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
