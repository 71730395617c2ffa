import Geo
import Planner

/// pairs.json reader: any input either reads or throws an `AreaError` naming the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPairs(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        let pairs = try PairsFile.read(bytes: bytes, file: "pairs.json")
        for pair in pairs where pair.windowSeconds <= 0 || !pair.base.lon.isFinite || !pair.base.lat.isFinite {
            fatalError("PairsFile accepted an impossible pair: \(pair)")
        }
    } catch let error as AreaError {
        precondition(error.file == "pairs.json", "an AreaError that does not name the file: \(error)")
    } catch {
        fatalError("PairsFile threw something other than AreaError: \(error)")
    }
    return 0
}
