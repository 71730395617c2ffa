import CGEOS

extension Geometry {
    /// True when `other` lies inside this geometry and not only on its boundary.
    public func contains(_ other: Geometry) throws -> Bool {
        try relation(other, "contains", GEOSContains_r)
    }

    /// Like `contains`, but a point on the boundary counts as covered.
    public func covers(_ other: Geometry) throws -> Bool {
        try relation(other, "covers", GEOSCovers_r)
    }

    public func intersects(_ other: Geometry) throws -> Bool {
        try relation(other, "intersects", GEOSIntersects_r)
    }

    public func within(_ other: Geometry) throws -> Bool {
        try relation(other, "within", GEOSWithin_r)
    }

    /// Same point set (topological equality, independent of vertex order).
    public func topologicallyEquals(_ other: Geometry) throws -> Bool {
        try relation(other, "equals", GEOSEquals_r)
    }

    private func relation(_ other: Geometry, _ name: String,
                          _ predicate: (GEOSContextHandle_t?, OpaquePointer?, OpaquePointer?) -> CChar) throws -> Bool {
        try context.require(other, name)
        context.clearMessages()
        return try context.predicate(predicate(context.handle, raw, other.raw), name)
    }
}
