import Geo
import Streets

extension ScanInstruction {
    /// One instruction per scan-only way of `scanPaths`: look along it from the street nearest its middle.
    static func list(_ scanPaths: [Int], network: StreetNetwork, snapper: StreetSnapper, projection: Projection) throws -> [ScanInstruction] {
        try scanPaths.map { index in
            let scan = network.scanPaths[index]
            let middle = Polyline.midpoint(scan.geometry[...]) ?? scan.geometry[0]
            let from = snapper.snap(middle).map { network.name(ofEdge: $0.edge) } ?? ""
            return ScanInstruction(path: scan.name.isEmpty ? scan.highway : scan.name,
                                   fromStreet: from.isEmpty ? "the nearest street" : from, lengthMetres: scan.lengthMetres,
                                   geometry: try projection.lonLat(scan.geometry))
        }
    }
}
