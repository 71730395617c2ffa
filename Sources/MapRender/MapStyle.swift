/// Colours and line styles shared by the layers and the legend, so the legend always shows what is drawn.
enum MapStyle {
    /// Dark2, as the planner's GeoJSON uses, for a plan whose legs carry no colour.
    static let pairColours = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"]
    static func pairColour(_ index: Int) -> String { pairColours[index % pairColours.count] }

    static let paper = "#f6f5f0"
    static let patchFill = "#9ecae1"
    static let patchStroke = "#3182bd"
    static let minorStreet = "#c4c2bc"
    static let majorStreet = "#a29f97"
    static let scanOnly = "#a0784f"
    static let hotspotFill = "#e31a1c"
    static let proposedHotspot = "#7b3294"
    static let school = "#253494"
    static let ink = "#222222"
    static let halo = "#ffffff"

    /// Stroke width and dash per leg kind: the sweep is what matters, so it is the boldest.
    static func leg(_ kind: String) -> (width: Double, dash: String?, opacity: Double) {
        switch kind {
        case "travel": (3, "9 5", 0.95)
        case "deadhead": (2.5, "2 4", 0.8)
        default: (4.5, nil, 0.95)
        }
    }

    static let majorHighways: Set<String> = [
        "motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link", "secondary", "secondary_link",
        "tertiary", "tertiary_link",
    ]
}
