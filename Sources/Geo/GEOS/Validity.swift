import CGEOS

/// GEOS's verdict on a geometry: valid, or why not and where.
public struct ValidityReport: Hashable, Sendable {
    public var isValid: Bool
    /// GEOS's reason, e.g. "Self-intersection"; nil when valid.
    public var reason: String?
    /// Where the problem is, when GEOS says.
    public var location: GridPoint?
}

extension Geometry {
    public func isValid() throws -> Bool {
        context.clearMessages()
        return try context.predicate(GEOSisValid_r(context.handle, raw), "isValid")
    }

    /// Validity with GEOS's reason and location (GEOSisValidDetail).
    public func validity() throws -> ValidityReport {
        context.clearMessages()
        var reason: UnsafeMutablePointer<CChar>?
        var location: OpaquePointer?
        let result = GEOSisValidDetail_r(context.handle, raw, 0, &reason, &location)
        defer {
            if let reason { GEOSFree_r(context.handle, reason) }
            if let location { GEOSGeom_destroy_r(context.handle, location) }
        }
        let valid = try context.predicate(result, "isValidDetail")
        var point: GridPoint?
        if let location, case let .point(found) = try GeometryReader(context: context).read(location) {
            point = found
        }
        return ValidityReport(isValid: valid, reason: valid ? nil : reason.map { String(cString: $0) }, location: point)
    }

    /// A valid geometry covering the same area (GEOS's make-valid); a bow-tie becomes two triangles.
    public func madeValid() throws -> Geometry {
        context.clearMessages()
        return try context.own(GEOSMakeValid_r(context.handle, raw), "make valid")
    }
}
