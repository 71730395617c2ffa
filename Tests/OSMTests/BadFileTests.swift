import Base
import Foundation
import Testing
@testable import OSM

/// Corrupt and truncated input must end in an `OSMError` naming a byte offset or line, never a crash.
struct BadFileTests {
    /// Reads everything; returns the error (nil when the file read cleanly).
    static func readError(_ path: String) -> (any Error)? {
        do {
            try OSMFileReader(path: path).read { _ in }
            return nil
        } catch {
            return error
        }
    }

    static func pbfOffset(_ error: (any Error)?) -> Int? {
        switch error as? OSMError {
        case let .pbf(_, offset, _)?: offset
        case let .unsupportedFeature(_, offset, _)?: offset
        default: nil
        }
    }

    @Test func truncatedPBFReportsTheOffsetOfWhatIsMissing() throws {
        let bytes = try TestFiles.bytes(try TestFiles.fixture("town.osm.pbf"))
        let headerLength = Int(bytes[0]) << 24 | Int(bytes[1]) << 16 | Int(bytes[2]) << 8 | Int(bytes[3])
        // Cuts: inside the length, inside the BlobHeader, inside the first blob, and just before the end.
        let cases: [(cut: Int, offset: Int)] = [
            (2, 0), (4 + headerLength / 2, 4), (4 + headerLength + 5, 4 + headerLength), (bytes.count - 1, -1),
        ]
        for (cut, offset) in cases {
            let error = Self.readError(try TestFiles.write(Array(bytes[..<cut]), name: "cut.osm.pbf"))
            let reported = try #require(Self.pbfOffset(error), "cut at \(cut): \(String(describing: error))")
            if offset >= 0 { #expect(reported == offset, "cut at \(cut): \(String(describing: error))") }
            #expect(reported < cut)
        }
    }

    @Test func everyTruncationOfAPBFIsAnError() throws {
        for name in ["town.osm.pbf", "town-raw.osm.pbf"] {
            let bytes = try TestFiles.bytes(try TestFiles.fixture(name))
            for cut in 1..<bytes.count {
                let error = Self.readError(try TestFiles.write(Array(bytes[..<cut]), name: "cut.osm.pbf"))
                // A cut exactly between blobs leaves a valid, shorter file; anywhere else must fail.
                if let offset = Self.pbfOffset(error) {
                    #expect(offset <= cut)
                } else {
                    #expect(error == nil, "\(name) cut at \(cut): unexpected \(String(describing: error))")
                }
            }
        }
    }

    @Test func flippedBytesNeverCrash() throws {
        var rng = SplitMix64(seed: 20_261_124)
        var failures = 0
        for name in ["town.osm.pbf", "town-raw.osm.pbf", "town-sparse.osm.pbf"] {
            let original = try TestFiles.bytes(try TestFiles.fixture(name))
            for _ in 0..<150 {
                var bytes = original
                for _ in 0..<Int.random(in: 1...3, using: &rng) {
                    let index = Int.random(in: 0..<bytes.count, using: &rng)
                    bytes[index] ^= UInt8.random(in: 1...255, using: &rng)
                }
                let path = try TestFiles.write(bytes, name: "flipped.osm.pbf")
                do {
                    _ = try importStreets(path)
                } catch let error as OSMError {
                    failures += 1
                    #expect(!error.description.isEmpty)
                }
            }
        }
        // Most flips land in zlib data (checked by Adler-32) or in structure, so most runs fail.
        #expect(failures > 150)
    }

    @Test func zlibCorruptionIsReportedAtTheBlob() throws {
        var bytes = try TestFiles.bytes(try TestFiles.fixture("town.osm.pbf"))
        let headerLength = Int(bytes[0]) << 24 | Int(bytes[1]) << 16 | Int(bytes[2]) << 8 | Int(bytes[3])
        let blobOffset = 4 + headerLength
        bytes[bytes.count - 3] ^= 0xff  // inside the last blob's deflate stream or its Adler-32
        let error = Self.readError(try TestFiles.write(bytes, name: "zlib.osm.pbf"))
        let offset = try #require(Self.pbfOffset(error))
        #expect(offset > blobOffset)
        #expect(String(describing: error).contains("zlib") || String(describing: error).contains("raw_size"))
    }

    @Test func hugeBlobHeaderLengthIsRefusedWithTheBriefsMessage() throws {
        let path = try TestFiles.write([0x7f, 0xff, 0xff, 0xff] + [UInt8](repeating: 0, count: 60), name: "huge.osm.pbf")
        let error = try #require(Self.readError(path) as? OSMError)
        #expect(error == .pbf(file: path, offset: 0, expected: "blob header length 2147483647 exceeds 64 KiB (not a PBF file, or corrupt)"))
        #expect(error.description.contains("byte 0: blob header length 2147483647 exceeds 64 KiB"))
    }

    @Test func garbageIsAnErrorNotACrash() throws {
        var rng = SplitMix64(seed: 99)
        for length in [1, 3, 4, 5, 17, 100, 1000, 70_000] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let error = Self.readError(try TestFiles.write(bytes, name: "garbage.bin"))
            #expect(error is OSMError, "length \(length): \(String(describing: error))")
        }
        let empty = Self.readError(try TestFiles.write([], name: "empty.osm.pbf"))
        #expect(empty is OSMError)
    }

