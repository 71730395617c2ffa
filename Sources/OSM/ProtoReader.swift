/// A protobuf decoding failure at a byte position of the buffer being decoded.
struct ProtoError: Error {
    var position: Int
    var expected: String
}

/// Protobuf wire types this reader understands (groups, types 3 and 4, are refused).
enum WireType: Int {
    case varint = 0
    case fixed64 = 1
    case lengthDelimited = 2
    case fixed32 = 5
}

/// A bounds-checked reader of the protobuf wire format over a window of a byte array.
///
/// Sub-messages share the array's storage (no copies); every length read from the data is
/// checked against the window before use.
struct ProtoReader {
    let bytes: [UInt8]
    private(set) var position: Int
    let end: Int

    init(_ bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        let window = range ?? 0..<bytes.count
        position = window.lowerBound
        end = window.upperBound
    }

    var isAtEnd: Bool { position >= end }

    mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        let start = position
        while true {
            guard position < end else {
                throw ProtoError(position: start, expected: "a varint, but the message ends")
            }
            let byte = bytes[position]
            position += 1
            if shift == 63 && byte > 1 {
                throw ProtoError(position: start, expected: "a varint of at most 64 bits")
            }
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 {
                throw ProtoError(position: start, expected: "a varint of at most 10 bytes")
            }
        }
    }

    mutating func int64() throws -> Int64 { Int64(bitPattern: try varint()) }

    mutating func sint64() throws -> Int64 { Self.zigzag(try varint()) }

    /// An int32/uint32 field, refusing values that do not fit.
    mutating func int32() throws -> Int32 {
        let start = position
        let value = Int64(bitPattern: try varint())
        guard let narrow = Int32(exactly: value) else {
            throw ProtoError(position: start, expected: "a 32-bit integer, found \(value)")
        }
        return narrow
    }

    mutating func uint32() throws -> UInt32 {
        let start = position
        let value = try varint()
        guard let narrow = UInt32(exactly: value) else {
            throw ProtoError(position: start, expected: "an unsigned 32-bit integer, found \(value)")
        }
        return narrow
    }

    static func zigzag(_ raw: UInt64) -> Int64 {
        Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// The next field key, or nil at the end of the message.
    mutating func field() throws -> (number: Int, wireType: WireType)? {
        guard !isAtEnd else { return nil }
        let start = position
        let key = try varint()
        let number = key >> 3
        guard number >= 1, number <= 536_870_911 else {
            throw ProtoError(position: start, expected: "a field number between 1 and 2^29-1, found \(number)")
        }
        guard let wireType = WireType(rawValue: Int(key & 7)) else {
            throw ProtoError(position: start, expected: "a wire type 0, 1, 2 or 5 for field \(number), found \(key & 7)")
        }
        return (Int(number), wireType)
    }

    /// The byte range of a length-delimited field's payload; the reader moves past it.
    mutating func lengthDelimited() throws -> Range<Int> {
        let start = position
        let length = try varint()
        guard length <= UInt64(end - position) else {
            throw ProtoError(position: start,
                             expected: "a length-delimited field of \(length) bytes, but only \(end - position) remain")
        }
        let from = position
        position += Int(length)
        return from..<position
    }

    mutating func message() throws -> ProtoReader {
        ProtoReader(bytes, range: try lengthDelimited())
    }

    mutating func string() throws -> String {
        let range = try lengthDelimited()
        return String(decoding: bytes[range], as: UTF8.self)
    }

    mutating func skip(_ wireType: WireType) throws {
        let start = position
        switch wireType {
        case .varint: _ = try varint()
        case .lengthDelimited: _ = try lengthDelimited()
        case .fixed64, .fixed32:
            let size = wireType == .fixed64 ? 8 : 4
            guard end - position >= size else {
                throw ProtoError(position: start, expected: "\(size) bytes of a fixed-width field, but the message ends")
            }
            position += size
        }
    }

    /// Requires a wire type for a field, so a mis-typed field is reported rather than misread.
    func expect(_ wireType: WireType, _ actual: WireType, field: String) throws {
        guard wireType == actual else {
            throw ProtoError(position: position, expected: "field \(field) with wire type \(wireType.rawValue), found \(actual.rawValue)")
        }
    }

    /// Calls `body` for each varint of a repeated scalar field, packed (wire type 2) or not (0).
    mutating func repeatedVarints(_ wireType: WireType, field: String, _ body: (UInt64) throws -> Void) throws {
        switch wireType {
        case .varint:
            try body(try varint())
        case .lengthDelimited:
            var packed = try message()
            while !packed.isAtEnd {
                try body(try packed.varint())
            }
        default:
            throw ProtoError(position: position, expected: "field \(field) as varints (wire type 0 or 2), found wire type \(wireType.rawValue)")
        }
    }

    /// Appends the running sums of a delta-coded repeated sint64 field to `column`. The sums can overflow
    /// only on corrupt data, which is reported at `messageStart`, the start of the enclosing message.
    mutating func deltaCodedSint64s(_ wireType: WireType, field: String, messageStart: Int,
                                    into column: inout [Int64]) throws {
        var running: Int64 = 0
        var overflow = false
        try repeatedVarints(wireType, field: field) { raw in
            let (sum, over) = running.addingReportingOverflow(Self.zigzag(raw))
            overflow = overflow || over
            running = sum
            column.append(sum)
        }
        if overflow { throw ProtoError(position: messageStart, expected: "\(field) deltas that stay within 64 bits") }
    }
}
