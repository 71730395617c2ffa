import CGEOS

extension Geometry {
    public func union(_ other: Geometry) throws -> Geometry {
        try binary(other, "union", GEOSUnion_r)
    }

    public func intersection(_ other: Geometry) throws -> Geometry {
        try binary(other, "intersection", GEOSIntersection_r)
    }

    /// This geometry minus `other`.
    public func difference(_ other: Geometry) throws -> Geometry {
        try binary(other, "difference", GEOSDifference_r)
    }

    /// Dissolves this geometry's own parts into one (GEOS's unary union).
    public func unaryUnion() throws -> Geometry {
        context.clearMessages()
        return try context.own(GEOSUnaryUnion_r(context.handle, raw), "unary union")
    }

    /// The union of many geometries at once, which is much faster than folding `union(_:)`.
    /// The inputs are copied into one collection and stay untouched. No geometries gives an empty collection.
    public static func unaryUnion(_ geometries: [Geometry], context: GEOSContext) throws -> Geometry {
        try collection(geometries, context: context).unaryUnion()
    }

    typealias BinaryOperation = (GEOSContextHandle_t?, OpaquePointer?, OpaquePointer?) -> OpaquePointer?

    func binary(_ other: Geometry, _ name: String, _ operation: BinaryOperation) throws -> Geometry {
        try context.require(other, name)
        context.clearMessages()
        return try context.own(operation(context.handle, raw, other.raw), name)
    }
}
