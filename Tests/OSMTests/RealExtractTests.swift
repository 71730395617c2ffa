import Foundation
import Geo
import Testing
@testable import OSM

/// The real extracts of geodata/sources (see its PROVENANCE.md).
struct RealExtractTests {
    struct Counts: Equatable {
        var nodes = 0, ways = 0, relations = 0, highwayWays = 0
    }

    static func count(_ path: String) throws -> Counts {
        var counts = Counts()
        try OSMFileReader(path: path).read { element in
            switch element {
            case .node: counts.nodes += 1
            case let .way(way):
                counts.ways += 1
                if way.tags["highway"] != nil { counts.highwayWays += 1 }
            case .relation: counts.relations += 1
            }
        }
        return counts
    }

    // Numbers from osmium-tool 1.15:
    //   osmium fileinfo -e FILE                                   (nodes, ways, relations)
    //   osmium tags-filter FILE w/highway -o /tmp/x.pbf && osmium fileinfo -e /tmp/x.pbf   (highway ways)
    @Test func isleOfWightCountsMatchOsmium() throws {
        let counts = try Self.count(try TestFiles.source("isle-of-wight_2015-01-01.osm.pbf"))
        #expect(counts == Counts(nodes: 209_208, ways: 29_197, relations: 295, highwayWays: 9_219))
    }

    @Test func leedsCountsMatchOsmium() throws {
        let counts = try Self.count(try TestFiles.source("its-example_leeds.osm.pbf"))
        #expect(counts == Counts(nodes: 1_678, ways: 294, relations: 14, highwayWays: 184))
    }

    @Test func leedsXMLAndPBFGiveIdenticalOutput() throws {
        let pbf = try importStreets(try TestFiles.source("its-example_leeds.osm.pbf"))
        let xml = try importStreets(try TestFiles.fixture("leeds.osm"))
        #expect(pbf.segments.count > 100)
        #expect(streetsText(pbf.segments) == streetsText(xml.segments))
        #expect(pbf.result.schools == xml.result.schools)
        #expect(pbf.result.places == xml.result.places)
        #expect(pbf.result.statistics == xml.result.statistics)
        #expect(pbf.result.statistics.highwayWays == 184)
    }

    @Test func isleOfWightHeaderAndRelationMembersDecode() throws {
        let reader = try PBFReader(path: try TestFiles.source("isle-of-wight_2015-01-01.osm.pbf"))
        var members = 0
        try reader.read(kinds: .relations) { element in
            if case let .relation(relation) = element { members += relation.members.count }
        }
        let header = try #require(reader.header)
        #expect(header.requiredFeatures.contains("OsmSchema-V0.6"))
        #expect(header.writingProgram == "osmium/1.14.0")
        // osmium fileinfo: timestamp 2015-01-01T21:22:01Z; header bbox (-1.659074, 50.50555, -1.0313699, 50.80102).
        #expect(header.replicationTimestamp == 1_420_147_321)
        let box = try #require(header.bbox)
        #expect(abs(box.minLon - -1.659074) < 1e-7 && abs(box.maxLat - 50.80102) < 1e-7)
        #expect(members > 295)
    }

    @Test func isleOfWightSegmentsJoinAtTheirNodesAndMeasureLikeHaversine() throws {
        let (segments, result) = try importStreets(try TestFiles.source("isle-of-wight_2015-01-01.osm.pbf"))
        #expect(result.statistics.missingNodeRefs == 0)  // osmium check-refs: "Nodes in ways missing: 0"
        var position: [Int64: LonLat] = [:]
        var bng = 0.0
        var haversine = 0.0
        for segment in segments {
            guard let first = segment.coordinates.first, let last = segment.coordinates.last else { continue }
            // The same node id must always sit at the same place: segments join exactly.
            for (node, point) in [(segment.fromNode, first), (segment.toNode, last)] {
                if let seen = position[node] { #expect(seen == point) } else { position[node] = point }
            }
            bng += segment.lengthMetres
            for i in 1..<segment.coordinates.count {
                haversine += haversineMetres(segment.coordinates[i - 1], segment.coordinates[i])
            }
        }
        #expect(abs(bng - haversine) / haversine < 0.003)
        #expect(abs(result.statistics.drivableMetres + result.statistics.scanOnlyMetres - bng) < 1)
        #expect(result.statistics.schools > 30)
    }
}

struct ProgressTests {
    @Test func pbfProgressRisesToTheFileSize() throws {
        let path = try TestFiles.source("isle-of-wight_2015-01-01.osm.pbf")
        var reports: [Int] = []
        let reader = try PBFReader(path: path) { bytes, total in
            #expect(total == 2_102_048)
            reports.append(bytes)
        }
        try reader.read(kinds: .relations) { _ in }
        #expect(reports.count > 10)  // one per blob (33 in this file)
        #expect(reports == reports.sorted())
        #expect(reports.last == 2_102_048)
    }

    @Test func importReportsEachPassByName() throws {
        var passes: [String] = []
        let importer = try OSMImporter(path: try TestFiles.fixture("town.osm.pbf"))
        importer.progress = { pass, bytes, total in
            if bytes == total, passes.last != pass { passes.append(pass) }
        }
        _ = try importer.run { _ in }
        #expect(passes == ["ways", "multipolygon ways", "nodes"])
    }
}

struct XMLProgressTests {
    @Test func xmlProgressRisesToTheFileSize() throws {
        let path = try TestFiles.fixture("leeds.osm")
        let size = try TestFiles.bytes(path).count
        var reports: [Int] = []
        let reader = try OSMXMLReader(path: path) { bytes, total in
            #expect(total == size)
            reports.append(bytes)
        }
        var ways = 0
        try reader.read(kinds: .ways) { _ in ways += 1 }
        #expect(ways == 294)
        #expect(reports == reports.sorted())
        #expect(reports.last == size)
    }
}

/// Numbers from the independent peer `tools/check-osm-import.py` (osmium's parser, pyproj's BNG, the
/// splitting rule restated in Python):
///   /usr/bin/python3 tools/check-osm-import.py geodata/sources/isle-of-wight_2015-01-01.osm.pbf
///   → highway ways 9219, street ways 8820, segments 15758, drivable 1015889.91 m, scan-only 1055578.21 m
///   /usr/bin/python3 tools/check-osm-import.py geodata/sources/its-example_leeds.osm.pbf
///   → highway ways 184, street ways 178, segments 306, drivable 6921.73 m, scan-only 3924.54 m
struct PeerCheckTests {
    @Test(arguments: [
        ("isle-of-wight_2015-01-01.osm.pbf", 9_219, 8_820, 15_758, 1_015_889.91, 1_055_578.21),
        ("its-example_leeds.osm.pbf", 184, 178, 306, 6_921.73, 3_924.54),
    ])
    func importMatchesTheOsmiumAndPyprojPeer(file: String, highwayWays: Int, streetWays: Int, segments: Int,
                                             drivableMetres: Double, scanOnlyMetres: Double) throws {
        let (_, result) = try importStreets(try TestFiles.source(file))
        let stats = result.statistics
        #expect(stats.highwayWays == highwayWays)
        #expect(stats.streetWays == streetWays)
        #expect(stats.segments == segments)
        // Both sum centimetre-rounded segment lengths; only the order of additions differs.
        #expect(abs(stats.drivableMetres - drivableMetres) < 0.05)
        #expect(abs(stats.scanOnlyMetres - scanOnlyMetres) < 0.05)
    }
}
