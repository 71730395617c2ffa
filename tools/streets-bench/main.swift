import Base
import Foundation
import Geo
import Streets

// streets-bench [streets.geojson] [--queries N]
// Prints one JSON object per line: loading a streets file, 1,000 seeded random shortest paths on it,
// and a synthetic grid city of about a million edges (build, SCC, 1,000 queries). Peak memory is the
// process's VmHWM so far, in MB.

func peakMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? -1
        return kilobytes / 1024
    }
    return -1
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func emit(_ fields: [(String, Any)]) {
    let parts = fields.map { key, value -> String in
        switch value {
        case let text as String: return "\"\(key)\":\"\(text)\""
        case let number as Double: return "\"\(key)\":\(String(format: "%.4f", number))"
        default: return "\"\(key)\":\(value)"
        }
    }
    // Written straight to the descriptor so each line appears at once, even through a pipe.
    FileHandle.standardOutput.write(Data(("{" + parts.joined(separator: ",") + "}\n").utf8))
}

/// A grid city: `side` × `side` junctions 100 m apart, jittered, with a seeded share of one-way streets.
func gridCity(side: Int, seed: UInt64) -> [StreetSegment] {
    var random = SplitMix64(seed: seed)
    let classes = ["residential", "residential", "residential", "tertiary", "secondary", "service", "unclassified"]
    var points: [GridPoint] = []
    points.reserveCapacity(side * side)
    for row in 0..<side {
        for column in 0..<side {
            points.append(GridPoint(easting: 400_000 + Double(column) * 100 + Double.random(in: -20...20, using: &random),
                                    northing: 100_000 + Double(row) * 100 + Double.random(in: -20...20, using: &random)))
        }
    }
    var segments: [StreetSegment] = []
    segments.reserveCapacity(2 * side * side)
    func add(_ a: Int, _ b: Int, street: Int) {
        let roll = Int.random(in: 0..<10, using: &random)
        let oneway: Oneway = roll == 0 ? .yes : roll == 1 ? .reverse : .no
        segments.append(StreetSegment(osmWayID: Int64(street), fromNode: Int64(a), toNode: Int64(b),
                                      name: "Street \(street)", highway: classes[Int.random(in: 0..<classes.count, using: &random)],
                                      oneway: oneway, geometry: [points[a], points[b]]))
    }
    for row in 0..<side {
        for column in 0..<side {
            let v = row * side + column
            if column + 1 < side { add(v, v + 1, street: row) }
            if row + 1 < side { add(v, v + side, street: side + column) }
        }
    }
    return segments
}

/// Writes a grid city as streets.geojson (WGS84), for when no real file is at hand.
func writeSyntheticStreets(to url: URL, side: Int) throws {
    let projection = try Projection.bng()
    var text = "{\"type\":\"FeatureCollection\",\"features\":[\n"
    var first = true
    for (index, segment) in gridCity(side: side, seed: 11).enumerated() {
        let lonLats = try segment.geometry.map { try projection.lonLat($0) }
        let coordinates = lonLats.map { String(format: "[%.7f,%.7f]", $0.lon, $0.lat) }.joined(separator: ",")
        if !first { text += ",\n" }
        first = false
        text += "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[\(coordinates)]},"
            + "\"properties\":{\"osm_way_id\":\(segment.osmWayID),\"from_node\":\(segment.fromNode),\"to_node\":\(segment.toNode),"
            + "\"name\":\"\(segment.name)\",\"highway\":\"\(segment.highway)\",\"oneway\":\"\(segment.oneway.rawValue)\","
            + "\"length_m\":\(String(format: "%.2f", segment.lengthMetres)),\"scan_only\":\(index % 17 == 0)}}"
    }
    text += "\n]}\n"
    try text.write(to: url, atomically: true, encoding: .utf8)
}

func randomQueries(_ network: StreetNetwork, count: Int, seed: UInt64, label: String) {
    var random = SplitMix64(seed: seed)
    let pairs = (0..<count).map { _ in
        (Int.random(in: 0..<network.nodeCount, using: &random), Int.random(in: 0..<network.nodeCount, using: &random))
    }
    let search = PathSearch(network: network)
    var dijkstraTotal = 0.0
    let dijkstraSeconds = seconds {
        for (s, t) in pairs { dijkstraTotal += search.path(from: s, to: t)?.cost ?? 0 }
    }
    var aStarTotal = 0.0
    let aStarSeconds = seconds {
        for (s, t) in pairs { aStarTotal += search.aStarPath(from: s, to: t)?.cost ?? 0 }
    }
    let turns = TurnAwareSearch(network: network)
    var turnTotal = 0.0
    let turnSeconds = seconds {
        for (s, t) in pairs.prefix(count / 10) { turnTotal += turns.path(from: s, to: t)?.cost ?? 0 }
    }
    emit([("benchmark", "\(label) random shortest paths"), ("queries", count),
          ("dijkstra_seconds", dijkstraSeconds), ("astar_seconds", aStarSeconds),
          ("same_total_cost", abs(dijkstraTotal - aStarTotal) <= 1e-6 * max(1, dijkstraTotal) ? "yes" : "NO"),
          ("turn_aware_queries", count / 10), ("turn_aware_seconds", turnSeconds),
          ("peak_rss_mb", peakMegabytes())])
}

