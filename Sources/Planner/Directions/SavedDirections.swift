import Foundation
import Geo

/// One pair's directions read back from a saved plan.geojson (its route legs' `maneuver`, `instruction`,
/// `etd` and `distance_m`, and its hotspot watches), so any plan written by `patrol plan` can be printed
/// again without the area's data.
public enum SavedDirections {
    public struct Line: Hashable, Sendable {
        public var seq: Int
        /// "10:15", from the step's ISO 8601 time.
        public var clock: String
        /// A maneuver's raw value, or `watch`.
        public var maneuver: String
        public var text: String
        public var distanceMetres: Double?
        /// `sweep`, `deadhead`, `travel` or `watch`.
        public var kind: String
    }

    /// `shownAs` names the file in errors as the user gave it.
    public static func read(planAt url: URL, pair: String, shownAs file: String) throws -> [Line] {
        let bytes: Data
        do {
            bytes = try Data(contentsOf: url)
        } catch {
            throw AreaError(file: file, message: "cannot read: \(error.localizedDescription)",
                            hint: "pass --plan with the plan.geojson that `patrol plan` wrote", exitCode: .noInput)
        }
        let notAPlan = "not a patrol plan: expected a GeoJSON FeatureCollection with route legs (layer \"route\") that carry a maneuver and an instruction"
        let object: GeoJSONObject
        do {
            object = try GeoJSONReader.read(bytes: [UInt8](bytes))
        } catch {
            throw AreaError(file: file, message: "\(notAPlan) (\(error))", hint: "pass the plan.geojson that `patrol plan` wrote")
        }
        guard case let .featureCollection(collection) = object else {
            throw AreaError(file: file, message: notAPlan, hint: "pass the plan.geojson that `patrol plan` wrote")
        }
        let legs = collection.features.filter { $0.properties["layer"]?.stringValue == "route" }
        guard !legs.isEmpty else {
            throw AreaError(file: file, message: notAPlan, hint: "pass the plan.geojson that `patrol plan` wrote")
        }
        guard legs.allSatisfy({ $0.properties["maneuver"]?.stringValue != nil && $0.properties["instruction"]?.stringValue != nil }) else {
            throw AreaError(file: file, message: notAPlan,
                            hint: "plan again with this version of patrol (`patrol plan --out DIR`); older plans have no directions")
        }
        let pairs = Set(legs.compactMap { $0.properties["pair"]?.stringValue })
        guard pairs.contains(pair) else {
            throw AreaError(file: file, message: "no pair \"\(pair)\" in this plan; it has \(pairs.sorted().joined(separator: ", "))",
                            hint: "pass --pair with one of the pairs named", exitCode: .usage)
        }
        let mine = collection.features.filter { $0.properties["pair"]?.stringValue == pair }
        return mine.compactMap { line($0.properties) }.sorted { $0.seq < $1.seq }
    }

    static func line(_ properties: [String: JSONValue]) -> Line? {
        guard let seq = properties["seq"]?.intValue else { return nil }
        switch properties["layer"]?.stringValue {
        case "route":
            return Line(seq: seq, clock: clock(properties["etd"]), maneuver: properties["maneuver"]?.stringValue ?? "",
                        text: properties["instruction"]?.stringValue ?? "", distanceMetres: properties["distance_m"]?.doubleValue,
                        kind: properties["kind"]?.stringValue ?? "")
        case "hotspot":
            let name = properties["name"]?.stringValue ?? "hotspot"
            let again = properties["revisit"]?.boolValue == true ? " again" : ""
            let minutes = Int((properties["dwell_min"]?.doubleValue ?? 0).rounded())
            return Line(seq: seq, clock: clock(properties["eta"]), maneuver: "watch",
                        text: "WATCH \(name)\(again) until \(clock(properties["etd"])) (\(minutes) min)", distanceMetres: nil, kind: "watch")
        default:
            return nil
        }
    }

    /// "10:15" from "2026-11-25T10:15:14+00:00".
    static func clock(_ value: JSONValue?) -> String {
        guard let text = value?.stringValue, let t = text.firstIndex(of: "T") else { return "--:--" }
        return String(text[text.index(after: t)...].prefix(5))
    }

    /// The lines as the terminal shows them: numbered, with clock, distance and kind.
    public static func text(_ lines: [Line], pair: String) -> String {
        var out = "Directions for \(pair):\n"
        let width = String(lines.count).count
        for (number, line) in lines.enumerated() {
            let index = String(number + 1)
            var row = String(repeating: " ", count: width - index.count) + index + ". " + line.clock + "  " + line.text
            if let metres = line.distanceMetres { row += " — \(DistanceText.format(metres)), \(line.kind)" }
            out += row + "\n"
        }
        return out
    }
}
