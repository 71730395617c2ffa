/// Colours per pair (Dark2, readable for most colour-blind viewers) for maps and GeoJSON styling.
public enum PlanColours {
    public static let pairs = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"]

    public static func pair(_ index: Int) -> String { pairs[index % pairs.count] }

    public static let patchFill = "#9ecae1"
    public static let hotspot = "#e31a1c"
}
