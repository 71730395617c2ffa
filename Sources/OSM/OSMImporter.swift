import Foundation
import Geo

public struct OSMImportOptions: Sendable {
    /// Keep only streets with at least one node inside (with their full geometry), and places inside.
    public var bbox: OSMBoundingBox?

    public init(bbox: OSMBoundingBox? = nil) {
        self.bbox = bbox
    }
}

/// Counts from one import.
public struct OSMImportStatistics: Hashable, Sendable {
    public var nodesRead = 0
    public var waysRead = 0
    public var relationsRead = 0
    /// Ways with any `highway` tag (what `osmium tags-filter FILE w/highway` keeps).
    public var highwayWays = 0
    /// Highway ways kept as drivable or scan-only streets (after the bbox).
    public var streetWays = 0
    public var segments = 0
    public var drivableMetres = 0.0
    public var scanOnlyMetres = 0.0
    /// Way node references with no node in the file (a clipped extract); ways are cut there.
    public var missingNodeRefs = 0
    public var schools = 0
    public var places = 0

    public init() {}
}

/// What an import found besides the streets, which are streamed to a callback.
public struct OSMImportResult: Sendable {
    public var statistics: OSMImportStatistics
    /// Schools, nodes first, then ways, then multipolygon relations, each by id.
    public var schools: [OSMPlace]
    /// Candidate hotspots (each has a `placeKind`), in the same order.
    public var places: [OSMPlace]
    public var pbfHeader: PBFHeader?
}

/// Turns an OSM file into street segments, schools and places in two passes: ways first (which
/// streets and areas to keep, and so which node ids are needed), then nodes (their coordinates and
/// tagged points). Memory holds the kept ways and their nodes' coordinates, not the file.
public final class OSMImporter {
    public let reader: OSMFileReader
    public let options: OSMImportOptions
    /// Called with the pass name ("ways", "nodes"), bytes read and file size.
    public var progress: ((_ pass: String, _ bytesRead: Int, _ totalBytes: Int) -> Void)?

    struct KeptWay {
        var id: Int64
        var refs: [Int64]
        var attributes: StreetAttributes
    }

    struct AreaWay {
        var id: Int64
        var refs: [Int64]
        var tags: [String: String]
    }

    /// A multipolygon school or place: its outer ways are fetched in an extra ways pass, only when
    /// there are any (relations come after ways in a file, so the first pass has passed them).
    struct AreaRelation {
        var id: Int64
        var outerWays: [Int64]
        var tags: [String: String]
    }

    /// What the ways passes keep: the streets and areas, and the ids of every node their geometry needs.
    struct KeptWays {
        var streets: [KeptWay] = []
        var areas: [AreaWay] = []
        var relations: [AreaRelation] = []
        /// The node refs of each multipolygon's outer ways.
        var outerWayRefs: [Int64: [Int64]] = [:]
        var neededNodes = Set<Int64>()
    }

    /// What the nodes pass keeps: the coordinates of the needed nodes, and schools and places tagged on nodes.
    struct KeptNodes {
        var coordinates: [Int64: OSMCoordinate] = [:]
        var pointPlaces: [OSMPlace] = []
    }

    public init(path: String, options: OSMImportOptions = OSMImportOptions()) throws {
        reader = try OSMFileReader(path: path)
        self.options = options
    }

    /// Runs the import, handing each street segment to `street` in way-id order, along each way.
    public func run(street: (OSMStreetSegment) throws -> Void) throws -> OSMImportResult {
        var statistics = OSMImportStatistics()
        var ways = try readWaysAndRelations(statistics: &statistics)
        try readMultipolygonOuterWays(into: &ways)
        let nodes = try readNeededNodes(ways.neededNodes, statistics: &statistics)
        ways.neededNodes = []
        reader.progress = nil

        keepStreetsInBoundingBox(&ways.streets, coordinates: nodes.coordinates)
        ways.streets.sort { $0.id < $1.id }
        statistics.streetWays = ways.streets.count
        try writeSegments(of: ways.streets, coordinates: nodes.coordinates, statistics: &statistics, to: street)

        let located = locatePlaces(ways: ways, nodes: nodes)
        let schools = located.filter { PlaceRules.isSchool($0.tags) }
        let places = located.filter { $0.placeKind != nil }
        statistics.schools = schools.count
        statistics.places = places.count
        return OSMImportResult(statistics: statistics, schools: schools, places: places, pbfHeader: reader.pbfHeader)
    }