    @Test func unsupportedRequiredFeaturesAreRefusedByName() throws {
        for feature in ["HistoricalInformation", "LocationsOnWays"] {
            var headerBlock = ProtoWriter()
            headerBlock.stringField(4, "OsmSchema-V0.6")
            headerBlock.stringField(4, feature)
            var blob = ProtoWriter()
            blob.bytesField(1, headerBlock.bytes)  // raw, uncompressed
            var blobHeader = ProtoWriter()
            blobHeader.stringField(1, "OSMHeader")
            blobHeader.varintField(3, UInt64(blob.bytes.count))
            let length = blobHeader.bytes.count
            let file = [0, 0, UInt8(length >> 8), UInt8(length & 0xff)] + blobHeader.bytes + blob.bytes
            let error = Self.readError(try TestFiles.write(file, name: "feature.osm.pbf"))
            guard case let .unsupportedFeature(_, offset, named)? = error as? OSMError else {
                Issue.record("expected unsupportedFeature, got \(String(describing: error))")
                continue
            }
            #expect(named == feature)
            #expect(offset == 4 + length)
        }
    }

    @Test func handBuiltPBFWithBadStringIndexNamesTheBlock() throws {
        var headerBlock = ProtoWriter()
        headerBlock.stringField(4, "OsmSchema-V0.6")
        var table = ProtoWriter()
        table.stringField(1, "")
        table.stringField(1, "highway")
        var way = ProtoWriter()
        way.varintField(1, 7)
        way.varintField(2, 1)
        way.varintField(3, 5)  // no string 5
        var group = ProtoWriter()
        group.bytesField(3, way.bytes)
        var block = ProtoWriter()
        block.bytesField(1, table.bytes)
        block.bytesField(2, group.bytes)
        var file: [UInt8] = []
        for (type, payload) in [("OSMHeader", headerBlock.bytes), ("OSMData", block.bytes)] {
            var blob = ProtoWriter()
            blob.bytesField(1, payload)
            var header = ProtoWriter()
            header.stringField(1, type)
            header.varintField(3, UInt64(blob.bytes.count))
            file += [0, 0, 0, UInt8(header.bytes.count)] + header.bytes + blob.bytes
        }
        let error = Self.readError(try TestFiles.write(file, name: "index.osm.pbf"))
        let text = String(describing: error)
        #expect(Self.pbfOffset(error) != nil)
        #expect(text.contains("string table index below 2, found 5"), "\(text)")
    }

