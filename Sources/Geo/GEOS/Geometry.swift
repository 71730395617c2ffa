import CGEOS

/// One GEOS geometry in British National Grid metres.
///
/// It owns its `GEOSGeometry*` and frees it exactly once, unless it is a part borrowed from a
/// collection: then it holds its parent instead, and the parent frees it. It holds its context
/// strongly, so the context outlives every geometry made in it. Not Sendable (GEOS is not).
public final class Geometry {
    let raw: OpaquePointer
    public let context: GEOSContext
    /// Set for a part borrowed out of a collection: the parent owns (and frees) `raw`.
    private let parent: Geometry?

    /// Wraps a geometry that GEOS handed over to us.
    init(owning raw: OpaquePointer, context: GEOSContext) {
        self.raw = raw
        self.context = context
        self.parent = nil
    }

    /// Wraps a part of `parent` without owning it.
    private init(borrowing raw: OpaquePointer, parent: Geometry) {
        self.raw = raw
        self.context = parent.context
        self.parent = parent
    }

    deinit {
        if parent == nil {
            GEOSGeom_destroy_r(context.handle, raw)
        }
    }

    /// Whether this object frees its GEOS geometry (false for a borrowed part).
    public var ownsStorage: Bool { parent == nil }

    /// The GEOS kind of this geometry.
    public func kind() throws -> GeometryKind {
        context.clearMessages()
        let id = GEOSGeomTypeId_r(context.handle, raw)
        guard let kind = GeometryKind(rawValue: id) else { throw context.failure("type id") }
        return kind
    }

    public func isEmpty() throws -> Bool {
        context.clearMessages()
        return try context.predicate(GEOSisEmpty_r(context.handle, raw), "isEmpty")
    }

    /// The number of parts of a collection (1 for a single geometry).
    public func partCount() throws -> Int {
        context.clearMessages()
        let count = GEOSGetNumGeometries_r(context.handle, raw)
        guard count >= 0 else { throw context.failure("number of parts") }
        return Int(count)
    }

    /// Part `index` of a collection, borrowed: it keeps this geometry alive and never frees itself.
    public func part(_ index: Int) throws -> Geometry {
        let count = try partCount()
        guard (0..<count).contains(index) else {
            throw GeometryError.operationFailed(operation: "part \(index)", message: "the geometry has \(count) parts")
        }
        context.clearMessages()
        guard let child = GEOSGetGeometryN_r(context.handle, raw, Int32(index)) else {
            throw context.failure("part \(index)")
        }
        return Geometry(borrowing: child, parent: self)
    }

    /// All parts, borrowed (see `part(_:)`).
    public func parts() throws -> [Geometry] {
        try (0..<partCount()).map { try part($0) }
    }

    /// An independent copy that owns its own storage.
    public func clone() throws -> Geometry {
        context.clearMessages()
        return try context.own(GEOSGeom_clone_r(context.handle, raw), "clone")
    }
}

/// The GEOS geometry type ids (GEOSGeomTypes).
public enum GeometryKind: Int32, Sendable, CaseIterable {
    case point = 0
    case lineString = 1
    case linearRing = 2
    case polygon = 3
    case multiPoint = 4
    case multiLineString = 5
    case multiPolygon = 6
    case geometryCollection = 7
}
