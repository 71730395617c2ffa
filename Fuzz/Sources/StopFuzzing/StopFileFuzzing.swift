import Geo
import Hotspots

/// The checks both stop-file harnesses make on one input.
///
/// libFuzzer calls a C entry point with no context, so the parser (and the PROJ context inside
/// its projection) lives for the whole process here; the harness is single-threaded (-workers=1).
public enum StopFileFuzzing {
    nonisolated(unsafe) private static let parser: StopFileParser = {
        let projection = try! Projection.bng()
        let position = LonLat(lon: -1.4044, lat: 50.9097)
        let place = NamedPlace(id: "above-bar", name: "Above Bar Street", kind: "high street", position: position,
                               grid: try! projection.grid(position), isHotspot: true)
        return StopFileParser(gazetteer: Gazetteer(hotspots: [place]), projection: projection, dropPersonalColumns: true)
    }()

    /// Parses `bytes` in `format`. A parse either succeeds with sane stops or throws a `HotspotsError`;
    /// anything else (a trap, another error type, an impossible stop) stops the fuzzer.
    public static func check(_ data: UnsafePointer<UInt8>?, _ size: Int, format: StopFileFormat) {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        let parsed: ParsedStopFile
        do {
            parsed = try parser.parse(bytes: bytes, path: "fuzz.csv", format: format)
        } catch is HotspotsError {
            return
        } catch {
            fatalError("StopFileParser threw something other than HotspotsError: \(error)")
        }
        precondition(parsed.stops.count <= max(parsed.rowsRead, 0), "more stops than rows")
        var hashes = Set<String>()
        for stop in parsed.stops {
            precondition(stop.lon.isFinite && stop.lat.isFinite && (-180...180).contains(stop.lon) && (-90...90).contains(stop.lat),
                         "a stop outside lon/lat range: \(stop)")
            precondition(stop.easting.isFinite && stop.northing.isFinite, "a stop with a non-finite grid position: \(stop)")
            precondition(hashes.insert(stop.hash).inserted, "two stops of one file share the key \(stop.hash)")
        }
        for error in parsed.errors {
            precondition(error.line >= 1, "a row error without a line: \(error)")
        }
    }
}
