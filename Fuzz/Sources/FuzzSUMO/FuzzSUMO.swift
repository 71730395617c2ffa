import Base
import Foundation
import Geo
import SUMO

/// PROJ takes milliseconds to build a network's transformations (it queries proj.db), several times what the
/// rest of a small input costs, and most mutations leave `projParameter` as it was. So each process keeps the
/// outcome per `projParameter` string: what a fresh `SUMOGeoreference.init` would have built, or thrown.
/// libFuzzer calls the entry point, a C function without context, from one thread, one input at a time;
/// hence a process-wide cache.
nonisolated(unsafe) private var projectionsByParameter: [String: Result<SUMOProjections, any Error>] = [:]
/// Mutated parameters are mostly distinct; past this many the cache starts afresh (each entry owns two PROJ contexts).
private let projectionsCacheLimit = 32

private func projections(for location: SUMOLocation, fileName: String) throws -> SUMOProjections {
    if let known = projectionsByParameter[location.projParameter] {
        return try known.get()
    }
    if projectionsByParameter.count >= projectionsCacheLimit {
        projectionsByParameter.removeAll()
    }
    let outcome = Result { try SUMOProjections(projParameter: location.projParameter, fileName: fileName) }
    projectionsByParameter[location.projParameter] = outcome
    return try outcome.get()
}

/// SUMO `.net.xml` reader, then the georeference and street building `patrol import-sumo` does after it.
/// Any input either becomes streets that write as GeoJSON, or fails with an error the CLI can print
/// as one line and a hint (a `UserFacingError`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSUMO(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    let fileName = "fuzz.net.xml"
    do {
        let network = try SUMOReader.read(data: bytes, fileName: fileName)
        let georeference = SUMOGeoreference(network.location, projections: try projections(for: network.location, fileName: fileName))
        let built = try SUMOStreetBuilder.build(network, georeference: georeference, fileName: fileName)
        let text = GeoJSONWriter.string(.featureCollection(SUMOImport.featureCollection(built.streets)), pretty: false)
        do {
            _ = try GeoJSONReader.read(text)
        } catch {
            fatalError("streets built from a SUMO network do not read back as GeoJSON: \(error)")
        }
    } catch is any UserFacingError {
        return 0
    } catch {
        fatalError("the SUMO import threw an error the CLI cannot report: \(type(of: error)): \(error)")
    }
    return 0
}
