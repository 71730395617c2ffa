import Foundation
import Geo
@testable import Planner
import Streets
import Testing

/// Writes small area folders for the patch and area checks.
enum TempArea {
    static func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("patrol-area-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return url
    }

    /// A patch feature with one ring of lon/lat corners (closed here).
    static func patch(_ id: String, _ ring: [(Double, Double)], overlapAllowed: [String] = []) -> String {
        let closed = ring + [ring[0]]
        let coordinates = closed.map { "[\($0.0),\($0.1)]" }.joined(separator: ",")
        let allowed = overlapAllowed.map { "\"\($0)\"" }.joined(separator: ",")
        return """
        {"type":"Feature","properties":{"id":"\(id)","name":"\(id)","schools":[],"overlap_allowed":[\(allowed)]},\
        "geometry":{"type":"Polygon","coordinates":[[\(coordinates)]]}}
        """
    }

    static func box(_ west: Double, _ south: Double, _ east: Double, _ north: Double) -> [(Double, Double)] {
        [(west, south), (east, south), (east, north), (west, north)]
    }

    static func collection(_ features: [String]) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
    }
}

/// Plain O(n²) Dijkstra by travel time, the reference for the builder's catchments.
func referenceTimes(_ network: StreetNetwork, sources: [(node: Int, seconds: Double)]) -> [Double] {
    var time = [Double](repeating: .infinity, count: network.nodeCount)
    var done = [Bool](repeating: false, count: network.nodeCount)
    for source in sources { time[source.node] = min(time[source.node], source.seconds) }
    while true {
        var best = -1
        for node in 0..<network.nodeCount where !done[node] && time[node].isFinite && (best < 0 || time[node] < time[best]) {
            best = node
        }
        if best < 0 { return time }
        done[best] = true
        for arc in network.outgoingArcs(of: best) {
            let head = network.head(ofArc: arc)
            time[head] = min(time[head], time[best] + network.durationSeconds(ofArc: arc))
        }
    }
}

@Suite struct PatchBuilderTests {
    static let schoolNames = ["Wordsworth Primary School", "Banister Primary School"]

    @Test func twoSouthamptonSchoolsGiveValidDisjointPatchesHoldingTheirCatchments() throws {
        let network = try Southampton.network().largestStronglyConnectedComponent().network
        let projection = try Projection.bng()
        let context = try GEOSContext()
        let schools = try PatchBuilder.schools(in: Southampton.folder)
        let groups = try PatchGroup.groups(schools: Self.schoolNames, explicit: [])
        let built = try PatchBuilder(network: network, projection: projection, context: context)
            .build(groups: groups, schools: schools)
        try #require(built.count == 2)
        #expect(built.map(\.patch.id) == ["wordsworth-primary-school", "banister-primary-school"])

        // Catchments against a reference Dijkstra: each street to the nearer school, none beyond 8 minutes.
        let snapper = StreetSnapper(network: network)
        var groupTimes: [[Double]] = []
        for name in Self.schoolNames {
            let school = try #require(schools.first { $0.name == name })
            let snap = try #require(snapper.snap(try projection.grid(school.position)))
            let edge = network.edges[snap.edge]
            groupTimes.append(referenceTimes(network, sources: [(edge.fromNode, snap.fraction * edge.durationSeconds),
                                                                (edge.toNode, (1 - snap.fraction) * edge.durationSeconds)]))
        }
        var expected: [[Int]] = [[], []]
        for (index, edge) in network.edges.enumerated() {
            let times = groupTimes.map { min($0[edge.fromNode], $0[edge.toNode]) + edge.durationSeconds / 2 }
            if times[0] <= 480, times[0] <= times[1] { expected[0].append(index) }
            else if times[1] <= 480, times[1] < times[0] { expected[1].append(index) }
        }
        #expect(built[0].catchmentEdges == expected[0])
        #expect(built[1].catchmentEdges == expected[1])
        #expect(expected[0].count > 20 && expected[1].count > 20)

        var outlines: [Geometry] = []
        for patch in built {
            let outline = try patch.patch.outline.geometry(using: projection, context: context)
            #expect(try outline.isValid(), "\(patch.patch.id) is not valid")
            #expect(["Polygon", "MultiPolygon"].contains(patch.patch.outline.typeName))
            let prepared = try outline.prepared()
            for point in patch.schoolPoints {
                #expect(try prepared.covers(point), "\(patch.patch.id) does not hold its school")
            }
            var inside = 0
            for edge in patch.catchmentEdges {
                if let middle = Polyline.midpoint(network.geometry(ofEdge: edge)), try prepared.covers(middle) { inside += 1 }
            }
            #expect(Double(inside) >= 0.9 * Double(patch.catchmentEdges.count),
                    "\(patch.patch.id): only \(inside) of \(patch.catchmentEdges.count) catchment streets inside")
            outlines.append(outline)
        }
        #expect(try outlines[0].intersection(outlines[1]).areaSquareMetres() < 1)

