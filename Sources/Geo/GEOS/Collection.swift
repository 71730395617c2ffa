import CGEOS

extension Geometry {
    /// A collection of copies of `parts`. GEOS's collection takes its members over, so the members
    /// handed to it are fresh clones: the caller's geometries keep owning (and freeing) their own.
    /// - Parameter kind: `.geometryCollection` or a multi kind matching every part.
    public static func collection(_ parts: [Geometry], kind: GeometryKind = .geometryCollection,
                                  context: GEOSContext) throws -> Geometry {
        let memberKind: [GeometryKind: GeometryKind] = [.multiPoint: .point, .multiLineString: .lineString,
                                                        .multiPolygon: .polygon]
        guard kind == .geometryCollection || memberKind[kind] != nil else {
            throw GeometryError.unexpectedType(operation: "collection", expected: "a collection kind", found: "\(kind)")
        }
        for (index, part) in parts.enumerated() {
            try context.require(part, "collection member \(index)")
            if let expected = memberKind[kind], try part.kind() != expected {
                throw GeometryError.unexpectedType(operation: "\(kind) member \(index)", expected: "\(expected)",
                                                   found: "\(try part.kind())")
            }
        }
        context.clearMessages()
        var clones: [OpaquePointer?] = []
        clones.reserveCapacity(parts.count)
        for part in parts {
            guard let clone = GEOSGeom_clone_r(context.handle, part.raw) else {
                let failure = context.failure("copying a collection member")
                for made in clones { GEOSGeom_destroy_r(context.handle, made) }
                throw failure
            }
            clones.append(clone)
        }
        // From here the collection owns the clones, whether or not it succeeds.
        let raw = clones.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createCollection_r(context.handle, kind.rawValue, buffer.baseAddress, UInt32(buffer.count))
        }
        return try context.own(raw, "collection")
    }
}
