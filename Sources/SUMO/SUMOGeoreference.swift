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

    public init(_ location: SUMOLocation, fileName: String = "network") throws {
        let parameter = location.projParameter.trimmingCharacters(in: .whitespaces)
        guard parameter != "!", !parameter.isEmpty else {
            throw SUMOError.invalidNetwork(file: fileName, message: "projParameter is \"\(parameter)\": the network has no projection, so it cannot be placed on a map")
        }
        // PROJ reads a bare "+proj=…" string as an operation; "+type=crs" makes it a CRS.
        let crs = parameter.hasPrefix("+") && !parameter.contains("+type=crs") ? parameter + " +type=crs" : parameter
        do {
            toLonLat = try Projection(from: crs, to: Projection.wgs84)
            toGrid = try Projection(from: crs, to: Projection.britishNationalGrid)
        } catch {
            throw SUMOError.invalidNetwork(file: fileName, message: "projParameter \"\(parameter)\" is not a CRS PROJ understands: \(error)")
        }
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
