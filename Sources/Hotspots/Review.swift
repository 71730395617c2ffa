import Foundation
import Geo

/// One hotspot visit in a plan (`plan.geojson` point features carrying `visit_seq`).
public struct PlannedVisit: Hashable, Sendable {
    public var hotspotID: String
    public var name: String
    public var pair: String
    public var visitSeq: Int
    public var eta: String
    public var dwellMinutes: Double
    public var position: LonLat?

    public init(hotspotID: String, name: String, pair: String, visitSeq: Int, eta: String, dwellMinutes: Double,
                position: LonLat?) {
        self.hotspotID = hotspotID
        self.name = name
        self.pair = pair
        self.visitSeq = visitSeq
        self.eta = eta
        self.dwellMinutes = dwellMinutes
        self.position = position
    }

    /// Reads the hotspot visits of a plan; features without `visit_seq` (routes, patches) are skipped.
    /// A visit is matched to a known hotspot by `id`, then `name`, then by position within `snapRadiusMetres`.
    public static func read(planAt url: URL, gazetteer: Gazetteer, projection: Projection,
                            snapRadiusMetres: Double = 150) throws -> [PlannedVisit] {
        let object: GeoJSONObject
        do {
            object = try GeoJSONReader.read(contentsOf: url)
        } catch {
            throw HotspotsError.unreadableFile(path: url.path, message: "\(error)")
        }
        var out: [PlannedVisit] = []
        for (index, feature) in object.features.enumerated() {
            guard let seq = feature["visit_seq"]?.doubleValue else { continue }
            var position: LonLat?
            if case let .point(p)? = feature.geometry { position = p }
            let rawID = feature["hotspot_id"]?.stringValue ?? feature["id"]?.stringValue ?? ""
            let name = feature["name"]?.stringValue ?? ""
            var known = gazetteer.lookup(rawID) ?? gazetteer.lookup(name)
            if known == nil, let position {
                let grid = try projection.grid(position)
                known = gazetteer.hotspots.filter { $0.grid.distanceMetres(to: grid) <= snapRadiusMetres }
                    .min { $0.grid.distanceMetres(to: grid) < $1.grid.distanceMetres(to: grid) }
            }
            guard let dwell = feature["dwell_min"]?.doubleValue ?? known?.dwellMinutes, dwell >= 0 else {
                throw HotspotsError.unreadableFile(path: url.path, message: "feature \(index): dwell_min must be a number ≥ 0")
            }
            let id = known?.id ?? (rawID.isEmpty ? Gazetteer.slug(name) : rawID)
            out.append(PlannedVisit(hotspotID: id, name: known?.name ?? name, pair: feature["pair"]?.stringValue ?? "",
                                    visitSeq: Int(seq), eta: feature["eta"]?.stringValue ?? "", dwellMinutes: dwell,
                                    position: position ?? known?.position))
        }
        return out
    }

    public func visit(date: LocalDateTime, source: String) -> Visit {
        Visit(date: date.dateString, hotspotID: hotspotID, pair: pair, visitSeq: visitSeq, minutes: dwellMinutes, source: source)
    }
}

/// Planned against found for one hotspot on the swept day.
public struct ReviewRow: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var plannedVisits: Int
    /// Dosage: minutes planned at the hotspot (the plan's dwell times).
    public var minutes: Double
    public var stops: Int
    /// Stops per hour of dosage; nil when the hotspot was not planned.
    public var stopsPerHour: Double?
    /// Rank in the map made before the sweep.
    public var rankBefore: Int?
    public var lon: Double
    public var lat: Double
}

/// `patrol review`: the swept day against the plan and the map made before it.
public struct Review: Sendable {
    public var date: LocalDateTime
    public var planGiven: Bool
    public var rows: [ReviewRow]
    public var stopsOnDay: Int
    public var stopsAtNoHotspot: Int
    public var evaluation: MapEvaluation
    /// Proposed hotspots in the map after the day that hold a stop of the day and were not proposed before it.
    public var newlyProposed: [HotspotScore]

