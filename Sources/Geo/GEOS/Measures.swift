import CGEOS

extension Geometry {
    /// Area in square metres (zero for points and lines).
    public func areaSquareMetres() throws -> Double {
        try measure("area") { GEOSArea_r(context.handle, raw, $0) }
    }

    /// Length in metres: the perimeter of a polygon, the length of a line.
    public func lengthMetres() throws -> Double {
        try measure("length") { GEOSLength_r(context.handle, raw, $0) }
    }

    /// The shortest distance in metres between the two geometries.
    public func distanceMetres(to other: Geometry) throws -> Double {
        try context.require(other, "distance")
        return try measure("distance") { GEOSDistance_r(context.handle, raw, other.raw, $0) }
    }

    /// The closest pair of points: the first on this geometry, the second on `other`.
    public func nearestPoints(to other: Geometry) throws -> (GridPoint, GridPoint) {
        try context.require(other, "nearest points")
        context.clearMessages()
        guard let sequence = GEOSNearestPoints_r(context.handle, raw, other.raw) else {
            throw context.failure("nearest points")
        }
        defer { GEOSCoordSeq_destroy_r(context.handle, sequence) }
        var flat = [Double](repeating: 0, count: 4)
        try context.status(GEOSCoordSeq_copyToBuffer_r(context.handle, sequence, &flat, 0, 0), "nearest points")
        return (GridPoint(easting: flat[0], northing: flat[1]), GridPoint(easting: flat[2], northing: flat[3]))
    }

    private func measure(_ name: String, _ call: (UnsafeMutablePointer<Double>) -> Int32) throws -> Double {
        context.clearMessages()
        var value = 0.0
        try context.status(call(&value), name)
        return value
    }
}