    /// The first pass: the street ways, school and place areas, and multipolygon relations, with the
    /// node ids the kept ways need.
    private func readWaysAndRelations(statistics: inout OSMImportStatistics) throws -> KeptWays {
        var kept = KeptWays()
        reader.progress = progress.map { report in { report("ways", $0, $1) } }
        try reader.read(kinds: [.ways, .relations]) { element in
            switch element {
            case let .way(way):
                statistics.waysRead += 1
                Self.keep(way, into: &kept, statistics: &statistics)
            case let .relation(relation):
                statistics.relationsRead += 1
                if let area = Self.areaRelation(relation) { kept.relations.append(area) }
            case .node:
                break
            }
        }
        return kept
    }

    private static func keep(_ way: OSMWay, into kept: inout KeptWays, statistics: inout OSMImportStatistics) {
        if way.tags["highway"] != nil {
            statistics.highwayWays += 1
            if let attributes = StreetRules.classify(way.tags) {
                let refs = withoutRepeats(way.refs)
                if refs.count >= 2 {
                    kept.streets.append(KeptWay(id: way.id, refs: refs, attributes: attributes))
                    kept.neededNodes.formUnion(refs)
                }
            }
        }
        if isSchoolOrPlace(way.tags), !way.refs.isEmpty {
            kept.areas.append(AreaWay(id: way.id, refs: way.refs, tags: way.tags))
            kept.neededNodes.formUnion(way.refs)
        }
    }

    /// A multipolygon school or place with at least one outer way (a member way with role `outer` or none).
    private static func areaRelation(_ relation: OSMRelation) -> AreaRelation? {
        guard relation.tags["type"] == "multipolygon", isSchoolOrPlace(relation.tags) else { return nil }
        let outer = relation.members.filter { $0.type == .way && ($0.role == "outer" || $0.role.isEmpty) }.map(\.ref)
        return outer.isEmpty ? nil : AreaRelation(id: relation.id, outerWays: outer, tags: relation.tags)
    }

    private static func isSchoolOrPlace(_ tags: [String: String]) -> Bool {
        PlaceRules.isSchool(tags) || PlaceRules.kind(tags) != nil
    }

    /// The extra ways pass for the multipolygons' outer ways, skipped when there are none.
    private func readMultipolygonOuterWays(into kept: inout KeptWays) throws {
        guard !kept.relations.isEmpty else { return }
        let wanted = Set(kept.relations.flatMap(\.outerWays))
        reader.progress = progress.map { report in { report("multipolygon ways", $0, $1) } }
        try reader.read(kinds: [.ways]) { element in
            guard case let .way(way) = element, wanted.contains(way.id) else { return }
            kept.outerWayRefs[way.id] = way.refs
            kept.neededNodes.formUnion(way.refs)
        }
    }

    /// The nodes pass: coordinates of the needed nodes only, and schools and places tagged on a node.
    private func readNeededNodes(_ needed: Set<Int64>, statistics: inout OSMImportStatistics) throws -> KeptNodes {
        var kept = KeptNodes()
        kept.coordinates.reserveCapacity(needed.count)
        reader.progress = progress.map { report in { report("nodes", $0, $1) } }
        try reader.read(kinds: [.nodes]) { element in
            guard case let .node(node) = element else { return }
            statistics.nodesRead += 1
            if needed.contains(node.id) { kept.coordinates[node.id] = node.coordinate }
            if !node.tags.isEmpty, Self.isSchoolOrPlace(node.tags) {
                kept.pointPlaces.append(OSMPlace(source: .node, id: node.id, position: LonLat(lon: node.lon, lat: node.lat), tags: node.tags))
            }
        }
        return kept
    }

    /// Keeps the streets with at least one node inside the bounding box (all of them without one),
    /// each with its full geometry.
    private func keepStreetsInBoundingBox(_ streets: inout [KeptWay], coordinates: [Int64: OSMCoordinate]) {
        guard let bbox = options.bbox else { return }
        streets.removeAll { way in
            !way.refs.contains { ref in coordinates[ref].map { bbox.contains(lon: $0.lon, lat: $0.lat) } ?? false }
        }
    }

    static func withoutRepeats(_ refs: [Int64]) -> [Int64] {
        var out: [Int64] = []
        out.reserveCapacity(refs.count)
        for ref in refs where out.last != ref { out.append(ref) }
        return out
    }
}