    public static func build(date: LocalDateTime, stops: [Stop], gazetteer: Gazetteer, visits: [Visit],
                             plan: [PlannedVisit]?, weightOptions: WeightOptions, heatOptions: HeatMapOptions,
                             network: StreetGraph? = nil, projection: Projection) throws -> Review {
        let day = date.date
        let nextDay = day.nextDay
        let dayStops = stops.filter { $0.time >= day && $0.time < nextDay }
        let extent = stops.map { GridPoint(easting: $0.easting, northing: $0.northing) }
        let before = try HotspotMap.build(stops: stops, gazetteer: gazetteer, visits: visits, asOf: day,
                                          weightOptions: weightOptions, heatOptions: heatOptions, extent: extent,
                                          projection: projection)
        let after = try HotspotMap.build(stops: stops, gazetteer: gazetteer, visits: visits, asOf: nextDay,
                                         weightOptions: weightOptions, heatOptions: heatOptions, extent: extent,
                                         projection: projection)
        var evaluation = MapEvaluation.evaluate(map: before, test: dayStops, heatOptions: heatOptions,
                                                trainingStops: stops.filter { $0.time < day }.count)
        evaluation.addChosenMap(stops: stops, asOf: day, test: dayStops, extent: extent + gazetteer.hotspots.map(\.grid),
                                reasonWeights: weightOptions.reasonWeights, cellSizeMetres: heatOptions.cellSizeMetres,
                                network: network)
        let weighting = HotspotWeighting(options: weightOptions)
        let snapped = weighting.snap(dayStops, to: gazetteer.hotspots)
        var found: [String: Int] = [:]
        for target in snapped.compactMap({ $0 }) { found[gazetteer.hotspots[target].id, default: 0] += 1 }
        var planned: [String: (visits: Int, minutes: Double, visit: PlannedVisit)] = [:]
        for visit in plan ?? [] {
            let entry = planned[visit.hotspotID] ?? (0, 0, visit)
            planned[visit.hotspotID] = (entry.visits + 1, entry.minutes + visit.dwellMinutes, entry.visit)
        }
        let rankBefore = Dictionary(before.hotspots.map { ($0.id, $0.rank) }, uniquingKeysWith: { a, _ in a })
        var rows: [ReviewRow] = []
        let ids = Set(found.keys).union(planned.keys)
        for id in ids {
            let known = gazetteer.hotspots.first { $0.id == id }
            let plannedEntry = planned[id]
            let minutes = plannedEntry?.minutes ?? 0
            let stopsHere = found[id] ?? 0
            let position = known?.position ?? plannedEntry?.visit.position ?? LonLat(lon: 0, lat: 0)
            rows.append(ReviewRow(id: id, name: known?.name ?? plannedEntry?.visit.name ?? id,
                                  plannedVisits: plannedEntry?.visits ?? 0, minutes: minutes, stops: stopsHere,
                                  stopsPerHour: minutes > 0 ? Double(stopsHere) / (minutes / 60) : nil,
                                  rankBefore: rankBefore[id], lon: position.lon, lat: position.lat))
        }
        rows.sort { ($0.rankBefore ?? Int.max, $0.id) < ($1.rankBefore ?? Int.max, $1.id) }

        let eps = weightOptions.clusterEpsMetres
        let dayPoints = dayStops.map { GridPoint(easting: $0.easting, northing: $0.northing) }
        let newlyProposed = after.proposed.filter { candidate in
            let isNew = !before.proposed.contains { $0.grid.distanceMetres(to: candidate.grid) <= eps }
            let holdsDayStop = dayPoints.contains { $0.distanceMetres(to: candidate.grid) <= eps * 2 }
            return isNew && holdsDayStop
        }
        return Review(date: day, planGiven: plan != nil, rows: rows, stopsOnDay: dayStops.count,
                      stopsAtNoHotspot: snapped.filter { $0 == nil }.count, evaluation: evaluation,
                      newlyProposed: newlyProposed)
    }

