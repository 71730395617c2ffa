import Geo

/// Streets cut into segments between junctions, each with its length.
extension OSMImporter {
    /// Cuts each street into segments at junctions and at nodes missing from the file, and hands them on
    /// in way order.
    func writeSegments(of streets: [KeptWay], coordinates: [Int64: OSMCoordinate],
                       statistics: inout OSMImportStatistics, to street: (OSMStreetSegment) throws -> Void) throws {
        let usage = Self.nodeUsage(streets)
        let projection = try Projection.bng()
        for way in streets {
            let pieces = Self.pieces(of: way.refs, usage: usage, coordinates: coordinates,
                                     missingNodeRefs: &statistics.missingNodeRefs)
            for piece in pieces {
                let segment = try Self.segment(piece, of: way, coordinates: coordinates, projection: projection)
                statistics.segments += 1
                if segment.scanOnly {
                    statistics.scanOnlyMetres += segment.lengthMetres
                } else {
                    statistics.drivableMetres += segment.lengthMetres
                }
                try street(segment)
            }
        }
    }

    /// One piece of a way as a segment; every node of a piece has coordinates (pieces are cut around
    /// missing nodes) and there are at least two.
    static func segment(_ piece: [Int64], of way: KeptWay, coordinates: [Int64: OSMCoordinate],
                        projection: Projection) throws -> OSMStreetSegment {
        let points = piece.compactMap { ref in coordinates[ref].map { LonLat(lon: $0.lon, lat: $0.lat) } }
        return OSMStreetSegment(wayID: way.id, fromNode: piece[0], toNode: piece[piece.count - 1],
                                attributes: way.attributes, coordinates: points,
                                lengthMetres: try lengthMetres(points, projection: projection))
    }

    /// How many times the kept streets use each node: a node used twice (by two ways, or twice by one)
    /// is a junction.
    static func nodeUsage(_ streets: [KeptWay]) -> [Int64: Int] {
        var usage: [Int64: Int] = [:]
        for way in streets {
            for ref in way.refs { usage[ref, default: 0] += 1 }
        }
        return usage
    }

    /// A way's node refs cut into pieces of two or more nodes: at every junction inside the way (the
    /// junction node ends one piece and starts the next), and around nodes missing from the file (a
    /// clipped extract, where the way continues outside it). Way ends always end a piece.
    static func pieces(of refs: [Int64], usage: [Int64: Int], coordinates: [Int64: OSMCoordinate],
                       missingNodeRefs: inout Int) -> [[Int64]] {
        var pieces: [[Int64]] = []
        var piece: [Int64] = []
        func cut() {
            if piece.count >= 2 { pieces.append(piece) }
            piece.removeAll(keepingCapacity: true)
        }
        for (index, ref) in refs.enumerated() {
            guard coordinates[ref] != nil else {
                missingNodeRefs += 1
                cut()
                continue
            }
            piece.append(ref)
            if index > 0, index < refs.count - 1, usage[ref, default: 0] >= 2 {
                cut()
                piece.append(ref)
            }
        }
        cut()
        return pieces
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
}
