import CGEOS

/// How a buffer rounds its corners and ends (GEOS's buffer parameters).
public struct BufferStyle: Hashable, Sendable {
    public enum EndCap: Int32, Sendable { case round = 1, flat = 2, square = 3 }
    public enum Join: Int32, Sendable { case round = 1, mitre = 2, bevel = 3 }

    /// Segments per quarter circle. GEOS's default 8 makes a 32-gon, about 0.64 % short of πr².
    public var quadrantSegments: Int
    public var endCap: EndCap
    public var join: Join
    public var mitreLimit: Double

    public init(quadrantSegments: Int = 8, endCap: EndCap = .round, join: Join = .round, mitreLimit: Double = 5) {
        self.quadrantSegments = quadrantSegments
        self.endCap = endCap
        self.join = join
        self.mitreLimit = mitreLimit
    }
}

extension Geometry {
    /// Everything within `metres` of this geometry, arcs drawn with `quadrantSegments` per quarter.
    public func buffer(metres: Double, quadrantSegments: Int = 8) throws -> Geometry {
        context.clearMessages()
        return try context.own(GEOSBuffer_r(context.handle, raw, metres, Int32(quadrantSegments)), "buffer")
    }

    /// A buffer with explicit end caps and joins (flat ends for streets, mitred corners for blocks).
    public func buffer(metres: Double, style: BufferStyle) throws -> Geometry {
        context.clearMessages()
        let handle = context.handle
        guard let params = GEOSBufferParams_create_r(handle) else { throw context.failure("buffer parameters") }
        defer { GEOSBufferParams_destroy_r(handle, params) }
        try context.status(GEOSBufferParams_setQuadrantSegments_r(handle, params, Int32(style.quadrantSegments)),
                           "buffer quadrant segments")
        try context.status(GEOSBufferParams_setEndCapStyle_r(handle, params, style.endCap.rawValue), "buffer end cap")
        try context.status(GEOSBufferParams_setJoinStyle_r(handle, params, style.join.rawValue), "buffer join")
        try context.status(GEOSBufferParams_setMitreLimit_r(handle, params, style.mitreLimit), "buffer mitre limit")
        return try context.own(GEOSBufferWithParams_r(handle, raw, params, metres), "buffer")
    }
}
