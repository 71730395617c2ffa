/// A geometry as plain Swift values, in British National Grid metres (EPSG:27700).
///
/// This is what crosses from GEOS to the rest of patrol (GeoJSON converts through it).
/// Polygons list their exterior ring first, then holes; every ring is closed.
/// An empty `lineString`, `polygon` or multi value stands for GEOS's empty geometry of that kind.
public enum PlanarGeometry: Hashable, Sendable {
    case point(GridPoint)
    case lineString([GridPoint])
    case polygon([[GridPoint]])
    case multiPoint([GridPoint])
    case multiLineString([[GridPoint]])
    case multiPolygon([[[GridPoint]]])
    case geometryCollection([PlanarGeometry])

    /// The name GEOS and GeoJSON use for this kind.
    public var typeName: String {
        switch self {
        case .point: return "Point"
        case .lineString: return "LineString"
        case .polygon: return "Polygon"
        case .multiPoint: return "MultiPoint"
        case .multiLineString: return "MultiLineString"
        case .multiPolygon: return "MultiPolygon"
        case .geometryCollection: return "GeometryCollection"
        }
    }
}

extension Geometry {
    /// Builds a GEOS geometry from plain coordinates, checking them first
    /// (finite numbers, at least two points per line, rings closed with at least four points).
    public convenience init(_ value: PlanarGeometry, context: GEOSContext) throws {
        context.clearMessages()
        let raw = try GeometryBuilder(context: context).build(value, path: value.typeName.lowercased())
        self.init(owning: raw, context: context)
    }

    /// The geometry as plain coordinates. A linear ring reads as a line string.
    public func planar() throws -> PlanarGeometry {
        context.clearMessages()
        return try GeometryReader(context: context).read(raw)
    }

    public static func point(_ point: GridPoint, context: GEOSContext) throws -> Geometry {
        try Geometry(.point(point), context: context)
    }

    public static func lineString(_ points: [GridPoint], context: GEOSContext) throws -> Geometry {
        try Geometry(.lineString(points), context: context)
    }

    /// A polygon from its exterior ring and holes; each ring must be closed.
    public static func polygon(exterior: [GridPoint], holes: [[GridPoint]] = [],
                               context: GEOSContext) throws -> Geometry {
        try Geometry(.polygon([exterior] + holes), context: context)
    }

    /// The axis-aligned rectangle with these corners (a closed five-point ring).
    public static func rectangle(_ bounds: GridBounds, context: GEOSContext) throws -> Geometry {
        try Geometry(.polygon([bounds.ring]), context: context)
    }
}