/// Geo's GEOS STRtree over the same segments, on the same probes: its speed, and whether it agrees.
func compareWithSTRtree(_ network: StreetNetwork, snapper: StreetSnapper, probes: [GridPoint]) throws {
    let context = try GEOSContext()
    var items: [(id: Int, geometry: Geometry)] = []
    var index: SpatialIndex?
    let buildSeconds = try seconds {
        for edge in 0..<network.edgeCount {
            let points = Array(network.geometry(ofEdge: edge))
            for k in 0..<(points.count - 1) {
                items.append((items.count, try Geometry.lineString([points[k], points[k + 1]], context: context)))
            }
        }
        index = try SpatialIndex(items: items, context: context)
    }
    var hits: [SpatialIndexHit?] = []
    let querySeconds = try seconds { hits = try probes.map { try index!.nearest(to: $0) } }
    var disagreements = 0
    for (probe, hit) in zip(probes, hits) {
        let grid = snapper.snap(probe)!.distanceMetres
        if abs((hit?.distanceMetres ?? .infinity) - grid) > 1e-6 { disagreements += 1 }
    }
    emit([("benchmark", "snap"), ("index", "GEOS STRtree (Geo.SpatialIndex)"), ("build_seconds", buildSeconds),
          ("queries", probes.count), ("seconds", querySeconds), ("distance_disagreements_with_grid", disagreements)])
}

do {
    var arguments = Array(CommandLine.arguments.dropFirst())
    // --queries N changes the number of random queries (1,000 by default), e.g. for a quick profile.
    var queries = 1000
    if let flag = arguments.firstIndex(of: "--queries"), flag + 1 < arguments.count, let n = Int(arguments[flag + 1]) {
        queries = n
        arguments.removeSubrange(flag...(flag + 1))
    }
    var path = arguments.first ?? "geodata/isle-of-wight/streets.geojson"
    var synthetic = false
    if !FileManager.default.fileExists(atPath: path) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("streets-bench-synthetic.geojson")
        // About 30,000 segments, the size of the Isle of Wight.
        try writeSyntheticStreets(to: url, side: 123)
        path = url.path
        synthetic = true
    }
    var network: StreetNetwork?
    let loadSeconds = try seconds { network = try StreetNetwork.load(contentsOf: URL(fileURLWithPath: path)) }
    let loaded = network!
    // The same load in its two halves: reading and projecting the features, then building the graph.
    var segments: [StreetSegment] = []
    let readSeconds = try seconds { segments = try StreetsFile.readSegments(contentsOf: URL(fileURLWithPath: path)) }
    let buildSeconds = try seconds { _ = try StreetNetwork(segments: segments) }
    let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1
    emit([("benchmark", "load streets.geojson"), ("file", path), ("synthetic", synthetic ? "yes" : "no"),
          ("file_mb", Double(bytes) / 1_048_576), ("read_and_project_seconds", readSeconds),
          ("build_graph_seconds", buildSeconds),
          ("edges", loaded.edgeCount), ("scan_paths", loaded.scanPaths.count), ("nodes", loaded.nodeCount),
          ("arcs", loaded.arcCount), ("seconds", loadSeconds), ("peak_rss_mb", peakMegabytes())])
    var strong: StreetNetwork?
    var report: ComponentReport?
    let sccSeconds = seconds { (strong, report) = loaded.largestStronglyConnectedComponent() }
    emit([("benchmark", "largest strongly connected component"), ("kept_edges", strong!.edgeCount),
          ("dropped_edges", report!.droppedEdgeCount), ("dropped_km", report!.droppedKilometres),
          ("seconds", sccSeconds)])
    var snapper: StreetSnapper?
    let indexSeconds = seconds { snapper = StreetSnapper(network: strong!) }
    var random = SplitMix64(seed: 5)
    let box = strong!.nodePoints.reduce((Double.infinity, Double.infinity, -Double.infinity, -Double.infinity)) {
        (min($0.0, $1.easting), min($0.1, $1.northing), max($0.2, $1.easting), max($0.3, $1.northing))
    }
    let probes = (0..<10_000).map { _ in
        GridPoint(easting: Double.random(in: box.0...box.2, using: &random),
                  northing: Double.random(in: box.1...box.3, using: &random))
    }
    var snapped = 0
    let snapSeconds = seconds { for p in probes where snapper!.snap(p) != nil { snapped += 1 } }
    emit([("benchmark", "snap"), ("index", "uniform grid"), ("build_seconds", indexSeconds),
          ("queries", probes.count), ("seconds", snapSeconds), ("snapped", snapped)])
    try compareWithSTRtree(strong!, snapper: snapper!, probes: probes)
    randomQueries(strong!, count: queries, seed: 42, label: "streets file")

    var city: [StreetSegment] = []
    let generateSeconds = seconds { city = gridCity(side: 708, seed: 7) }
    var cityNetwork: StreetNetwork?
    let cityBuildSeconds = try seconds { cityNetwork = try StreetNetwork(segments: city) }
    city = []
    var cityStrong: StreetNetwork?
    var cityReport: ComponentReport?
    let citySCCSeconds = seconds { (cityStrong, cityReport) = cityNetwork!.largestStronglyConnectedComponent() }
    emit([("benchmark", "grid city"), ("edges", cityNetwork!.edgeCount), ("arcs", cityNetwork!.arcCount),
          ("nodes", cityNetwork!.nodeCount), ("generate_seconds", generateSeconds), ("build_seconds", cityBuildSeconds),
          ("scc_seconds", citySCCSeconds), ("scc_kept_edges", cityStrong!.edgeCount),
          ("scc_dropped_edges", cityReport!.droppedEdgeCount), ("peak_rss_mb", peakMegabytes())])
    cityNetwork = nil
    randomQueries(cityStrong!, count: queries, seed: 43, label: "grid city")
} catch {
    FileHandle.standardError.write(Data("streets-bench: \(error)\n".utf8))
    exit(1)
}
