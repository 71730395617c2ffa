import Foundation
import OSM

/// The OSM XML reader takes a path, so each input is written to one scratch file of this process first.
private let scratchPath = "/dev/shm/patrol-fuzz-osm-xml-\(getpid()).osm"

/// OSM XML reader: every input ends in elements or an `OSMError`, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOSMXML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    guard FileManager.default.createFile(atPath: scratchPath, contents: bytes) else {
        fatalError("cannot write the scratch file \(scratchPath)")
    }
    do {
        let reader = try OSMXMLReader(path: scratchPath)
        var elements = 0
        try reader.read { _ in elements += 1 }
    } catch is OSMError {
        return 0
    } catch {
        fatalError("an OSM XML read threw something other than OSMError: \(error)")
    }
    return 0
}
