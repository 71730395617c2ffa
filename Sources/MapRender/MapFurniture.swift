/// What makes a drawing a map: title, north arrow, scale bar and attribution. They sit over the map
/// viewport, outside its pan/zoom, and labels keep clear of them.
enum MapFurniture {
    static let titleHeight = 64.0

    static func title(_ title: String, subtitle: String, width: Double, into svg: inout SVGText) {
        svg.raw("<g id=\"title\"><rect x=\"0\" y=\"0\" width=\"\(SVGText.format(width))\" height=\"\(SVGText.format(titleHeight))\" fill=\"#ffffff\"/>")
        svg.raw("<text x=\"16\" y=\"30\" font-size=\"22\" font-weight=\"bold\" fill=\"\(MapStyle.ink)\">")
        svg.escaped(title)
        svg.raw("</text><text x=\"16\" y=\"52\" font-size=\"13\" fill=\"#555555\">")
        svg.escaped(subtitle)
        svg.raw("</text><line x1=\"0\" y1=\"\(SVGText.format(titleHeight - 0.5))\" x2=\"\(SVGText.format(width))\" y2=\"\(SVGText.format(titleHeight - 0.5))\" stroke=\"#bbbbbb\"/></g>\n")
    }

    /// The box the north arrow covers, in map-viewport pixels.
    static let northArrowBox = PixelBox(x: 8, y: 8, width: 40, height: 62)

    static func northArrow(into svg: inout SVGText) {
        let x = 28.0, top = titleHeight + 30
        svg.raw("<g id=\"north-arrow\"><title>grid north (British National Grid)</title>")
        svg.raw("<rect x=\"8\" y=\"\(SVGText.format(titleHeight + 8))\" width=\"40\" height=\"62\" rx=\"4\" fill=\"#ffffff\" fill-opacity=\"0.8\"/>")
        svg.raw("<text x=\"\(SVGText.format(x))\" y=\"\(SVGText.format(top - 4))\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\" fill=\"\(MapStyle.ink)\">N</text>")
        svg.raw("<path d=\"M\(SVGText.format(x)),\(SVGText.format(top)) L\(SVGText.format(x - 9)),\(SVGText.format(top + 34)) L\(SVGText.format(x)),\(SVGText.format(top + 26)) Z\" fill=\"\(MapStyle.ink)\"/>")
        svg.raw("<path d=\"M\(SVGText.format(x)),\(SVGText.format(top)) L\(SVGText.format(x + 9)),\(SVGText.format(top + 34)) L\(SVGText.format(x)),\(SVGText.format(top + 26)) Z\" fill=\"#ffffff\" stroke=\"\(MapStyle.ink)\" stroke-width=\"1\"/>")
        svg.raw("</g>\n")
    }

    /// A round length (1, 2 or 5 × 10ⁿ metres) whose bar is at most `targetPixels` long.
    static func niceMetres(pixelsPerMetre: Double, targetPixels: Double) -> Double {
        let most = targetPixels / pixelsPerMetre
        var power = 1.0
        while power * 10 <= most { power *= 10 }
        while power > most { power /= 10 }
        for factor in [5.0, 2.0, 1.0] where factor * power <= most { return factor * power }
        return power
    }

    static func lengthText(_ metres: Double) -> String {
        if metres >= 1000 {
            let km = metres / 1000
            return km == km.rounded() ? "\(Int(km)) km" : "\(SVGText.format(km)) km"
        }
        return "\(Int(metres.rounded())) m"
    }

    /// The scale bar's box in map-viewport pixels.
    static func scaleBarBox(mapHeight: Double, barPixels: Double, endLabel: String) -> PixelBox {
        PixelBox(x: 8, y: mapHeight - 48, width: barPixels + 24 + TextMetrics.width(endLabel, fontSize: 11) / 2, height: 40)
    }

    static func scaleBar(metres: Double, pixelsPerMetre: Double, mapHeight: Double, into svg: inout SVGText) {
        let bar = metres * pixelsPerMetre
        let box = scaleBarBox(mapHeight: mapHeight, barPixels: bar, endLabel: lengthText(metres))
        let left = 20.0, top = titleHeight + mapHeight - 26
        svg.raw("<g id=\"scalebar\" data-metres=\"\(SVGText.format(metres))\" data-pixels-per-metre=\"\(pixelsPerMetre)\" font-size=\"11\" fill=\"\(MapStyle.ink)\">")
        svg.raw("<rect x=\"\(SVGText.format(box.x))\" y=\"\(SVGText.format(titleHeight + box.y))\" width=\"\(SVGText.format(box.width))\" height=\"\(SVGText.format(box.height))\" rx=\"4\" fill=\"#ffffff\" fill-opacity=\"0.8\"/>")
        svg.raw("<rect id=\"sb-a\" x=\"\(SVGText.format(left))\" y=\"\(SVGText.format(top))\" width=\"\(bar / 2)\" height=\"6\" fill=\"\(MapStyle.ink)\" stroke=\"\(MapStyle.ink)\" stroke-width=\"0.5\"/>")
        svg.raw("<rect id=\"sb-b\" x=\"\(left + bar / 2)\" y=\"\(SVGText.format(top))\" width=\"\(bar / 2)\" height=\"6\" fill=\"#ffffff\" stroke=\"\(MapStyle.ink)\" stroke-width=\"0.5\"/>")
        svg.raw("<text x=\"\(SVGText.format(left))\" y=\"\(SVGText.format(top - 4))\" text-anchor=\"middle\">0</text>")
        svg.raw("<text id=\"sb-mid\" x=\"\(SVGText.format(left + bar / 2))\" y=\"\(SVGText.format(top - 4))\" text-anchor=\"middle\">\(lengthText(metres / 2))</text>")
        svg.raw("<text id=\"sb-end\" x=\"\(SVGText.format(left + bar))\" y=\"\(SVGText.format(top - 4))\" text-anchor=\"middle\">\(lengthText(metres))</text>")
        svg.raw("</g>\n")
    }

    static let attributionText = "Streets © OpenStreetMap contributors, ODbL 1.0 · Schools, shops, police.uk: OGL v3.0 · British National Grid"

    static func attributionBox(mapWidth: Double, mapHeight: Double) -> PixelBox {
        let width = TextMetrics.width(attributionText, fontSize: 10) + 12
        return PixelBox(x: mapWidth - width, y: mapHeight - 18, width: width, height: 18)
    }

    static func attribution(mapWidth: Double, mapHeight: Double, into svg: inout SVGText) {
        let box = attributionBox(mapWidth: mapWidth, mapHeight: mapHeight)
        svg.raw("<g id=\"attribution\"><rect x=\"\(SVGText.format(box.x))\" y=\"\(SVGText.format(titleHeight + box.y))\" width=\"\(SVGText.format(box.width))\" height=\"\(SVGText.format(box.height))\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>")
        svg.raw("<text x=\"\(SVGText.format(mapWidth - 6))\" y=\"\(SVGText.format(titleHeight + mapHeight - 5))\" text-anchor=\"end\" font-size=\"10\" fill=\"#444444\">")
        svg.escaped(attributionText)
        svg.raw("</text></g>\n")
    }
}
