import StopFuzzing

/// The stop CSV reader in police.uk's street-level crime format.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPoliceUKCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    StopFileFuzzing.check(data, size, format: .policeUK)
    return 0
}
