import CGEOS

/// Turns `PlanarGeometry` into GEOS geometries. Every function returns a geometry the caller owns;
/// on failure it has already freed whatever it made, so nothing leaks and nothing is freed twice.
/// Coordinates are checked here first, so that GEOS's constructors are never asked to fail.
struct GeometryBuilder {
    let context: GEOSContext
    private var handle: GEOSContextHandle_t { context.handle }

    func build(_ value: PlanarGeometry, path: String) throws -> OpaquePointer {
        switch value {
        case let .point(point):
            try check(point, path: path)
            return try made(GEOSGeom_createPointFromXY_r(handle, point.easting, point.northing), path)
        case let .lineString(points):
            return try lineString(points, path: path)
        case let .polygon(rings):
            return try polygon(rings, path: path)
        case let .multiPoint(points):
            return try collection(GEOS_MULTIPOINT, points.count, path: path) { index in
                try build(.point(points[index]), path: "\(path) point \(index)")
            }
        case let .multiLineString(lines):
            return try collection(GEOS_MULTILINESTRING, lines.count, path: path) { index in
                try lineString(lines[index], path: "\(path) line \(index)")
            }
        case let .multiPolygon(polygons):
            return try collection(GEOS_MULTIPOLYGON, polygons.count, path: path) { index in
                try polygon(polygons[index], path: "\(path) polygon \(index)")
            }
        case let .geometryCollection(members):
            return try collection(GEOS_GEOMETRYCOLLECTION, members.count, path: path) { index in
                try build(members[index], path: "\(path) member \(index)")
            }
        }
    }

    private func lineString(_ points: [GridPoint], path: String) throws -> OpaquePointer {
        if points.isEmpty { return try made(GEOSGeom_createEmptyLineString_r(handle), path) }
        guard points.count >= 2 else {
            throw GeometryError.invalidCoordinates(path: path, reason: "a line needs at least 2 points, got 1")
        }
        // The line takes ownership of the sequence, also when it fails.
        return try made(GEOSGeom_createLineString_r(handle, try sequence(points, path: path)), path)
    }

    private func ring(_ points: [GridPoint], path: String) throws -> OpaquePointer {
        guard points.count >= 4 else {
            throw GeometryError.invalidCoordinates(path: path, reason: "a ring needs at least 4 points, got \(points.count)")
        }
        guard points.first == points.last else {
            throw GeometryError.invalidCoordinates(
                path: path, reason: "ring is not closed: first \(points[0]) differs from last \(points[points.count - 1])")
        }
        return try made(GEOSGeom_createLinearRing_r(handle, try sequence(points, path: path)), path)
    }

    private func polygon(_ rings: [[GridPoint]], path: String) throws -> OpaquePointer {
        if rings.isEmpty { return try made(GEOSGeom_createEmptyPolygon_r(handle), path) }
        var built: [OpaquePointer?] = []
        built.reserveCapacity(rings.count)
        do {
            for (index, points) in rings.enumerated() {
                built.append(try ring(points, path: "\(path) ring \(index)"))
            }
        } catch {
            for ring in built { GEOSGeom_destroy_r(handle, ring) }
            throw error
        }
        // GEOS refuses only non-rings before taking them over; these are rings, so from here
        // the polygon owns them whether or not it succeeds.
        let result = built.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createPolygon_r(handle, buffer[0], buffer.baseAddress! + 1, UInt32(buffer.count - 1))
        }
        return try made(result, path)
    }

    private func collection(_ type: GEOSGeomTypes, _ count: Int, path: String,
                            member: (Int) throws -> OpaquePointer) throws -> OpaquePointer {
        var members: [OpaquePointer?] = []
        members.reserveCapacity(count)
        do {
            for index in 0..<count { members.append(try member(index)) }
        } catch {
            for made in members { GEOSGeom_destroy_r(handle, made) }
            throw error
        }
        // The collection takes the members over (each is of the kind it expects); the array stays ours.
        let result = members.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createCollection_r(handle, Int32(type.rawValue), buffer.baseAddress, UInt32(buffer.count))
        }
        return try made(result, path)
    }

    private func sequence(_ points: [GridPoint], path: String) throws -> OpaquePointer {
        var flat: [Double] = []
        flat.reserveCapacity(points.count * 2)
        for (index, point) in points.enumerated() {
            try check(point, path: "\(path) point \(index)")
            flat.append(point.easting)
            flat.append(point.northing)
        }
        let sequence = GEOSCoordSeq_copyFromBuffer_r(handle, flat, UInt32(points.count), 0, 0)
        guard let sequence else { throw context.failure("coordinate sequence for \(path)") }
        return sequence
    }

    private func check(_ point: GridPoint, path: String) throws {
        guard point.isFinite else {
            throw GeometryError.invalidCoordinates(path: path, reason: "coordinates must be finite, got \(point)")
        }
    }

    private func made(_ raw: OpaquePointer?, _ path: String) throws -> OpaquePointer {
        guard let raw else { throw context.failure("building \(path)") }
        return raw
    }
}
