import CGEOS

/// A geometry indexed for many predicate tests against it (e.g. thousands of points in one patch).
/// It keeps its base geometry alive, since GEOS's prepared geometry only refers to it.
public final class PreparedGeometry {
    public let base: Geometry
    private let prepared: OpaquePointer

    public init(_ base: Geometry) throws {
        base.context.clearMessages()
        guard let prepared = GEOSPrepare_r(base.context.handle, base.raw) else {
            throw base.context.failure("prepare")
        }
        self.base = base
        self.prepared = prepared
    }

    deinit {
        GEOSPreparedGeom_destroy_r(base.context.handle, prepared)
    }

    public func contains(_ other: Geometry) throws -> Bool {
        try test(other, "prepared contains", GEOSPreparedContains_r)
    }

    public func covers(_ other: Geometry) throws -> Bool {
        try test(other, "prepared covers", GEOSPreparedCovers_r)
    }

    public func intersects(_ other: Geometry) throws -> Bool {
        try test(other, "prepared intersects", GEOSPreparedIntersects_r)
    }

    /// Whether the base contains a point, without the caller making a geometry for it.
    public func contains(_ point: GridPoint) throws -> Bool {
        try contains(Geometry.point(point, context: base.context))
    }

    /// Whether the base covers a point (boundary included).
    public func covers(_ point: GridPoint) throws -> Bool {
        try covers(Geometry.point(point, context: base.context))
    }

    private func test(_ other: Geometry, _ name: String,
                      _ predicate: (GEOSContextHandle_t?, OpaquePointer?, OpaquePointer?) -> CChar) throws -> Bool {
        let context = base.context
        try context.require(other, name)
        context.clearMessages()
        return try context.predicate(predicate(context.handle, prepared, other.raw), name)
    }
}

extension Geometry {
    /// This geometry prepared for many tests; see `PreparedGeometry`.
    public func prepared() throws -> PreparedGeometry {
        try PreparedGeometry(self)
    }
}