    @Test func truncatedXMLReportsALine() throws {
        let text = try String(contentsOfFile: try TestFiles.fixture("town.osm"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for keep in [1, 3, 10, 40, 75, lines.count - 2] {
            let cut = lines.prefix(keep).joined(separator: "\n") + "\n"
            let error = Self.readError(try TestFiles.write(Array(cut.utf8), name: "cut.osm"))
            guard case let .xml(_, line, _, expected)? = error as? OSMError else {
                Issue.record("keeping \(keep) lines: expected an XML error, got \(String(describing: error))")
                continue
            }
            #expect(line >= 1 && line <= keep + 1, "keeping \(keep) lines: line \(line)")
            #expect(!expected.isEmpty)
        }
        // A cut in the middle of a tag.
        let half = Array(text.utf8.prefix(text.utf8.count / 2))
        #expect(Self.readError(try TestFiles.write(half, name: "half.osm")) is OSMError)
    }

    @Test func malformedXMLElementsNameTheLine() throws {
        let bad = """
        <?xml version="1.0"?>
        <osm version="0.6">
          <node id="1" lat="50.1" lon="-1.2"/>
          <node id="2" lat="fifty" lon="-1.2"/>
        </osm>
        """
        let error = Self.readError(try TestFiles.write(Array(bad.utf8), name: "bad.osm"))
        guard case let .xml(_, line, _, expected)? = error as? OSMError else {
            Issue.record("expected an XML error, got \(String(describing: error))")
            return
        }
        #expect(line == 4)
        #expect(expected.contains("lat and lon"))
    }

    @Test func decimalDegreesParseExactlyToNanodegrees() {
        let cases: [(String, Int64?)] = [
            ("50.7000000", 50_700_000_000), ("-1.2990000", -1_299_000_000), ("0", 0), ("-0.5", -500_000_000),
            ("50.1234567891", 50_123_456_789), ("50.12345678951", 50_123_456_790), ("180", 180_000_000_000),
            ("", nil), ("1.2.3", nil), ("abc", nil), ("-", nil), ("1e5", nil), ("99999", nil),
        ]
        for (text, expected) in cases {
            #expect(OSMXMLReader.nanodegrees(text) == expected, "\(text)")
        }
    }
}

struct InMemoryPBFTests {
    @Test func inMemoryAndFileReadsGiveTheSameElements() throws {
        let path = try TestFiles.fixture("town-sparse.osm.pbf")
        var fromFile: [OSMElement] = []
        try PBFReader(path: path).read { fromFile.append($0) }
        var fromMemory: [OSMElement] = []
        try PBFReader(bytes: try TestFiles.bytes(path), name: "town").read { fromMemory.append($0) }
        #expect(fromFile.count == 35 + 16 + 2)
        #expect(fromFile == fromMemory)
    }

    @Test func inMemoryTruncationsAreErrorsWithOffsets() throws {
        let bytes = try TestFiles.bytes(try TestFiles.fixture("split.osm.pbf"))
        var cleanCuts = 0
        for cut in 1..<bytes.count {
            do {
                try PBFReader(bytes: Array(bytes[..<cut]), name: "cut").read { _ in }
                cleanCuts += 1
            } catch let OSMError.pbf(_, offset, _) {
                #expect(offset <= cut)  // where the missing part starts, at the latest the cut itself
            }
        }
        // osmium wrote three blobs (OSMHeader at 0, OSMData with the nodes at 73, OSMData with the ways
        // at 204; framing read by hand): only the two cuts between blobs leave a valid, shorter file.
        #expect(cleanCuts == 2)
    }
}

struct CraftedPBFTests {
    /// A file of an OSMHeader and one OSMData blob holding `group`, both raw.
    static func file(granularity: UInt64?, group: [UInt8]) -> [UInt8] {
        var headerBlock = ProtoWriter()
        headerBlock.stringField(4, "OsmSchema-V0.6")
        var table = ProtoWriter()
        table.stringField(1, "")
        var block = ProtoWriter()
        block.bytesField(1, table.bytes)
        block.bytesField(2, group)
        if let granularity { block.varintField(17, granularity) }
        var out: [UInt8] = []
        for (type, payload) in [("OSMHeader", headerBlock.bytes), ("OSMData", block.bytes)] {
            var blob = ProtoWriter()
            blob.bytesField(1, payload)
            var header = ProtoWriter()
            header.stringField(1, type)
            header.varintField(3, UInt64(blob.bytes.count))
            out += [0, 0, 0, UInt8(header.bytes.count)] + header.bytes + blob.bytes
        }
        return out
    }

    @Test func extremeCoordinatesAreErrorsNotTraps() throws {
        // lat = Int64.min with granularity 1: no overflow in the arithmetic, but far outside ±90°.
        for (lat, granularity) in [(Int64.min, UInt64(1)), (Int64.max, 1), (Int64.max / 2, 100), (91_000_000_000, 1)] {
            var node = ProtoWriter()
            node.sint(1, 5)
            node.sint(8, lat)
            node.sint(9, 0)
            var group = ProtoWriter()
            group.bytesField(1, node.bytes)
            let reader = PBFReader(bytes: Self.file(granularity: granularity, group: group.bytes), name: "crafted")
            #expect(throws: OSMError.self) { try reader.read { _ in } }
        }
    }

    @Test func aValidHandBuiltNodeDecodes() throws {
        var node = ProtoWriter()
        node.sint(1, -42)
        node.sint(8, 507_000_000)   // × granularity 100 = 50.7°
        node.sint(9, -13_000_000)   // -1.3°
        var group = ProtoWriter()
        group.bytesField(1, node.bytes)
        var nodes: [OSMNode] = []
        try PBFReader(bytes: Self.file(granularity: nil, group: group.bytes), name: "crafted").read { element in
            if case let .node(n) = element { nodes.append(n) }
        }
        #expect(nodes == [OSMNode(id: -42, coordinate: OSMCoordinate(lonNanodegrees: -1_300_000_000, latNanodegrees: 50_700_000_000))])
    }
}
