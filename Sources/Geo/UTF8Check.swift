/// Finds the first byte that is not UTF-8, with its line and column, before text reaches a parser
/// that traps on it. Foundation's XMLParser on Linux crashes (a forced unwrap in its element callback)
/// when an element or attribute name holds bytes that are not UTF-8 in a document declared or defaulted
/// to UTF-8; found by fuzzing the SUMO reader (docs/fuzzing.md).
public enum UTF8Check {
    public struct InvalidByte: Hashable, Sendable {
        public var offset: Int
        /// 1-based line and column (in bytes) of the bad byte.
        public var line: Int
        public var column: Int
        public var byte: UInt8
    }

    public static func firstInvalidByte<Bytes: Collection>(in bytes: Bytes) -> InvalidByte? where Bytes.Element == UInt8 {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        var line = 1
        var lineStart = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded):
                if encoded.count == 1, encoded.first == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = offset + 1
                }
                offset += encoded.count
            case .emptyInput:
                return nil
            case .error:
                let byte = bytes[bytes.index(bytes.startIndex, offsetBy: offset)]
                return InvalidByte(offset: offset, line: line, column: offset - lineStart + 1, byte: byte)
            }
        }
    }

    /// The encoding named in an XML declaration (`<?xml ... encoding="X"?>`), or nil when there is none,
    /// in which case XML is UTF-8.
    public static func declaredXMLEncoding<Bytes: Collection>(_ bytes: Bytes) -> String? where Bytes.Element == UInt8 {
        let head = Array(bytes.prefix(200))
        guard head.starts(with: Array("<?xml".utf8)), let end = head.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let declaration = String(decoding: head[..<end], as: UTF8.self)
        guard let range = declaration.range(of: "encoding=") else { return nil }
        let rest = declaration[range.upperBound...]
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }
}

extension UTF8Check {
    /// Checks text arriving in chunks (a file read piece by piece), so a large file is never held whole.
    /// A sequence split across two chunks is carried over, not reported.
    public struct Stream {
        private var carried: [UInt8] = []
        private var offset = 0
        private var line = 1
        private var lineStart = 0

        public init() {}

        /// Feeds the next chunk; `isLast` says no more follow. Returns the first byte that is not UTF-8.
        public mutating func feed(_ chunk: [UInt8], isLast: Bool) -> InvalidByte? {
            let bytes = carried + chunk
            let base = offset - carried.count
            carried = []
            if let bad = UTF8Check.firstInvalidByte(in: bytes) {
                let tail = bytes[bad.offset...]
                if !isLast, Self.couldBeUnfinished(tail) {
                    advance(over: bytes[..<bad.offset], from: base)
                    carried = Array(tail)
                    offset = base + bytes.count
                    return nil
                }
                advance(over: bytes[..<bad.offset], from: base)
                return InvalidByte(offset: base + bad.offset, line: line, column: base + bad.offset - lineStart + 1, byte: bad.byte)
            }
            advance(over: bytes[...], from: base)
            offset = base + bytes.count
            return nil
        }

        private mutating func advance(over bytes: ArraySlice<UInt8>, from base: Int) {
            for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = base + index + 1
            }
        }

        /// A lead byte followed only by continuation bytes, fewer than it needs: the rest may be in the next chunk.
        static func couldBeUnfinished(_ tail: ArraySlice<UInt8>) -> Bool {
            guard let lead = tail.first else { return false }
            let needed: Int
            switch lead {
            case 0xC2...0xDF: needed = 2
            case 0xE0...0xEF: needed = 3
            case 0xF0...0xF4: needed = 4
            default: return false
            }
            return tail.count < needed && tail.dropFirst().allSatisfy { $0 & 0xC0 == 0x80 }
        }
    }
}
