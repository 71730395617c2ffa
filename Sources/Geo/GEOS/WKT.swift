import CGEOS

extension Geometry {
    /// Reads Well-Known Text, e.g. `POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))`.
    public convenience init(wkt: String, context: GEOSContext) throws {
        context.clearMessages()
        guard let reader = GEOSWKTReader_create_r(context.handle) else { throw context.failure("WKT reader") }
        defer { GEOSWKTReader_destroy_r(context.handle, reader) }
        guard let raw = GEOSWKTReader_read_r(context.handle, reader, wkt) else {
            throw GeometryError.wktParseFailed(text: String(wkt.prefix(80)), message: context.failureText())
        }
        self.init(owning: raw, context: context)
    }

    /// Writes Well-Known Text in two dimensions.
    /// - Parameters:
    ///   - decimals: digits after the point, or nil for full precision.
    ///   - trim: drop trailing zeros (`1` rather than `1.000000`).
    public func wkt(decimals: Int? = nil, trim: Bool = true) throws -> String {
        context.clearMessages()
        guard let writer = GEOSWKTWriter_create_r(context.handle) else { throw context.failure("WKT writer") }
        defer { GEOSWKTWriter_destroy_r(context.handle, writer) }
        GEOSWKTWriter_setTrim_r(context.handle, writer, trim ? 1 : 0)
        GEOSWKTWriter_setRoundingPrecision_r(context.handle, writer, Int32(decimals ?? -1))
        GEOSWKTWriter_setOutputDimension_r(context.handle, writer, 2)
        guard let text = GEOSWKTWriter_write_r(context.handle, writer, raw) else { throw context.failure("writing WKT") }
        defer { GEOSFree_r(context.handle, text) }
        return String(cString: text)
    }
}

extension Geometry: CustomStringConvertible {
    /// WKT to the millimetre, for logs and test failures.
    public var description: String {
        (try? wkt(decimals: 3)) ?? "<geometry GEOS cannot write>"
    }
}
