import Foundation
import Geo

/// Places network coordinates on the map, through PROJ, from the file's own `projParameter`.
///
/// SUMO stores x_net = x_projected + netOffset.x, so x_projected = x_net − netOffset.x.
/// Not Sendable: it owns PROJ contexts, so each task makes its own.
public final class SUMOGeoreference {
    public let location: SUMOLocation
    private let toLonLat: Projection
    private let toGrid: Projection

    public convenience init(_ location: SUMOLocation, fileName: String = "network") throws {
        self.init(location, projections: try SUMOProjections(projParameter: location.projParameter, fileName: fileName))
    }

    /// With transformations built before, for this location's `projParameter` (checked).
    public init(_ location: SUMOLocation, projections: SUMOProjections) {
        precondition(projections.projParameter == location.projParameter,
                     "projections built for \"\(projections.projParameter)\" used for \"\(location.projParameter)\"")
        toLonLat = projections.toLonLat
        toGrid = projections.toGrid
        self.location = location
    }

    public func projected(_ point: NetPoint) -> (x: Double, y: Double) {
        (point.x - location.netOffset.x, point.y - location.netOffset.y)
    }

    public func lonLat(_ point: NetPoint) throws -> LonLat {
        let p = projected(point)
        let out = try toLonLat.transform(x: p.x, y: p.y)
        return LonLat(lon: out.x, lat: out.y)
    }

    public func grid(_ point: NetPoint) throws -> GridPoint {
        let p = projected(point)
        let out = try toGrid.transform(x: p.x, y: p.y)
        return GridPoint(easting: out.x, northing: out.y)
    }

    /// The PROJ operation used for network → BNG, once a point has been transformed.
    public var gridOperationName: String? { toGrid.operationName }
}
