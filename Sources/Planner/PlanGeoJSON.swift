import Geo

/// `plan.geojson`: patches, hotspot visits and each pair's route legs in one FeatureCollection,
/// styled with simplestyle so geojson.io and QGIS show it at once.
public enum PlanGeoJSON {
    public static func collection(_ plan: DayPlan) -> FeatureCollection {
        var features: [Feature] = []
        for patch in plan.patches {
            features.append(Feature(id: .string("patch-\(patch.id)"), geometry: patch.outline, properties: [
                "layer": "patch", "id": .string(patch.id), "name": .string(patch.name),
                "schools": .array(patch.schools.map { .string($0) }),
                "stroke": "#3182bd", "stroke-width": 2, "fill": .string(PlanColours.patchFill), "fill-opacity": 0.15,
                "title": .string(patch.name),
            ]))
        }
        for (pairIndex, pairPlan) in plan.pairPlans.enumerated() {
            let colour = JSONValue.string(PlanColours.pair(pairIndex))
            let pairID = JSONValue.string(pairPlan.pair.id)
            features.append(Feature(id: .string("base-\(pairPlan.pair.id)"), geometry: .point(pairPlan.pair.base), properties: [
                "layer": "base", "pair": pairID, "name": .string(pairPlan.pair.baseName),
                "marker-color": colour, "marker-symbol": "car", "title": .string("\(pairPlan.pair.id) base"),
            ]))
            var seq = 0
            var visitSeq = 0
            let instructions = Directions.legInstructions(pairPlan)
            var legIndex = -1
            for step in pairPlan.steps {
                switch step {
                case let .leg(leg):
                    seq += 1
                    legIndex += 1
                    guard leg.path.count >= 2 else { continue }
                    features.append(Feature(id: .string("\(pairPlan.pair.id)-leg-\(seq)"), geometry: .lineString(leg.path), properties: [
                        "layer": "route", "pair": pairID, "seq": .number(Double(seq)), "kind": .string(leg.kind.rawValue),
                        "street": .string(leg.streetLabel),
                        // What the driver does at the leg's first coordinate (docs/directions.md).
                        "maneuver": .string(instructions[legIndex].maneuver.rawValue),
                        "instruction": .string(instructions[legIndex].text),
                        // As every reader of times expects: the car leaves the first coordinate at etd and
                        // reaches the last at eta.
                        "etd": .string(plan.date.iso8601(localSeconds: leg.startSeconds)),
                        "eta": .string(plan.date.iso8601(localSeconds: leg.endSeconds)),
                        "distance_m": .number(round1(leg.distanceMetres)), "duration_s": .number(round1(leg.durationSeconds)),
                        "etd_s": .number(round1(leg.startSeconds - Double(pairPlan.pair.windowStartSeconds))),
                        "stroke": colour, "stroke-width": leg.kind == .sweep ? 4 : 2,
                        "stroke-opacity": leg.kind == .deadhead ? 0.5 : 0.9,
                    ]))
                case let .visit(visit):
                    visitSeq += 1
                    seq += 1
                    features.append(Feature(id: .string("\(pairPlan.pair.id)-visit-\(visitSeq)"), geometry: .point(visit.hotspot.position), properties: [
                        "layer": "hotspot", "pair": pairID, "seq": .number(Double(seq)), "visit_seq": .number(Double(visitSeq)),
                        "id": .string(visit.hotspot.id), "name": .string(visit.hotspot.name), "kind": .string(visit.hotspot.kind),
                        "eta": .string(plan.date.iso8601(localSeconds: visit.arrivalSeconds)),
                        "etd": .string(plan.date.iso8601(localSeconds: visit.departureSeconds)),
                        "dwell_min": .number(round1(visit.dwellSeconds / 60)), "weight": .number(round3(visit.hotspot.weight)),
                        "revisit": .bool(visit.isRevisit),
                        "marker-color": .string(PlanColours.hotspot), "marker-size": visit.isRevisit ? "small" : "medium",
                        "title": .string("\(visitSeq). \(visit.hotspot.name) \(ClockTime.format(seconds: visit.arrivalSeconds))"),
                    ]))
                case .wait:
                    seq += 1
                }
            }
            for (index, scan) in pairPlan.scanFrom.enumerated() where scan.geometry.count >= 2 {
                features.append(Feature(id: .string("\(pairPlan.pair.id)-scan-\(index + 1)"), geometry: .lineString(scan.geometry), properties: [
                    "layer": "scan", "pair": pairID, "name": .string(scan.path), "scan_from": .string(scan.fromStreet),
                    "length_m": .number(round1(scan.lengthMetres)),
                    "stroke": colour, "stroke-width": 1, "stroke-opacity": 0.7,
                ]))
            }
        }
        return FeatureCollection(features: features, foreignMembers: [
            "name": .string("patrol plan \(plan.areaName) \(plan.date)"),
            "attribution": "Streets © OpenStreetMap contributors, ODbL 1.0. Schools, shops and police.uk points: Open Government Licence v3.0.",
        ])
    }

    static func round1(_ value: Double) -> Double { (value * 10).rounded() / 10 }
    static func round3(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
