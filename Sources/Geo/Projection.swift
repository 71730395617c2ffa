import CProj

/// WGS84 lon/lat ⇄ British National Grid through one PROJ transformation.
///
/// Debian's proj-data ships no OSTN15 grid and the network is off, so PROJ picks
/// "Inverse of OSGB36 to WGS 84 (6) + British National Grid": a 7-parameter Helmert
/// good to about 2 m. `operationName` says which operation was really used.
/// Not Sendable: each task makes its own (it owns its own PROJ context).
public final class Projection {
    public static let wgs84 = "EPSG:4326"
    public static let britishNationalGrid = "EPSG:27700"

    private let context: ProjContext
    private let transform: OpaquePointer
    public let sourceCRS: String
    public let targetCRS: String

    /// A transformation between two CRSs, axis order normalised to x = lon/easting.
    public init(from sourceCRS: String, to targetCRS: String) throws {
        let context = try ProjContext()
        guard let raw = proj_create_crs_to_crs(context.handle, sourceCRS, targetCRS, nil) else {
            throw ProjectionError.crsNotFound(source: sourceCRS, target: targetCRS,
                               message: context.errorText(proj_context_errno(context.handle)))
        }
        guard let normalised = proj_normalize_for_visualization(context.handle, raw) else {
            let text = context.errorText(proj_context_errno(context.handle))
            proj_destroy(raw)
            throw ProjectionError.crsNotFound(source: sourceCRS, target: targetCRS, message: text)
        }
        proj_destroy(raw)
        self.context = context
        self.transform = normalised
        self.sourceCRS = sourceCRS
        self.targetCRS = targetCRS
    }

    /// WGS84 lon/lat to British National Grid.
    public static func bng() throws -> Projection {
        try Projection(from: wgs84, to: britishNationalGrid)
    }

    deinit {
        proj_destroy(transform)
    }

    /// The name of the operation PROJ used for the last transform, or nil before any.
    public var operationName: String? {
        guard let op = proj_trans_get_last_used_operation(transform) else { return nil }
        defer { proj_destroy(op) }
        guard let name = proj_get_name(op) else { return nil }
        return String(cString: name)
    }

    /// Transforms one (x, y) in the forward or inverse direction, checking PROJ's error state.
    public func transform(x: Double, y: Double, inverse: Bool = false) throws -> (x: Double, y: Double) {
        guard x.isFinite, y.isFinite else {
            throw ProjectionError.transformFailed(input: "(\(x), \(y))", message: "coordinates must be finite numbers")
        }
        proj_errno_reset(transform)
        let input = proj_coord(x, y, 0, 0)
        let output = proj_trans(transform, inverse ? PJ_INV : PJ_FWD, input)
        let code = proj_errno(transform)
        let ox = output.xy.x
        let oy = output.xy.y
        if code != 0 || !ox.isFinite || !oy.isFinite {
            proj_errno_reset(transform)
            throw ProjectionError.transformFailed(input: "(\(x), \(y))",
                                   message: code != 0 ? context.errorText(code) : "result is not finite")
        }
        return (ox, oy)
    }

    /// WGS84 → BNG. Latitude outside ±90° or longitude outside ±180° is refused.
    public func grid(_ point: LonLat) throws -> GridPoint {
        guard (-180...180).contains(point.lon), (-90...90).contains(point.lat) else {
            throw ProjectionError.transformFailed(input: point.description,
                                   message: "longitude must be within ±180° and latitude within ±90°")
        }
        let out = try transform(x: point.lon, y: point.lat)
        return GridPoint(easting: out.x, northing: out.y)
    }

    /// BNG → WGS84.
    public func lonLat(_ point: GridPoint) throws -> LonLat {
        let out = try transform(x: point.easting, y: point.northing, inverse: true)
        return LonLat(lon: out.x, lat: out.y)
    }

    /// Many points at once; fails on the first bad point, naming its index.
    public func grid(_ points: [LonLat]) throws -> [GridPoint] {
        var out: [GridPoint] = []
        out.reserveCapacity(points.count)
        for (index, point) in points.enumerated() {
            do {
                out.append(try grid(point))
            } catch {
                throw Self.indexed(error, index)
            }
        }
        return out
    }

    public func lonLat(_ points: [GridPoint]) throws -> [LonLat] {
        var out: [LonLat] = []
        out.reserveCapacity(points.count)
        for (index, point) in points.enumerated() {
            do {
                out.append(try lonLat(point))
            } catch {
                throw Self.indexed(error, index)
            }
        }
        return out
    }

    private static func indexed(_ error: any Error, _ index: Int) -> any Error {
        if case let .transformFailed(input, message)? = error as? ProjectionError {
            return ProjectionError.transformFailed(input: "point \(index) \(input)", message: message)
        }
        return error
    }
}
