import Foundation

/// For each catalogue id, an input that makes patrol report that error: the arguments to run in a
/// scratch folder the scenario fills. The ids must match docs/errors.md exactly.
enum ErrorScenarios {
    typealias Scenario = @Sendable (ScratchFolder) throws -> [String]

    static let all: [String: Scenario] = [
        "E-FILE-UNREADABLE": { folder in
            try TinyArea().write(in: folder)
            return ["stops", "import", "no-such-file.csv", "--data", "area"]
        },
        "E-AREA-MISSING": { _ in ["validate", "--data", "no-such-area"] },
        "E-PLAN-NOT-A-PLAN": { folder in
            try folder.write("schools.geojson", #"{"type": "FeatureCollection", "features": []}"#)
            return ["directions", "--plan", "schools.geojson", "--pair", "pair-1"]
        },
        "E-PLAN-NO-PAIR": { folder in
            try folder.write("plan.geojson", #"{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[-1.43, 50.92], [-1.42, 50.92]]}, "properties": {"layer": "route", "pair": "pair-1", "seq": 1, "maneuver": "depart", "instruction": "Head east on Shirley Road"}}]}"#)
            return ["directions", "--plan", "plan.geojson", "--pair", "pair-9"]
        },
        "E-GEOJSON-INVALID": { folder in
            var area = TinyArea()
            area.patchRing.removeLast()  // the ring no longer closes
            try area.write(in: folder)
            return ["validate", "--data", "area"]
        },
        "E-PAIRS-INVALID": { folder in
            var area = TinyArea()
            area.extraPairFields = #", "officer": "PC Example""#
            try area.write(in: folder)
            return plan()
        },
        "E-CSV-BAD-ROWS": { folder in
            try TinyArea().write(in: folder)
            try folder.write("sweep.csv", """
                time,lon,lat,reason,outcome
                2026-11-23T10:15,-1.4,50.9,truanting,none
                23/11/2026 10:15,-1.4,50.9,truanting,none

                """)
            return ["stops", "import", "sweep.csv", "--data", "area"]
        },
        "E-CSV-PERSONAL-COLUMNS": { folder in
            try TinyArea().write(in: folder)
            try folder.write("sweep.csv", "time,lon,lat,reason,outcome,child_name\n2026-11-23T10:15,-1.4,50.9,sick,none,A B\n")
            return ["stops", "import", "sweep.csv", "--data", "area"]
        },
        "E-CSV-MISSING-COLUMNS": { folder in
            try TinyArea().write(in: folder)
            try folder.write("sweep.csv", "time,lon,lat\n2026-11-23T10:15,-1.4,50.9\n")
            return ["stops", "import", "sweep.csv", "--data", "area"]
        },
        "E-STORE-NEWER": { folder in
            try TinyArea().write(in: folder)
            let made = try PatrolRun.run(try patrolBinary(), ["stops", "list", "--data", "area"], in: folder.url)
            guard made.status == 0 else { throw ScenarioError(description: "could not make a store: \(made.combined)") }
            // PRAGMA user_version is the big-endian 32-bit integer at byte 60 of an SQLite file's header.
            let store = folder.url.appendingPathComponent("area/stops.sqlite")
            let handle = try FileHandle(forUpdating: store)
            try handle.seek(toOffset: 60)
            try handle.write(contentsOf: Data([0, 0, 0, 99]))
            try handle.close()
            return ["stops", "list", "--data", "area"]
        },
        "E-STORE": { folder in
            try TinyArea().write(in: folder)
            return ["stops", "list", "--data", "area", "--db", "no-such-folder/stops.sqlite"]
        },
        "E-REASON-WEIGHTS": { folder in
            try TinyArea().write(in: folder)
            try folder.write("weights.json", #"{"truant": 1.0}"#)
            return ["hotspots", "--data", "area", "--as-of", "2026-11-24", "--reason-weights", "weights.json",
                    "--out", "hotspots.geojson"]
        },
        "E-OUTPUT-UNWRITABLE": { folder in
            try TinyArea().write(in: folder)
            return ["hotspots", "--data", "area", "--as-of", "2026-11-24", "--out", "/proc/patrol-cannot-write/hotspots.geojson"]
        },
        "E-USAGE": { _ in ["stops", "import", "--format", "xml", "a.csv"] },

        // Planner errors: `patrol plan` on a tiny area built to fail in one way each.
        "E-STREETS-INVALID": { folder in
            var area = TinyArea()
            area.streets[0].oneway = "maybe"
            try area.write(in: folder)
            return plan()
        },
        "E-NETWORK-DISCONNECTED": { folder in
            var area = TinyArea()
            // The base sits on a short street 170 m south of the square, joined to nothing.
            area.streets.append(TinyArea.Street(way: 70, from: 70, to: 71, name: "Lone Lane",
                                                points: [(-1.4000, 50.9085), (-1.3980, 50.9085)], oneway: "no"))
            area.base = (-1.3990, 50.9085)
            try area.write(in: folder)
            return plan()
        },
        "E-HOTSPOT-UNREACHABLE": { folder in
            var area = TinyArea()
            // An island of streets 2 km east, outside the patch, with the patch's hotspot beside it.
            area.streets += TinyArea.square(west: -1.372, south: 50.910, firstNode: 100, firstWay: 100)
            area.hotspots.append((name: "Island Parade", lon: -1.3710, lat: 50.9105))
            try area.write(in: folder)
            return plan()
        },
        "E-ONEWAY-NO-WAY-BACK": { folder in
            var area = TinyArea()
            // One way from the square's north-east corner into a dead end inside the patch.
            area.streets.append(TinyArea.Street(way: 50, from: 3, to: 50, name: "Cul Close",
                                                points: [(-1.398, 50.911), (-1.3968, 50.9118)], oneway: "yes"))
            try area.write(in: folder)
            return plan()
        },
        "E-ONEWAY-OUTSIDE": { folder in
            var area = TinyArea()
            // One way east out of the patch from the square's north-east corner; the way back is a loop
            // of two-way streets outside the patch (east, then south of it) that rejoins at the south-west corner.
            area.streets += [
                TinyArea.Street(way: 70, from: 3, to: 70, name: "Exit Lane", points: [(-1.398, 50.911), (-1.397, 50.911)], oneway: "yes"),
                TinyArea.Street(way: 71, from: 70, to: 71, name: "Outer Road", points: [(-1.397, 50.911), (-1.395, 50.911)], oneway: "no"),
                TinyArea.Street(way: 72, from: 71, to: 72, name: "Ring Road", points: [(-1.395, 50.911), (-1.395, 50.9085)], oneway: "no"),
                TinyArea.Street(way: 73, from: 72, to: 73, name: "Back Street", points: [(-1.395, 50.9085), (-1.400, 50.9085)], oneway: "no"),
                TinyArea.Street(way: 74, from: 73, to: 1, name: "Link Road", points: [(-1.400, 50.9085), (-1.400, 50.910)], oneway: "no"),
            ]
            try area.write(in: folder)
            return plan()
        },
        "E-PATCH-NO-STREETS": { folder in
            var area = TinyArea()
            area.patchRing = TinyArea.box(west: -1.335, south: 50.930, east: -1.330, north: 50.933)
            area.hotspots = []
            try area.write(in: folder)
            return plan()
        },
        "E-BASE-OFF-NETWORK": { folder in
            var area = TinyArea()
            area.base = (-1.330, 50.945)  // about 5 km from every street
            try area.write(in: folder)
            return plan()
        },
        "E-WINDOW-TOO-SHORT": { folder in
            var area = TinyArea()
            area.streets += [TinyArea.Street(way: 60, from: 1, to: 60, name: "Long Road",
                                             points: [(-1.400, 50.910), (-1.400, 50.901)], oneway: "no")]
            area.base = (-1.400, 50.901)  // 1 km south of the patch, at the end of Long Road
            area.window = ("10:00", "10:01")
            try area.write(in: folder)
            return plan()
        },
    ]

    static func plan() -> [String] {
        ["plan", "--data", "area", "--date", "2026-11-23", "--out", "out"]
    }

    static func patrolBinary() throws -> URL {
        guard let binary = PatrolRun.patrol else { throw ScenarioError(description: "no .build/debug/patrol") }
        return binary
    }
}

struct ScenarioError: Error, CustomStringConvertible {
    var description: String
}

/// A one-patch, one-pair area around a square of two-way residential streets in Southampton's centre,
/// which plans cleanly; each scenario breaks one thing.
struct TinyArea {
    struct Street {
        var way: Int
        var from: Int
        var to: Int
        var name: String
        var points: [(Double, Double)]
        var oneway: String
    }

    var streets = TinyArea.square(west: -1.400, south: 50.910, firstNode: 1, firstWay: 1)
    var patchRing = TinyArea.box(west: -1.4015, south: 50.909, east: -1.3965, north: 50.912)
    var hotspots: [(name: String, lon: Double, lat: Double)] = [("Square Parade", -1.3990, 50.9105)]
    var base = (-1.400, 50.910)
    var window = ("10:00", "12:30")
    var extraPairFields = ""

    /// Four streets round a block 140 m by 111 m, nodes numbered anticlockwise from the south-west corner.
    static func square(west: Double, south: Double, firstNode: Int, firstWay: Int) -> [Street] {
        let corners = [(west, south), (west + 0.002, south), (west + 0.002, south + 0.001), (west, south + 0.001)]
        return (0..<4).map { side in
            Street(way: firstWay + side, from: firstNode + side, to: firstNode + (side + 1) % 4,
                   name: "Side \(firstWay + side) Road", points: [corners[side], corners[(side + 1) % 4]], oneway: "no")
        }
    }

    static func box(west: Double, south: Double, east: Double, north: Double) -> [(Double, Double)] {
        [(west, south), (east, south), (east, north), (west, north), (west, south)]
    }

    static func lengthMetres(_ points: [(Double, Double)]) -> Double {
        zip(points, points.dropFirst()).reduce(0) { sum, pair in
            let dx = (pair.1.0 - pair.0.0) * 111_320 * cos(pair.0.1 * .pi / 180)
            let dy = (pair.1.1 - pair.0.1) * 110_574
            return sum + (dx * dx + dy * dy).squareRoot()
        }
    }

    static func position(_ point: (Double, Double)) -> String { "[\(point.0), \(point.1)]" }

    func write(in folder: ScratchFolder) throws {
        let streetFeatures = streets.map { street in
            """
            {"type": "Feature", "properties": {"osm_way_id": \(street.way), "from_node": \(street.from), \
            "to_node": \(street.to), "name": "\(street.name)", "highway": "residential", "oneway": "\(street.oneway)", \
            "length_m": \(Self.lengthMetres(street.points)), "scan_only": false}, \
            "geometry": {"type": "LineString", "coordinates": [\(street.points.map(Self.position).joined(separator: ", "))]}}
            """
        }
        try folder.write("area/streets.geojson",
                         #"{"type": "FeatureCollection", "features": ["# + streetFeatures.joined(separator: ",\n") + "]}\n")
        try folder.write("area/patches.geojson", """
            {"type": "FeatureCollection", "features": [{"type": "Feature", \
            "properties": {"id": "centre", "name": "Centre", "schools": []}, \
            "geometry": {"type": "Polygon", "coordinates": [[\(patchRing.map(Self.position).joined(separator: ", "))]]}}]}

            """)
        let hotspotFeatures = hotspots.map { spot in
            """
            {"type": "Feature", "properties": {"name": "\(spot.name)", "kind": "shopping parade", "patch": "centre", "dwell_min": 12}, \
            "geometry": {"type": "Point", "coordinates": [\(spot.lon), \(spot.lat)]}}
            """
        }
        try folder.write("area/hotspots.geojson",
                         #"{"type": "FeatureCollection", "features": ["# + hotspotFeatures.joined(separator: ",\n") + "]}\n")
        try folder.write("area/schools.geojson", #"{"type": "FeatureCollection", "features": []}"# + "\n")
        try folder.write("area/pairs.json", """
            {"pairs": [{"id": "pair-1", "role": "police officer + education welfare officer", \
            "base": {"name": "Civic Centre", "lon": \(base.0), "lat": \(base.1)}, \
            "window": {"start": "\(window.0)", "end": "\(window.1)"}, "speed_factor": 1.0, \
            "preferred_patches": ["centre"]\(extraPairFields)}]}

            """)
    }
}
