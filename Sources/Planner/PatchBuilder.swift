import Foundation
import Geo
import Streets

/// The schools one patch is built around.
public struct PatchGroup: Hashable, Sendable {
    public var id: String
    public var name: String
    public var schools: [String]

    public init(id: String, name: String, schools: [String]) {
        self.id = id
        self.name = name
        self.schools = schools
    }

    /// One group per `--group "id=School A,School B"`, then one per remaining school (id from its name).
    public static func groups(schools: [String], explicit: [String]) throws -> [PatchGroup] {
        var groups: [PatchGroup] = []
        var grouped = Set<String>()
        for text in explicit {
            guard let equals = text.firstIndex(of: "=") else {
                throw AreaError(file: "--group", message: "\"\(text)\" must look like \"patch-id=School 1,School 2\"")
            }
            let id = text[..<equals].trimmingCharacters(in: .whitespaces)
            let members = text[text.index(after: equals)...].split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !id.isEmpty, !members.isEmpty else {
                throw AreaError(file: "--group", message: "\"\(text)\" needs an id and at least one school")
            }
            groups.append(PatchGroup(id: id, name: id, schools: members))
            grouped.formUnion(members)
        }
        for school in schools where !grouped.contains(school) {
            groups.append(PatchGroup(id: Area.slug(school), name: school, schools: [school]))
        }
        var seen = Set<String>()
        for group in groups where !seen.insert(group.id).inserted {
            throw AreaError(file: "--group", message: "patch id \"\(group.id)\" is used twice")
        }
        return groups
    }
}

/// How patches are drawn from catchments.
public struct PatchBuildOptions: Sendable {
    /// Streets farther than this by travel time from every school of a group belong to no patch.
    public var maxMinutes: Double = 8
    /// Half-width of the band drawn around each street.
    public var streetBufferMetres: Double = 60
    /// Buffering out then in by this much closes gaps between streets and rounds the outline.
    public var smoothingMetres: Double = 100
    public var simplifyToleranceMetres: Double = 5
    /// Holes and detached parts smaller than this are dropped: a patch is swept as one piece.
    public var minimumPieceSquareMetres: Double = 20_000
    /// A school farther than this from every street is outside the imported streets: its catchment would be someone else's.
    public var schoolSnapLimitMetres: Double = 500

    public init() {}
}

/// A built patch with the catchment it came from.
public struct BuiltPatch: Sendable {
    public let patch: Patch
    /// Drivable edges nearest (by travel time) to this patch's schools.
    public let catchmentEdges: [Int]
    /// Each school's snapped point on the network, in BNG metres.
    public let schoolPoints: [GridPoint]
}

/// Builds patch polygons around schools from their network catchments.
public struct PatchBuilder {
    public let network: StreetNetwork
    public let projection: Projection
    public let context: GEOSContext

    public init(network: StreetNetwork, projection: Projection, context: GEOSContext) {
        self.network = network
        self.projection = projection
        self.context = context
    }

