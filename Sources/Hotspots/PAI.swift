/// Predictive Accuracy Index (Chainey, Tompson and Uhlig 2008): the share of later events that fall in
/// the cells the map ranks highest, divided by the share of the area those cells cover.
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
}

public enum PAI {
    /// Takes the `k = max(1, round(fraction · n))` best cells by score (ties broken by the lower cell index,
    /// so the result is deterministic) and counts the events in them. Cells are of equal area.
    public static func evaluate(scores: [Double], eventsPerCell: [Int], areaFraction: Double) -> PAIResult {
        let n = scores.count
        let k = min(n, max(1, Int((areaFraction * Double(n)).rounded())))
        let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        let hits = order.prefix(k).reduce(0) { $0 + eventsPerCell[$1] }
        let events = eventsPerCell.reduce(0, +)
        let hitRate = events > 0 ? 100 * Double(hits) / Double(events) : 0
        let areaRate = n > 0 ? 100 * Double(k) / Double(n) : 0
        return PAIResult(areaFraction: areaFraction, cellsSelected: k, hits: hits, events: events,
                         hitRatePercent: hitRate, areaPercent: areaRate, pai: areaRate > 0 ? hitRate / areaRate : 0)
    }
}
