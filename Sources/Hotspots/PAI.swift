/// Hit-rate measures of a hotspot map at a share of the area, scored on later events (cells of equal area):
/// - PAI, Predictive Accuracy Index (Chainey, Tompson and Uhlig 2008): the share of later events that fall in
///   the cells the map ranks highest, divided by the share of the area those cells cover.
/// - PEI, Predictive Efficiency Index (Hunt 2016): PAI divided by the best PAI any map could reach with the
///   same number of cells (the cells holding most later events), so 1 is a perfect map at that area share.
/// - RRI, Recapture Rate Index (Levine 2008): (events later ÷ events before, inside the selected cells) divided
///   by (events later ÷ events before, everywhere); above 1 the selected cells gained share.
public struct PAIResult: Hashable, Sendable, Codable {
    public var areaFraction: Double
    public var cellsSelected: Int
    public var hits: Int
    public var events: Int
    /// Hit rate in %.
    public var hitRatePercent: Double
    /// Area in %.
    public var areaPercent: Double
    public var pai: Double
    /// The most later events any `cellsSelected` cells hold.
    public var bestHits: Int
    public var pei: Double
    /// Nil when the events before were not given, or none fell in the selected cells.
    public var rri: Double?
}

public enum PAI {
    /// Takes the `k = max(1, round(fraction · n))` best cells by score (ties broken by the lower cell index,
    /// so the result is deterministic) and counts the events in them. Cells are of equal area.
    /// `earlierEventsPerCell`, the events the map was made from, gives the RRI.
    public static func evaluate(scores: [Double], eventsPerCell: [Int], areaFraction: Double,
                                earlierEventsPerCell: [Int]? = nil) -> PAIResult {
        let n = scores.count
        let k = cellsSelected(cellCount: n, areaFraction: areaFraction)
        let selected = topCells(scores: scores, count: k)
        let hits = selected.reduce(0) { $0 + eventsPerCell[$1] }
        let bestHits = eventsPerCell.sorted(by: >).prefix(k).reduce(0, +)
        let events = eventsPerCell.reduce(0, +)
        let hitRate = events > 0 ? 100 * Double(hits) / Double(events) : 0
        let areaRate = n > 0 ? 100 * Double(k) / Double(n) : 0
        return PAIResult(areaFraction: areaFraction, cellsSelected: k, hits: hits, events: events,
                         hitRatePercent: hitRate, areaPercent: areaRate, pai: areaRate > 0 ? hitRate / areaRate : 0,
                         bestHits: bestHits, pei: bestHits > 0 ? Double(hits) / Double(bestHits) : 0,
                         rri: earlierEventsPerCell.flatMap { recaptureRateIndex(selected: selected, earlier: $0, later: eventsPerCell) })
    }

    public static func cellsSelected(cellCount n: Int, areaFraction: Double) -> Int {
        min(n, max(1, Int((areaFraction * Double(n)).rounded())))
    }

    /// The `count` best cells by score, ties to the lower index.
    public static func topCells(scores: [Double], count: Int) -> [Int] {
        Array(scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }.prefix(count))
    }

    static func recaptureRateIndex(selected: [Int], earlier: [Int], later: [Int]) -> Double? {
        let earlierInside = selected.reduce(0) { $0 + earlier[$1] }
        let laterInside = selected.reduce(0) { $0 + later[$1] }
        let earlierAll = earlier.reduce(0, +), laterAll = later.reduce(0, +)
        guard earlierInside > 0, earlierAll > 0, laterAll > 0 else { return nil }
        return (Double(laterInside) / Double(earlierInside)) / (Double(laterAll) / Double(earlierAll))
    }
}
