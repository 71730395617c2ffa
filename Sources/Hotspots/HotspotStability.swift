import Geo

/// How much the top hotspots move from one month's map to the next.
public struct MonthlyOverlap: Hashable, Sendable, Codable {
    /// The later map's last month: the maps are made from the stops up to the end of the month before and of this one.
    public var month: String
    /// Jaccard overlap |A ∩ B| / |A ∪ B| of the top 5 % cells (with a positive score) of the two maps.
    public var jaccard: Double
    /// The same for undecayed raw counts on the same hexes, for comparison.
    public var countsJaccard: Double
}

public enum HotspotStability {
    public static let areaFraction = 0.05

    /// Maps made at the end of each month of the history before `asOf` (from the stops before that end), compared
    /// with the previous month's.
    public static func monthly(stops allStops: [Stop], asOf: LocalDateTime, method: MapMethod, reasonWeights: ReasonWeights,
                               network: StreetGraph?, extent: [GridPoint]) -> [MonthlyOverlap] {
        let stops = allStops.filter { $0.time < asOf }
        let months = Set(stops.map { String($0.time.dateString.prefix(7)) }).sorted()
        let ends = months.map { month in min(monthEnd(stops.first { $0.time.dateString.hasPrefix(month) }!.time), asOf) }
        guard ends.count >= 2 else { return [] }
        let grid = FittedMap.grid(for: method, covering: extent + stops.map { GridPoint(easting: $0.easting, northing: $0.northing) })
        let counts = MapSelection.countsBaseline(MapSelection.Context(cellSizeMetres: method.cellSizeMetres))
        func top(_ m: MapMethod, _ end: LocalDateTime) -> Set<Int> {
            let fitted = FittedMap.fit(m, stops: stops, asOf: end, grid: grid, reasonWeights: reasonWeights, network: network)
            let k = PAI.cellsSelected(cellCount: grid.count, areaFraction: areaFraction)
            return Set(PAI.topCells(scores: fitted.scores, count: k).filter { fitted.scores[$0] > 0 })
        }
        var out: [MonthlyOverlap] = []
        var previous = (map: top(method, ends[0]), counts: top(counts, ends[0]))
        for (month, end) in zip(months, ends).dropFirst() {
            let current = (map: top(method, end), counts: top(counts, end))
            out.append(MonthlyOverlap(month: month, jaccard: jaccard(previous.map, current.map),
                                      countsJaccard: jaccard(previous.counts, current.counts)))
            previous = current
        }
        return out
    }

    public static func jaccard(_ a: Set<Int>, _ b: Set<Int>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 1 : Double(a.intersection(b).count) / Double(union)
    }

    /// The first moment of the month after the one holding `time`.
    static func monthEnd(_ time: LocalDateTime) -> LocalDateTime {
        time.month == 12 ? LocalDateTime(year: time.year + 1, month: 1, day: 1) : LocalDateTime(year: time.year, month: time.month + 1, day: 1)
    }
}

extension HotspotStability {
    public static func json(_ overlaps: [MonthlyOverlap]) -> JSONValue {
        .object([
            "measure": "Jaccard overlap of the top 5 % cells, month to month",
            "mean": .number(rounded(mean(overlaps.map(\.jaccard)), 3)),
            "mean_counts": .number(rounded(mean(overlaps.map(\.countsJaccard)), 3)),
            "months": .array(overlaps.map { .object(["month": .string($0.month), "jaccard": .number(rounded($0.jaccard, 3)),
                                                     "counts_jaccard": .number(rounded($0.countsJaccard, 3))]) }),
        ])
    }

    public static func summaryLine(_ overlaps: [MonthlyOverlap]) -> String {
        guard !overlaps.isEmpty else { return "stability: fewer than two months of stops" }
        return "stability: top 5 % cells overlap month to month (Jaccard) \(formatFixed(mean(overlaps.map(\.jaccard)), decimals: 2)) "
            + "on average over \(overlaps.count) months (raw counts \(formatFixed(mean(overlaps.map(\.countsJaccard)), decimals: 2)))"
    }

    static func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
}