    /// Builds one patch per group. Later patches are clipped by earlier ones, so none overlap.
    public func build(groups: [PatchGroup], schools: [School], options: PatchBuildOptions = PatchBuildOptions()) throws -> [BuiltPatch] {
        let byName = Dictionary(schools.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let snapper = StreetSnapper(network: network)
        let search = PathSearch(network: network)
        // Best travel time (seconds) to each node from any school of each group.
        var nodeTimes: [[Double]] = []
        var schoolPoints: [[GridPoint]] = []
        for group in groups {
            var best = [Double](repeating: .infinity, count: network.nodeCount)
            var points: [GridPoint] = []
            for name in group.schools {
                guard let school = byName[name] else {
                    throw AreaError(file: "schools.geojson", message: "no school is named \"\(name)\"",
                                    hint: "names must match schools.geojson exactly", exitCode: .usage)
                }
                guard let snap = snapper.snap(try projection.grid(school.position)) else {
                    throw AreaError(file: "streets.geojson", message: "no street to snap \"\(name)\" to")
                }
                guard snap.distanceMetres <= options.schoolSnapLimitMetres else {
                    throw AreaError(file: "streets.geojson", message: "\"\(name)\" is \(Int(snap.distanceMetres.rounded())) m from the nearest street",
                                    hint: "the streets do not reach this school yet; import a larger extract")
                }
                points.append(snap.point)
                let edge = network.edges[snap.edge]
                // The school sits part-way along its street: reaching either end costs that part of the street.
                let starts = [(edge.fromNode, snap.fraction * edge.durationSeconds),
                              (edge.toNode, (1 - snap.fraction) * edge.durationSeconds)]
                for (node, offset) in starts {
                    let times = search.distances(from: node)
                    for index in 0..<times.count where times[index] + offset < best[index] {
                        best[index] = times[index] + offset
                    }
                }
            }
            nodeTimes.append(best)
            schoolPoints.append(points)
        }
        let limit = options.maxMinutes * 60
        var catchments = [[Int]](repeating: [], count: groups.count)
        for edgeIndex in 0..<network.edgeCount {
            let edge = network.edges[edgeIndex]
            var owner = -1
            var ownerTime = Double.infinity
            for group in groups.indices {
                // Time to the middle of the street, entering from whichever end is sooner.
                let time = min(nodeTimes[group][edge.fromNode], nodeTimes[group][edge.toNode]) + edge.durationSeconds / 2
                if time <= limit, time < ownerTime {
                    owner = group
                    ownerTime = time
                }
            }
            if owner >= 0 { catchments[owner].append(edgeIndex) }
        }
        var built: [BuiltPatch] = []
        var taken: Geometry?
        for (index, group) in groups.enumerated() {
            var outline = try smoothedOutline(edges: catchments[index], points: schoolPoints[index], options: options)
            if let taken {
                outline = try outline.difference(taken).madeValid()
            }
            outline = try Self.tidied(outline, minimumPieceSquareMetres: options.minimumPieceSquareMetres, context: context)
            taken = try taken.map { try $0.union(outline) } ?? outline
            let patch = Patch(id: group.id, name: group.name, schools: group.schools, outline: try outline.geoJSON(using: projection))
            built.append(BuiltPatch(patch: patch, catchmentEdges: catchments[index], schoolPoints: schoolPoints[index]))
        }
        return built
    }

    func smoothedOutline(edges: [Int], points: [GridPoint], options: PatchBuildOptions) throws -> Geometry {
        var lines: [Geometry] = []
        for edge in edges {
            let geometry = Array(network.geometry(ofEdge: edge))
            if geometry.count >= 2 { lines.append(try Geometry.lineString(geometry, context: context)) }
        }
        // The schools themselves are always inside, even with no street in reach.
        for point in points { lines.append(try Geometry.lineString([point, GridPoint(easting: point.easting + 1, northing: point.northing)], context: context)) }
        let streets = try Geometry.collection(lines, kind: .multiLineString, context: context)
        let band = try streets.buffer(metres: options.streetBufferMetres)
        let smooth = try band.buffer(metres: options.smoothingMetres).buffer(metres: -options.smoothingMetres)
        // Closing can only grow the band, but floating point can nick it: keep the band itself inside.
        return try smooth.union(band).simplified(toleranceMetres: options.simplifyToleranceMetres).madeValid()
    }

    /// Drops slivers, small detached parts and small holes; returns a Polygon, or a MultiPolygon
    /// when more than one large part remains.
    static func tidied(_ geometry: Geometry, minimumPieceSquareMetres: Double, context: GEOSContext) throws -> Geometry {
        var polygons: [[[GridPoint]]] = []
        func collect(_ value: PlanarGeometry) {
            switch value {
            case let .polygon(rings): polygons.append(rings)
            case let .multiPolygon(list): polygons += list
            case let .geometryCollection(members): members.forEach(collect)
            default: break
            }
        }
        collect(try geometry.planar())
        var kept: [[[GridPoint]]] = []
        for rings in polygons {
            guard let exterior = rings.first else { continue }
            let holes = rings.dropFirst().filter { Self.ringAreaSquareMetres($0) >= minimumPieceSquareMetres }
            kept.append([exterior] + holes)
        }
        kept.sort { Self.ringAreaSquareMetres($0[0]) > Self.ringAreaSquareMetres($1[0]) }
        guard let largest = kept.first else { return try Geometry(.polygon([]), context: context) }
        let large = [largest] + kept.dropFirst().filter { Self.ringAreaSquareMetres($0[0]) >= minimumPieceSquareMetres }
        let value: PlanarGeometry = large.count == 1 ? .polygon(large[0]) : .multiPolygon(large)
        return try Geometry(value, context: context).madeValid()
    }

    /// Shoelace area of a closed ring, unsigned.
    static func ringAreaSquareMetres(_ ring: [GridPoint]) -> Double {
        guard ring.count >= 4 else { return 0 }
        var twice = 0.0
        for (a, b) in zip(ring, ring.dropFirst()) {
            twice += a.easting * b.northing - b.easting * a.northing
        }
        return abs(twice) / 2
    }

    /// The schools of an area folder (schools.geojson), for naming them on the command line.
    public static func schools(in folder: URL) throws -> [School] {
        try Area.readFeatures(folder, "schools.geojson", required: true).enumerated().compactMap { index, feature in
            try Area.school(feature, index: index, file: Area.display(folder, "schools.geojson"))
        }
    }

    /// The patches as RFC 7946 GeoJSON with `id`, `name` and `schools`.
    public static func featureCollection(_ patches: [Patch]) -> FeatureCollection {
        FeatureCollection(features: patches.map { patch in
            Feature(geometry: patch.outline, properties: [
                "id": .string(patch.id),
                "name": .string(patch.name),
                "schools": .array(patch.schools.map { .string($0) }),
            ])
        })
    }
}
