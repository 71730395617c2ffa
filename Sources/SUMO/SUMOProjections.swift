import Foundation
import Geo

/// PROJ's two transformations for one `projParameter`: network → WGS84 and network → British National Grid.
///
/// Building them takes milliseconds (PROJ looks the CRSs up in proj.db), far more than placing a small
/// network, so a caller that places many networks of one projection builds them once and hands them to
/// `SUMOGeoreference.init(_:projections:)`; the fuzz harness does.
/// Not Sendable: it owns PROJ contexts, so each task makes its own.
public final class SUMOProjections {
    /// The `projParameter` as the network gave it, before trimming.
    public let projParameter: String
    let toLonLat: Projection
    let toGrid: Projection

    public init(projParameter: String, fileName: String = "network") throws {
        let parameter = projParameter.trimmingCharacters(in: .whitespaces)
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
        self.projParameter = projParameter
    }
}
