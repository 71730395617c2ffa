import Foundation
import Geo
@testable import MapRender

/// A small plan laid out in British National Grid metres (so distances on the map are known exactly),
/// written as plan.geojson features in lon/lat the way the planner writes them.
enum MapFixtures {
    /// Two bases 3 km apart east-west and 2 km north-south, near Southampton.
    static let baseA = GridPoint(easting: 440_000, northing: 113_000)
    static let baseB = GridPoint(easting: 443_000, northing: 115_000)

    static func lonLat(_ e: Double, _ n: Double, _ projection: Projection) throws -> LonLat {
        try projection.lonLat(GridPoint(easting: e, northing: n))
    }

    static func plan() throws -> FeatureCollection {
        let bng = try Projection.bng()
        var features: [Feature] = []
        let square = try [(439_800.0, 112_600.0), (441_400, 112_600), (441_400, 114_000), (439_800, 114_000), (439_800, 112_600)]
            .map { try lonLat($0.0, $0.1, bng) }
        features.append(Feature(geometry: .polygon([square]), properties: ["layer": "patch", "id": "shirley", "name": "Shirley"]))
        let east = try [(442_400.0, 114_300.0), (443_800, 114_300), (443_800, 115_600), (442_400, 115_600), (442_400, 114_300)]
            .map { try lonLat($0.0, $0.1, bng) }
        features.append(Feature(geometry: .polygon([east]), properties: ["layer": "patch", "id": "bitterne", "name": "Bitterne Park & Co <east>"]))
        for (pair, base, colour) in [("pair-1", baseA, "#1b9e77"), ("pair 2", baseB, "#d95f02")] {
            features.append(Feature(geometry: .point(try bng.lonLat(base)), properties: [
                "layer": "base", "pair": .string(pair), "name": "base", "marker-color": .string(colour)]))
            let hotspot = try lonLat(base.easting + 400, base.northing + 300, bng)
            let loop = try [(0.0, 0.0), (400, 300), (700, 300), (700, -200), (300, -300), (0, 0)]
                .map { try lonLat(base.easting + $0.0, base.northing + $0.1, bng) }
            features.append(Feature(geometry: .lineString(Array(loop[0...1])), properties: [
                "layer": "route", "pair": .string(pair), "seq": 1, "kind": "travel", "street": "Shirley Road",
                "etd": "2026-11-25T10:00:00", "eta": "2026-11-25T10:04:00", "distance_m": 500, "stroke": .string(colour)]))
            features.append(Feature(geometry: .point(hotspot), properties: [
                "layer": "hotspot", "pair": .string(pair), "seq": 2, "visit_seq": 1, "id": .string("hs-\(pair)"), "name": "Co-op & Sons",
                "eta": "2026-11-25T10:04:00", "dwell_min": 12, "weight": 3.2, "revisit": false]))
            features.append(Feature(geometry: .lineString(Array(loop[1...4])), properties: [
                "layer": "route", "pair": .string(pair), "seq": 3, "kind": "sweep", "street": "Church Street → Romsey Road",
                "etd": "2026-11-25T10:16:00", "eta": "2026-11-25T10:30:00", "distance_m": 1200, "stroke": .string(colour)]))
            features.append(Feature(geometry: .lineString(Array(loop[3...5])), properties: [
                "layer": "route", "pair": .string(pair), "seq": 4, "kind": "deadhead", "street": "Romsey Road",
                "etd": "2026-11-25T10:30:00", "eta": "2026-11-25T10:36:00", "distance_m": 800, "stroke": .string(colour)]))
            features.append(Feature(geometry: .point(hotspot), properties: [
                "layer": "hotspot", "pair": .string(pair), "seq": 5, "visit_seq": 2, "id": .string("hs-\(pair)"), "name": "Co-op & Sons",
                "eta": "2026-11-25T11:04:00", "dwell_min": 10, "weight": 3.2, "revisit": true]))
        }
        return FeatureCollection(features: features, foreignMembers: ["name": "patrol plan southampton 2026-11-25"])
    }

    /// A street grid every 100 m over the plan's extent, with every third street scan-only.
    static func streets() throws -> FeatureCollection {
        let bng = try Projection.bng()
        var features: [Feature] = []
        for step in 0..<40 {
            let e = 439_500 + Double(step) * 120
            let line = try [lonLat(e, 112_300, bng), lonLat(e, 116_000, bng)]
            features.append(Feature(geometry: .lineString(line), properties: [
                "highway": step % 5 == 0 ? "primary" : "residential", "scan_only": .bool(step % 3 == 0)]))
            let n = 112_300 + Double(step) * 95
            features.append(Feature(geometry: .lineString(try [lonLat(439_500, n, bng), lonLat(444_300, n, bng)]),
                                    properties: ["highway": "footway", "scan_only": true]))
        }
        return FeatureCollection(features: features)
    }

    /// Hotspots as `patrol hotspots` writes them: ranked points plus KDE/Gi* hexes.
    static func hotspots() throws -> FeatureCollection {
        let bng = try Projection.bng()
        var features: [Feature] = []
        for (index, (e, n)) in [(440_400.0, 113_300.0), (443_400, 115_300), (441_000, 114_500), (442_000, 113_000)].enumerated() {
            features.append(Feature(geometry: .point(try lonLat(e, n, bng)), properties: [
                "layer": index == 3 ? "proposed_hotspot" : "hotspot", "id": .string(index < 2 ? "hs-\(index == 0 ? "pair-1" : "pair 2")" : "h\(index)"),
                "name": .string("Hotspot number \(index)"), "weight": .number(Double(4 - index)), "rank": .number(Double(index + 1))]))
        }
        let size = 150.0
        for row in 0..<12 {
            for column in 0..<16 {
                let cx = 440_000 + Double(column) * size * 1.5, cy = 112_800 + Double(row) * size * 3.0.squareRoot() + (column % 2 == 0 ? 0 : size * 0.866)
                let ring = try (0...6).map { k -> LonLat in
                    let angle = Double(k % 6) * Double.pi / 3
                    return try lonLat(cx + size * cos(angle), cy + size * sin(angle), bng)
                }
                let intensity = 300 * exp(-(pow(cx - 441_000, 2) + pow(cy - 114_000, 2)) / 1e6)
                features.append(Feature(geometry: .polygon([ring]), properties: [
                    "layer": "hex", "kde_per_km2": .number(intensity), "gi_bin": .number(intensity > 200 ? 3 : 0)]))
            }
        }
        return FeatureCollection(features: features)
    }

    static func schools() throws -> FeatureCollection {
        let bng = try Projection.bng()
        var features: [Feature] = []
        for index in 0..<12 {
            let easting = 440_100 + Double(index % 4) * 900
            let northing = 112_900 + Double(index / 4) * 1000
            let phase: JSONValue = index % 2 == 0 ? "Primary" : "Secondary"
            features.append(Feature(geometry: .point(try lonLat(easting, northing, bng)),
                                    properties: ["name": .string("School \(index) Primary"), "phase": phase]))
        }
        return FeatureCollection(features: features)
    }

    static func rendered() throws -> RenderedMap {
        try MapRenderer.draw(plan: plan(), streets: streets(), hotspots: hotspots(), schools: schools(),
                             title: "Sweep plan · southampton · 2026-11-25")
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("patrol-map-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
