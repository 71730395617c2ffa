import Foundation
import Geo
import SUMO

/// SUMO `.net.xml` reader, then the georeference and street building `patrol import-sumo` does after it.
/// Any input either becomes streets that write as GeoJSON, or fails with an error the CLI can print
/// as one line and a hint (a `UserFacingError`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSUMO(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    do {
        let network = try SUMOReader.read(data: bytes, fileName: "fuzz.net.xml")
        let georeference = try SUMOGeoreference(network.location, fileName: "fuzz.net.xml")
        let built = try SUMOStreetBuilder.build(network, georeference: georeference, fileName: "fuzz.net.xml")
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