    public func featureCollection() -> FeatureCollection {
        var features: [Feature] = rows.map { row in
            var properties: [String: JSONValue] = [
                "layer": "review", "id": .string(row.id), "name": .string(row.name), "title": .string(row.name),
                "planned_visits": .number(Double(row.plannedVisits)), "minutes": .number(rounded(row.minutes, 2)),
                "stops": .number(Double(row.stops)),
                "stops_per_hour": row.stopsPerHour.map { .number(rounded($0, 3)) } ?? .null,
                "rank_before": row.rankBefore.map { .number(Double($0)) } ?? .null,
                "marker-color": .string(row.stops > 0 ? (row.plannedVisits > 0 ? "#1a9641" : "#d7191c") : "#969696"),
            ]
            properties["description"] = .string("\(row.plannedVisits) planned visits, \(formatFixed(row.minutes, decimals: 0)) min, \(row.stops) stops")
            return Feature(id: .string(row.id), geometry: .point(LonLat(lon: row.lon, lat: row.lat)), properties: properties)
        }
        for proposed in newlyProposed {
            features.append(Feature(id: .string(proposed.id), geometry: .point(proposed.position), properties: [
                "layer": "proposed_hotspot", "id": .string(proposed.id), "name": .string(proposed.name),
                "title": .string(proposed.name), "stops": .number(Double(proposed.stops)),
                "weight": .number(rounded(proposed.weight, 4)), "marker-color": "#7b3294",
            ]))
        }
        var pai: [String: JSONValue] = [:]
        var measures: [String: JSONValue] = [:]
        for method in evaluation.methodsPresent {
            for result in evaluation.results[method] ?? [] {
                pai["\(method)_\(Int((result.areaFraction * 100).rounded()))pct"] = .number(rounded(result.pai, 3))
            }
            measures[method] = MapSelection.measuresJSON(evaluation.results[method] ?? [])
        }
        var members: [String: JSONValue] = [
            "name": "patrol review", "date": .string(date.dateString), "plan_given": .bool(planGiven),
            "stops_on_day": .number(Double(stopsOnDay)), "pai": .object(pai), "measures": .object(measures),
        ]
        if let selection = evaluation.selection { members["map_method"] = selection.json }
        return FeatureCollection(features: features, foreignMembers: members)
    }

    public func markdown() -> String {
        var text = "# Review of the sweep on \(date.dateString)\n\n"
        text += planGiven ? "" : "No plan was given: planned visits and minutes are 0; stops are still counted.\n\n"
        text += "\(stopsOnDay) stops that day, \(stopsAtNoHotspot) of them at no known hotspot.\n\n"
        text += "| rank before | hotspot | planned visits | minutes | stops | stops per hour |\n"
        text += "|---:|---|---:|---:|---:|---:|\n"
        for row in rows {
            let rate = row.stopsPerHour.map { formatFixed($0, decimals: 2) } ?? "–"
            text += "| \(row.rankBefore.map(String.init) ?? "–") | \(Self.cell(row.name)) | \(row.plannedVisits) | "
                + "\(formatFixed(row.minutes, decimals: 0)) | \(row.stops) | \(rate) |\n"
        }
        text += "\n## PAI, PEI and RRI of the map made before the sweep\n\n"
        text += "PAI = hit rate % ÷ area %; PEI = PAI ÷ the best PAI possible at that area share; "
            + "RRI = (day's stops ÷ earlier stops in the selected cells) ÷ (the same everywhere). "
            + "Over \(evaluation.cells) hexagons of \(formatFixed(evaluation.cellSizeMetres, decimals: 0)) m"
            + (evaluation.selection.map { "; selected: \($0.method)" } ?? "") + ".\n\n"
        text += "| surface | area % | hits | hit rate % | PAI | PEI | RRI |\n|---|---:|---:|---:|---:|---:|---:|\n"
        for method in evaluation.methodsPresent {
            for result in evaluation.results[method] ?? [] {
                text += "| \(method) | \(formatFixed(result.areaPercent, decimals: 1)) | \(result.hits)/\(result.events) | "
                    + "\(formatFixed(result.hitRatePercent, decimals: 1)) | \(formatFixed(result.pai, decimals: 2)) | "
                    + "\(formatFixed(result.pei, decimals: 2)) | \(result.rri.map { formatFixed($0, decimals: 2) } ?? "–") |\n"
            }
        }
        text += "\n## Newly proposed hotspots\n\n"
        if newlyProposed.isEmpty {
            text += "None.\n"
        } else {
            text += "| id | near | stops | lon | lat |\n|---|---|---:|---:|---:|\n"
            for proposed in newlyProposed {
                text += "| \(proposed.id) | \(Self.cell(proposed.name)) | \(proposed.stops) | "
                    + "\(formatFixed(proposed.position.lon, decimals: 6)) | \(formatFixed(proposed.position.lat, decimals: 6)) |\n"
            }
        }
        return text
    }

    static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
