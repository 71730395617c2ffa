import Geo

/// `runsheet.html`: the run sheet to print, A4, one pair to a page, big type, numbered steps and a
/// small locator map. Self-contained: no script, no font or image from anywhere else.
public enum RunSheetHTML {
    public static func page(_ plan: DayPlan) -> String {
        let title = "Sweep run sheet — \(plan.areaName), \(plan.date)"
        var out = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(XMLEscape.text(title))</title>
        <style>
        @page { size: A4; margin: 14mm; }
        body { font-family: Arial, Helvetica, sans-serif; font-size: 15pt; line-height: 1.35; color: #000; margin: 0 auto; max-width: 190mm; }
        h1 { font-size: 18pt; } h2 { font-size: 20pt; margin: 0 0 4pt; }
        section.pair { break-after: page; page-break-after: always; }
        svg.locator { width: 100%; height: auto; max-height: 90mm; }
        ol.steps { padding-left: 2.2em; } ol.steps > li { margin: 4pt 0; break-inside: avoid; }
        .time { font-weight: bold; font-variant-numeric: tabular-nums; margin-right: 0.4em; }
        li.watch { font-weight: bold; border: 2pt solid #d7301f; padding: 3pt 6pt; }
        li.wait { font-style: italic; } li.travel, li.arrive { font-weight: bold; }
        ul.details { font-size: 13pt; font-weight: normal; margin: 2pt 0; }
        .kind { color: #444; font-size: 12pt; }
        footer { font-size: 10pt; }
        </style>
        </head>
        <body>
        <h1>\(XMLEscape.text(title))</h1>

        """
        for pairPlan in plan.pairPlans {
            out += section(pairPlan)
        }
        if !plan.notices.isEmpty {
            out += "<h2>Not planned today</h2>\n" + list(plan.notices.map { "\($0.subject): \($0.message)" })
        }
        out += "<footer>Streets © OpenStreetMap contributors (ODbL).</footer>\n</body>\n</html>\n"
        return out
    }

    static func section(_ pairPlan: PairPlan) -> String {
        let pair = pairPlan.pair
        let steps = Directions.steps(pairPlan)
        var out = "<section class=\"pair\">\n<h2>\(XMLEscape.text("\(pair.id) — \(pairPlan.patches.joined(separator: ", "))"))</h2>\n"
        out += "<p>\(XMLEscape.text("Start \(ClockTime.format(seconds: pair.windowStartSeconds)) at \(pair.baseName); back by \(ClockTime.format(seconds: pair.windowEndSeconds))."))</p>\n"
        out += LocatorMap.svg(pairPlan, steps: steps) + "\n<ol class=\"steps\">\n"
        for step in steps {
            out += "<li value=\"\(step.number)\" class=\"\(step.kind.rawValue)\"><span class=\"time\">\(ClockTime.format(seconds: step.startSeconds))</span>"
            out += step.kind == .watch ? "WATCH — " : ""
            out += XMLEscape.text(step.text)
            if step.kind == .drive {
                out += " <span class=\"kind\">\(XMLEscape.text("\(DistanceText.format(step.headDistanceMetres)), \(LegInstruction.doing(step.legKind ?? .sweep))"))</span>"
            }
            if !step.details.isEmpty {
                out += "\n<ul class=\"details\">\n"
                for detail in step.details {
                    out += "<li>\(XMLEscape.text(detail.text)) <span class=\"kind\">\(DistanceText.format(detail.distanceMetres))</span></li>\n"
                }
                out += "</ul>\n"
            }
            out += "</li>\n"
        }
        out += "</ol>\n"
        if !pairPlan.scanFrom.isEmpty {
            out += "<h3>Scan on foot or from the car</h3>\n"
                + list(pairPlan.scanFrom.map { "\($0.path) (\(Int($0.lengthMetres.rounded())) m), from \($0.fromStreet)" })
        }
        return out + "</section>\n"
    }

    static func list(_ items: [String]) -> String {
        "<ul>\n" + items.map { "<li>\(XMLEscape.text($0))</li>\n" }.joined() + "</ul>\n"
    }
}
