import Geo

/// Patch outlines, lightly filled, with their names as area labels.
enum PatchLayer {
    static func draw(_ patches: [PlanLayers.Patch], projector: PageProjector, into svg: inout SVGText,
                     labels: inout [LabelRequest]) throws {
        svg.raw("<g id=\"patches\" data-label=\"patches\">")
        for (index, patch) in patches.enumerated() {
            var path = SVGText()
            var best: (area: Double, x: Double, y: Double)?
            var top = Double.infinity, bottom = -Double.infinity, left = Double.infinity, right = -Double.infinity
            for polygon in patch.polygons {
                for (ringIndex, ring) in polygon.enumerated() where ring.count >= 3 {
                    let points: [(x: Double, y: Double)]
                    do {
                        points = try projector.xy(ring)
                    } catch {
                        throw MapRenderError.badFeature(layer: "plan patches", featureIndex: index, message: "\(error)")
                    }
                    StreetLayer.append(points, to: &path)
                    for point in points {
                        top = min(top, point.y); bottom = max(bottom, point.y)
                        left = min(left, point.x); right = max(right, point.x)
                    }
                    path.raw("Z")
                    if ringIndex == 0, let centre = centroid(points), best == nil || centre.area > best!.area {
                        best = centre
                    }
                }
            }
            svg.raw("<path fill=\"\(MapStyle.patchFill)\" fill-opacity=\"0.22\" fill-rule=\"evenodd\" stroke=\"\(MapStyle.patchStroke)\" stroke-width=\"2\" d=\"")
            svg.raw(path.text)
            svg.raw("\"><title>")
            svg.escaped(patch.name)
            svg.raw("</title></path>")
            if let best {
                labels.append(LabelRequest(text: patch.name, x: best.x, y: best.y, fontSize: 16, bold: true,
                                           colour: "#08519c", priority: 1000 + best.area / 1e6,
                                           placement: .areaWithAlternatives([
                                               .init(x: (left + right) / 2, y: top + 14), .init(x: (left + right) / 2, y: bottom - 14),
                                               .init(x: (left + right) / 2, y: top - 12), .init(x: (left + right) / 2, y: bottom + 12),
                                           ]),
                                           layerClass: "patches"))
            }
        }
        svg.raw("</g>\n")
    }

    /// Area-weighted centroid and area (px²) of a ring.
    static func centroid(_ ring: [(x: Double, y: Double)]) -> (area: Double, x: Double, y: Double)? {
        var twiceArea = 0.0, cx = 0.0, cy = 0.0
        for i in 0..<ring.count {
            let a = ring[i], b = ring[(i + 1) % ring.count]
            let cross = a.x * b.y - b.x * a.y
            twiceArea += cross
            cx += (a.x + b.x) * cross
            cy += (a.y + b.y) * cross
        }
        guard abs(twiceArea) > 1e-9 else { return nil }
        return (abs(twiceArea) / 2, cx / (3 * twiceArea), cy / (3 * twiceArea))
    }
}
