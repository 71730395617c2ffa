import Geo

/// GeoJSON reader: any input either reads or throws a `GeoJSONError`. Whatever reads must also
/// survive our own writer and read back, since `patrol validate` and the exports do exactly that.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGeoJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let object: GeoJSONObject
    do {
        object = try GeoJSONReader.read(bytes: bytes)
    } catch is GeoJSONError {
        return 0
    } catch {
        fatalError("GeoJSONReader threw something other than GeoJSONError: \(error)")
    }
    let written = GeoJSONWriter.string(object, pretty: false)
    do {
        _ = try GeoJSONReader.read(written)
    } catch {
        fatalError("GeoJSON that read cannot be read back after writing: \(error)\n\(written)")
    }
    return 0
}
