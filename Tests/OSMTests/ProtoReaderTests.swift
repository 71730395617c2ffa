import Base
import Testing
@testable import OSM

/// A minimal protobuf encoder for building test inputs by hand.
struct ProtoWriter {
    var bytes: [UInt8] = []

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7f) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func key(_ field: Int, _ wireType: Int) { varint(UInt64(field << 3 | wireType)) }

    mutating func varintField(_ field: Int, _ value: UInt64) {
        key(field, 0)
        varint(value)
    }

    mutating func sint(_ field: Int, _ value: Int64) {
        varintField(field, UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func bytesField(_ field: Int, _ payload: [UInt8]) {
        key(field, 2)
        varint(UInt64(payload.count))
        bytes += payload
    }

    mutating func stringField(_ field: Int, _ text: String) { bytesField(field, Array(text.utf8)) }
}

struct ProtoReaderTests {
    @Test func varintsDecodeTheProtobufSpecExamples() throws {
        // 1 → 01, 150 → 96 01 (the protobuf encoding guide), 300 → ac 02, max UInt64 → ten bytes.
        var reader = ProtoReader([0x01, 0x96, 0x01, 0xac, 0x02, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])
        #expect(try reader.varint() == 1)
        #expect(try reader.varint() == 150)
        #expect(try reader.varint() == 300)
        #expect(try reader.varint() == UInt64.max)
        #expect(reader.isAtEnd)
    }

    @Test func zigzagMatchesTheSpecTable() {
        // From the protobuf encoding guide: 0→0, 1→-1, 2→1, 3→-2, 4294967294→2147483647, 4294967295→-2147483648.
        let table: [(UInt64, Int64)] = [(0, 0), (1, -1), (2, 1), (3, -2), (4_294_967_294, 2_147_483_647), (4_294_967_295, -2_147_483_648)]
        for (raw, value) in table {
            #expect(ProtoReader.zigzag(raw) == value)
        }
    }

    @Test func zigzagRoundTripsRandomValues() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<1000 {
            let value = Int64(bitPattern: rng.next())
            let encoded = UInt64(bitPattern: (value << 1) ^ (value >> 63))
            #expect(ProtoReader.zigzag(encoded) == value)
        }
    }

    @Test func overlongAndTruncatedVarintsAreErrors() {
        var eleven = ProtoReader([UInt8](repeating: 0xff, count: 10) + [0x01])
        #expect(throws: ProtoError.self) { try eleven.varint() }
        var truncated = ProtoReader([0x96])
        #expect(throws: ProtoError.self) { try truncated.varint() }
    }

    @Test func lengthBeyondTheMessageIsAnErrorNotAnAllocation() {
        var writer = ProtoWriter()
        writer.key(1, 2)
        writer.varint(1 << 40)
        var reader = ProtoReader(writer.bytes)
        #expect(throws: ProtoError.self) {
            while let (_, wire) = try reader.field() { try reader.skip(wire) }
        }
    }

    @Test func packedAndUnpackedRepeatedFieldsReadTheSame() throws {
        var packed = ProtoWriter()
        var payload = ProtoWriter()
        for v: UInt64 in [3, 270, 86942] { payload.varint(v) }
        packed.bytesField(4, payload.bytes)
        var unpacked = ProtoWriter()
        for v: UInt64 in [3, 270, 86942] { unpacked.varintField(4, v) }
        for bytes in [packed.bytes, unpacked.bytes] {
            var reader = ProtoReader(bytes)
            var values: [UInt64] = []
            while let (_, wire) = try reader.field() {
                try reader.repeatedVarints(wire, field: "test") { values.append($0) }
            }
            #expect(values == [3, 270, 86942])
        }
    }

    @Test func groupWireTypesAreRefused() {
        var reader = ProtoReader([0x0b])  // field 1, wire type 3 (start group)
        #expect(throws: ProtoError.self) { _ = try reader.field() }
    }
}
