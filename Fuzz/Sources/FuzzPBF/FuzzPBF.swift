import OSM

/// Feeds arbitrary bytes to the PBF reader: every input must end in elements or an OSMError,
/// never a crash, a hang or an out-of-bounds read (AddressSanitizer watches).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPBF(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let reader = PBFReader(bytes: bytes, name: "fuzz")
    var elements = 0
    do {
        try reader.read { _ in elements += 1 }
    } catch is OSMError {
        return 0
    } catch {
        fatalError("a PBF read threw something other than OSMError: \(error)")
    }
    return 0
}