        // What is written reads back as RFC 7946 with no problems, and the area checks find none either.
        let text = GeoJSONWriter.string(PatchBuilder.featureCollection(built.map(\.patch)))
        #expect(GeoJSONFileCheck.check(bytes: Array(text.utf8), displayName: "patches.geojson").problems.isEmpty)
        let folder = try TempArea.folder(["patches.geojson": text])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(AreaValidation.checkPatches(folder: folder, displayFolder: "area").filter { $0.severity == .error }.isEmpty)
    }

    @Test func groupsParseAndRejectDuplicates() throws {
        let groups = try PatchGroup.groups(schools: ["A School", "B School"], explicit: ["north=A School, C School"])
        #expect(groups == [PatchGroup(id: "north", name: "north", schools: ["A School", "C School"]),
                           PatchGroup(id: "b-school", name: "B School", schools: ["B School"])])
        #expect(throws: AreaError.self) { try PatchGroup.groups(schools: [], explicit: ["x=A", "x=B"]) }
        #expect(throws: AreaError.self) { try PatchGroup.groups(schools: [], explicit: ["no equals sign"]) }
    }

    @Test func schoolOffTheStreetsIsAnError() throws {
        let network = try Southampton.network()
        let builder = PatchBuilder(network: network, projection: try Projection.bng(), context: try GEOSContext())
        let far = School(name: "Far School", phase: "Primary", capacity: nil, position: LonLat(lon: -1.30, lat: 50.80))
        #expect(throws: AreaError.self) {
            try builder.build(groups: [PatchGroup(id: "far", name: "Far", schools: ["Far School"])], schools: [far])
        }
    }

    @Test func bowTiePatchIsReportedInvalidWithItsPlace() throws {
        let bowTie = TempArea.patch("bow", [(-1.43, 50.92), (-1.42, 50.93), (-1.42, 50.92), (-1.43, 50.93)])
        let square = TempArea.patch("fine", TempArea.box(-1.40, 50.92, -1.39, 50.93))
        let folder = try TempArea.folder(["patches.geojson": TempArea.collection([square, bowTie])])
        defer { try? FileManager.default.removeItem(at: folder) }
        let problems = AreaValidation.checkPatches(folder: folder, displayFolder: "area")
        let errors = problems.filter { $0.severity == .error }
        try #require(errors.count == 1)
        #expect(errors[0].file == "area/patches.geojson")
        #expect(errors[0].featureIndex == 1)
        #expect(errors[0].message.contains("patch bow is not a valid polygon"))
        #expect(errors[0].message.contains("Self-intersection"))
        // The crossing of the two diagonals is the middle of the box.
        #expect(errors[0].message.contains("at -1.425"))
    }

    @Test func overlappingPatchesAreReportedWithTheirIdsUnlessAllowed() throws {
        let a = TempArea.patch("north", TempArea.box(-1.432, 50.918, -1.428, 50.922))
        let b = TempArea.patch("south", TempArea.box(-1.429, 50.918, -1.425, 50.922))
        let c = TempArea.patch("east", TempArea.box(-1.426, 50.918, -1.420, 50.922), overlapAllowed: ["south"])
        let folder = try TempArea.folder(["patches.geojson": TempArea.collection([a, b, c])])
        defer { try? FileManager.default.removeItem(at: folder) }
        let errors = AreaValidation.checkPatches(folder: folder, displayFolder: "area").filter { $0.severity == .error }
        try #require(errors.count == 1)
        #expect(errors[0].featureIndex == 1)
        #expect(errors[0].message.contains("patches north and south overlap"))
        // 0.001° of longitude by 0.004° of latitude at 50.92° N, on the sphere.
        let expected = 0.001 * 111_320 * cos(50.92 * Double.pi / 180) * 0.004 * 111_200
        let reported = try #require(Double(errors[0].message.split(separator: " ")[6]))
        #expect(abs(reported - expected) / expected < 0.02, "reported \(reported) m², expected about \(expected)")
    }
}
