import Geo

/// What a planner reads about the chosen map: in the GeoJSON's `map_method` member and on the terminal.
extension MapSelection {
    public var json: JSONValue {
        var object: [String: JSONValue] = [
            "method": .string(method.kind.rawValue),
            "description": .string(method.description),
            "cell_m": .number(method.cellSizeMetres),
            "bandwidth_m": method.bandwidthMetres.map { .number($0) } ?? .null,
            "half_life_days": method.halfLifeDays.map { .number($0) } ?? .null,
            "uniform_reasons": .bool(method.uniformReasons),
            "shrinkage_strength": method.kind == .shrunk || method.kind == .shrunkNetwork
                ? method.shrinkageStrength.map { .number($0) } ?? "fitted" : .null,
            "chosen_by_prediction": .bool(chosenByPrediction),
            "reason": .string(reason),
            "training_stops": .number(Double(trainingStops)),
            "test_stops": .number(Double(testStops)),
            "candidates": .number(Double(candidatesTried)),
            "held_out": Self.measuresJSON(chosen),
            "held_out_counts": Self.measuresJSON(counts),
        ]
        object["test_from"] = testFrom.map { .string($0) } ?? .null
        return .object(object)
    }

    /// `{"5pct": {"area_pct": 5.0, "pai": …, "pei": …, "rri": …, "hits": …, "events": …}, …}`
    public static func measuresJSON(_ results: [PAIResult]) -> JSONValue {
        var out: [String: JSONValue] = [:]
        for result in results {
            out["\(Int((result.areaFraction * 100).rounded()))pct"] = .object([
                "area_pct": .number(rounded(result.areaPercent, 2)),
                "pai": .number(rounded(result.pai, 3)),
                "pei": .number(rounded(result.pei, 3)),
                "rri": result.rri.map { .number(rounded($0, 3)) } ?? .null,
                "hits": .number(Double(result.hits)),
                "events": .number(Double(result.events)),
            ])
        }
        return .object(out)
    }

    /// Lines for the terminal: the chosen method, why, and its measures against raw counts.
    public var summaryLines: [String] {
        var lines = ["map: \(method)" + (chosenByPrediction ? ", chosen by prediction" : " (default)"), "  \(reason)"]
        guard chosenByPrediction else { return lines }
        lines.append("  held out      area %    PAI    PEI    RRI")
        for (label, results) in [("chosen", chosen), ("raw counts", counts)] {
            for result in results {
                lines.append("  " + MeasureTable.pad(label, 10) + MeasureTable.row(result))
            }
        }
        return lines
    }
}

/// Fixed-width rows of area share, PAI, PEI and RRI.
enum MeasureTable {
    static func row(_ result: PAIResult) -> String {
        leftPad(formatFixed(result.areaPercent, decimals: 1), 9) + leftPad(formatFixed(result.pai, decimals: 2), 7)
            + leftPad(formatFixed(result.pei, decimals: 2), 7) + leftPad(result.rri.map { formatFixed($0, decimals: 2) } ?? "–", 7)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    static func leftPad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
