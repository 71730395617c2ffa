/// Moves geometries between the edges (GeoJSON, WGS84 lon/lat) and the inside (GEOS, BNG metres).
extension GeoJSONGeometry {
    public func planar(using projection: Projection) throws -> PlanarGeometry {
        switch self {
        case let .point(p): return .point(try projection.grid(p))
        case let .multiPoint(ps): return .multiPoint(try projection.grid(ps))
        case let .lineString(ps): return .lineString(try projection.grid(ps))
        case let .multiLineString(lines): return .multiLineString(try lines.map { try projection.grid($0) })
        case let .polygon(rings): return .polygon(try rings.map { try projection.grid($0) })
        case let .multiPolygon(polygons): return .multiPolygon(try polygons.map { try $0.map { try projection.grid($0) } })
        case let .geometryCollection(members): return .geometryCollection(try members.map { try $0.planar(using: projection) })
        }
    }

    public func geometry(using projection: Projection, context: GEOSContext) throws -> Geometry {
        try Geometry(planar(using: projection), context: context)
    }
}

extension PlanarGeometry {
    public func geoJSON(using projection: Projection) throws -> GeoJSONGeometry {
        switch self {
        case let .point(p): return .point(try projection.lonLat(p))
        case let .multiPoint(ps): return .multiPoint(try projection.lonLat(ps))
        case let .lineString(ps): return .lineString(try projection.lonLat(ps))
        case let .multiLineString(lines): return .multiLineString(try lines.map { try projection.lonLat($0) })
        case let .polygon(rings): return .polygon(try rings.map { try projection.lonLat($0) })
        case let .multiPolygon(polygons): return .multiPolygon(try polygons.map { try $0.map { try projection.lonLat($0) } })
        case let .geometryCollection(members): return .geometryCollection(try members.map { try $0.geoJSON(using: projection) })
        }
    }
}

extension Geometry {
    /// The geometry as RFC 7946 GeoJSON (winding is fixed by the writer).
    public func geoJSON(using projection: Projection) throws -> GeoJSONGeometry {
        try planar().geoJSON(using: projection)
    }
}
