import CGEOS

/// Reads GEOS geometries (borrowed, never freed here) back into `PlanarGeometry`.
struct GeometryReader {
    let context: GEOSContext
    private var handle: GEOSContextHandle_t { context.handle }

    func read(_ raw: OpaquePointer) throws -> PlanarGeometry {
        let id = GEOSGeomTypeId_r(handle, raw)
        guard let kind = GeometryKind(rawValue: id) else { throw context.failure("reading the type") }
        switch kind {
        case .point:
            guard let point = try coordinates(raw).first else {
                throw GeometryError.unexpectedType(operation: "reading coordinates", expected: "a non-empty point",
                                                   found: "an empty point")
            }
            return .point(point)
        case .lineString, .linearRing:
            return .lineString(try coordinates(raw))
        case .polygon:
            return .polygon(try rings(raw))
        case .multiPoint:
            return .multiPoint(try members(raw).map { member in
                guard let point = try coordinates(member).first else {
                    throw GeometryError.unexpectedType(operation: "reading a multipoint", expected: "non-empty points",
                                                       found: "an empty point")
                }
                return point
            })
        case .multiLineString:
            return .multiLineString(try members(raw).map { try coordinates($0) })
        case .multiPolygon:
            return .multiPolygon(try members(raw).map { try rings($0) })
        case .geometryCollection:
            return .geometryCollection(try members(raw).map { try read($0) })
        }
    }

    /// The parts of a collection, borrowed from it.
    func members(_ raw: OpaquePointer) throws -> [OpaquePointer] {
        let count = GEOSGetNumGeometries_r(handle, raw)
        guard count >= 0 else { throw context.failure("counting parts") }
        return try (0..<count).map { index in
            guard let part = GEOSGetGeometryN_r(handle, raw, index) else { throw context.failure("part \(index)") }
            return part
        }
    }

    /// Exterior ring first, then holes; an empty polygon has no rings.
    func rings(_ raw: OpaquePointer) throws -> [[GridPoint]] {
        if try context.predicate(GEOSisEmpty_r(handle, raw), "isEmpty") { return [] }
        guard let shell = GEOSGetExteriorRing_r(handle, raw) else { throw context.failure("exterior ring") }
        let holeCount = GEOSGetNumInteriorRings_r(handle, raw)
        guard holeCount >= 0 else { throw context.failure("counting holes") }
        var rings = [try coordinates(shell)]
        for index in 0..<holeCount {
            guard let hole = GEOSGetInteriorRingN_r(handle, raw, index) else { throw context.failure("hole \(index)") }
            rings.append(try coordinates(hole))
        }
        return rings
    }

    /// The x/y of a point, line string or ring (z and m are dropped).
    func coordinates(_ raw: OpaquePointer) throws -> [GridPoint] {
        guard let sequence = GEOSGeom_getCoordSeq_r(handle, raw) else { throw context.failure("coordinate sequence") }
        var size: UInt32 = 0
        try context.status(GEOSCoordSeq_getSize_r(handle, sequence, &size), "coordinate count")
        if size == 0 { return [] }
        var flat = [Double](repeating: 0, count: Int(size) * 2)
        try context.status(GEOSCoordSeq_copyToBuffer_r(handle, sequence, &flat, 0, 0), "copying coordinates")
        return (0..<Int(size)).map { GridPoint(easting: flat[2 * $0], northing: flat[2 * $0 + 1]) }
    }
}

extension Geometry {
    /// The points of a point, line string or ring.
    public func coordinates() throws -> [GridPoint] {
        let kind = try kind()
        guard [.point, .lineString, .linearRing].contains(kind) else {
            throw GeometryError.unexpectedType(operation: "coordinates", expected: "a point, line string or ring",
                                               found: "\(kind)")
        }
        context.clearMessages()
        return try GeometryReader(context: context).coordinates(raw)
    }

    /// The rings of a polygon, exterior first.
    public func rings() throws -> [[GridPoint]] {
        let kind = try kind()
        guard kind == .polygon else {
            throw GeometryError.unexpectedType(operation: "rings", expected: "a polygon", found: "\(kind)")
        }
        context.clearMessages()
        return try GeometryReader(context: context).rings(raw)
    }
}
