import StopFuzzing

/// The stop CSV reader in patrol's own format (`time,lon,lat,place,...`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStopCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    StopFileFuzzing.check(data, size, format: .stops)
    return 0
}
