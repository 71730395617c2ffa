import CGEOS

extension Geometry {
    /// Simplifies with Douglas–Peucker while keeping the topology (no new self-intersections,
    /// holes stay inside). `toleranceMetres` is the largest distance a vertex may move.
    public func simplified(toleranceMetres: Double) throws -> Geometry {
        context.clearMessages()
        return try context.own(GEOSTopologyPreserveSimplify_r(context.handle, raw, toleranceMetres), "simplify")
    }

    public func convexHull() throws -> Geometry {
        context.clearMessages()
        return try context.own(GEOSConvexHull_r(context.handle, raw), "convex hull")
    }

    /// The centre of mass as a point geometry (an empty point for an empty geometry).
    public func centroid() throws -> Geometry {
        context.clearMessages()
        return try context.own(GEOSGetCentroid_r(context.handle, raw), "centroid")
    }

    /// The centre of mass as coordinates.
    public func centroidPoint() throws -> GridPoint {
        guard case let .point(point) = try centroid().planar() else {
            throw GeometryError.unexpectedType(operation: "centroid", expected: "a point", found: "another kind")
        }
        return point
    }
}
