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

    private struct KeptWay {
        var id: Int64
        var refs: [Int64]
        var attributes: StreetAttributes
    }

    private struct AreaWay {
        var id: Int64
        var refs: [Int64]
        var tags: [String: String]
    }

    /// A multipolygon school or place: its outer ways are fetched in an extra ways pass, only when
    /// there are any (relations come after ways in a file, so the first pass has passed them).
    private struct AreaRelation {
        var id: Int64
        var outerWays: [Int64]
        var tags: [String: String]
    }

    public init(path: String, options: OSMImportOptions = OSMImportOptions()) throws {
        reader = try OSMFileReader(path: path)
        self.options = options
    }

    /// Runs the import, handing each street segment to `street` in way-id order, along each way.
    public func run(street: (OSMStreetSegment) throws -> Void) throws -> OSMImportResult {
        var statistics = OSMImportStatistics()
        var kept: [KeptWay] = []
        var areas: [AreaWay] = []
        var needed = Set<Int64>()
        var relationAreas: [AreaRelation] = []

        reader.progress = progress.map { report in { report("ways", $0, $1) } }
        try reader.read(kinds: [.ways, .relations]) { element in
            switch element {
            case let .way(way):
                statistics.waysRead += 1
                if way.tags["highway"] != nil {
                    statistics.highwayWays += 1
                    if let attributes = StreetRules.classify(way.tags) {
                        let refs = Self.withoutRepeats(way.refs)
                        if refs.count >= 2 {
                            kept.append(KeptWay(id: way.id, refs: refs, attributes: attributes))
                            needed.formUnion(refs)
                        }
                    }
                }
                if PlaceRules.isSchool(way.tags) || PlaceRules.kind(way.tags) != nil, !way.refs.isEmpty {
                    areas.append(AreaWay(id: way.id, refs: way.refs, tags: way.tags))
                    needed.formUnion(way.refs)
                }
            case let .relation(relation):
                statistics.relationsRead += 1
                if relation.tags["type"] == "multipolygon",
                   PlaceRules.isSchool(relation.tags) || PlaceRules.kind(relation.tags) != nil {
                    let outer = relation.members.filter { $0.type == .way && ($0.role == "outer" || $0.role.isEmpty) }.map(\.ref)
                    if !outer.isEmpty { relationAreas.append(AreaRelation(id: relation.id, outerWays: outer, tags: relation.tags)) }
                }
            case .node:
                break
            }
        }

        var outerWayRefs: [Int64: [Int64]] = [:]
        if !relationAreas.isEmpty {
            let wanted = Set(relationAreas.flatMap(\.outerWays))
            reader.progress = progress.map { report in { report("multipolygon ways", $0, $1) } }
            try reader.read(kinds: [.ways]) { element in
                guard case let .way(way) = element, wanted.contains(way.id) else { return }
                outerWayRefs[way.id] = way.refs
                needed.formUnion(way.refs)
            }
        }

        var coordinates: [Int64: OSMCoordinate] = [:]
        coordinates.reserveCapacity(needed.count)
        var pointPlaces: [OSMPlace] = []
        reader.progress = progress.map { report in { report("nodes", $0, $1) } }
        try reader.read(kinds: [.nodes]) { element in
            guard case let .node(node) = element else { return }
            statistics.nodesRead += 1
            if needed.contains(node.id) { coordinates[node.id] = node.coordinate }
            if !node.tags.isEmpty, PlaceRules.isSchool(node.tags) || PlaceRules.kind(node.tags) != nil {
                pointPlaces.append(OSMPlace(source: .node, id: node.id, position: LonLat(lon: node.lon, lat: node.lat), tags: node.tags))
            }
        }
        needed = []
        reader.progress = nil

        if let bbox = options.bbox {
            kept.removeAll { way in
                !way.refs.contains { ref in coordinates[ref].map { bbox.contains(lon: $0.lon, lat: $0.lat) } ?? false }
            }
        }
        kept.sort { $0.id < $1.id }
        statistics.streetWays = kept.count

        // A node used twice (by two ways, or twice by one) is a junction; way ends always end a segment.
        var usage: [Int64: Int] = [:]
        for way in kept {
            for ref in way.refs { usage[ref, default: 0] += 1 }
        }

        let projection = try Projection.bng()
        for way in kept {
            var piece: [Int64] = []
            func emit() throws {
                defer { piece.removeAll(keepingCapacity: true) }
                guard piece.count >= 2, let first = piece.first, let last = piece.last else { return }
                var points: [LonLat] = []
                points.reserveCapacity(piece.count)
                for ref in piece {
                    guard let coordinate = coordinates[ref] else { return }
                    points.append(LonLat(lon: coordinate.lon, lat: coordinate.lat))
                }
                let length = try Self.lengthMetres(points, projection: projection)
                let segment = OSMStreetSegment(wayID: way.id, fromNode: first, toNode: last,
                                            attributes: way.attributes, coordinates: points, lengthMetres: length)
                statistics.segments += 1
                if segment.scanOnly { statistics.scanOnlyMetres += length } else { statistics.drivableMetres += length }
                try street(segment)
            }
            for (index, ref) in way.refs.enumerated() {
                guard coordinates[ref] != nil else {
                    // A clipped extract: the way continues outside the file, so it is cut here.
                    statistics.missingNodeRefs += 1
                    try emit()
                    continue
                }
                piece.append(ref)
                if index > 0, index < way.refs.count - 1, usage[ref, default: 0] >= 2 {
                    try emit()
                    piece.append(ref)
                }
            }
            try emit()
        }

        var located: [OSMPlace] = pointPlaces
        for area in areas {
            let points = area.refs.compactMap { ref in coordinates[ref].map { LonLat(lon: $0.lon, lat: $0.lat) } }
            guard let centre = Self.centroid(points, closed: area.refs.count >= 4 && area.refs.first == area.refs.last) else { continue }
            located.append(OSMPlace(source: .way, id: area.id, position: centre, tags: area.tags))
        }
        for area in relationAreas {
            let rings = area.outerWays.compactMap { outerWayRefs[$0] }.map { refs in
                (points: refs.compactMap { ref in coordinates[ref].map { LonLat(lon: $0.lon, lat: $0.lat) } },
                 closed: refs.count >= 4 && refs.first == refs.last)
            }
            guard let centre = Self.centroid(rings: rings) else { continue }
            located.append(OSMPlace(source: .relation, id: area.id, position: centre, tags: area.tags))
        }
        if let bbox = options.bbox {
            located.removeAll { !bbox.contains(lon: $0.position.lon, lat: $0.position.lat) }
        }
        located.sort { ($0.source.order, $0.id) < ($1.source.order, $1.id) }
        let schools = located.filter { PlaceRules.isSchool($0.tags) }
        let places = located.filter { $0.placeKind != nil }
        statistics.schools = schools.count
        statistics.places = places.count
        return OSMImportResult(statistics: statistics, schools: schools, places: places, pbfHeader: reader.pbfHeader)
    }

    static func withoutRepeats(_ refs: [Int64]) -> [Int64] {
        var out: [Int64] = []
        out.reserveCapacity(refs.count)
        for ref in refs where out.last != ref { out.append(ref) }
        return out
    }

    /// Sum of straight pieces in British National Grid metres, rounded to the centimetre.
    static func lengthMetres(_ points: [LonLat], projection: Projection) throws -> Double {
        var total = 0.0
        var previous: GridPoint?
        for point in points {
            let grid = try projection.grid(point)
            if let previous { total += previous.distanceMetres(to: grid) }
            previous = grid
        }
        return (total * 100).rounded() / 100
    }

    /// The area-weighted centroid of a multipolygon's closed outer rings; the mean of every point
    /// when no ring is closed by itself (rings made of several ways).
    static func centroid(rings: [(points: [LonLat], closed: Bool)]) -> LonLat? {
        var weight = 0.0
        var lon = 0.0
        var lat = 0.0
        for ring in rings where ring.closed && ring.points.count >= 4 {
            guard let centre = centroid(ring.points, closed: true) else { continue }
            let area = abs(signedArea(ring.points))
            weight += area
            lon += centre.lon * area
            lat += centre.lat * area
        }
        if weight > 0 { return LonLat(lon: lon / weight, lat: lat / weight) }
        return centroid(rings.flatMap(\.points), closed: false)
    }

    static func signedArea(_ ring: [LonLat]) -> Double {
        guard let origin = ring.first, ring.count >= 4 else { return 0 }
        var sum = 0.0
        for index in 0..<(ring.count - 1) {
            let x0 = ring[index].lon - origin.lon, y0 = ring[index].lat - origin.lat
            let x1 = ring[index + 1].lon - origin.lon, y1 = ring[index + 1].lat - origin.lat
            sum += x0 * y1 - x1 * y0
        }
        return sum / 2
    }

    /// The area centroid of a closed ring (shoelace, in degrees: the areas are small, so the
    /// skew is negligible), else the mean of the points.
    static func centroid(_ points: [LonLat], closed: Bool) -> LonLat? {
        guard let origin = points.first else { return nil }
        if closed, points.count >= 4 {
            var area2 = 0.0
            var cx = 0.0
            var cy = 0.0
            for index in 0..<(points.count - 1) {
                // Relative to the first vertex, for precision.
                let x0 = points[index].lon - origin.lon, y0 = points[index].lat - origin.lat
                let x1 = points[index + 1].lon - origin.lon, y1 = points[index + 1].lat - origin.lat
                let cross = x0 * y1 - x1 * y0
                area2 += cross
                cx += (x0 + x1) * cross
                cy += (y0 + y1) * cross
            }
            if abs(area2) > 1e-18 {
                return LonLat(lon: origin.lon + cx / (3 * area2), lat: origin.lat + cy / (3 * area2))
            }
        }
        let count = Double(points.count)
        return LonLat(lon: points.reduce(0) { $0 + $1.lon } / count, lat: points.reduce(0) { $0 + $1.lat } / count)
    }
}
