import Testing
@testable import Geo

@Suite struct UTF8CheckTests {
    @Test func validTextHasNoInvalidByte() {
        #expect(UTF8Check.firstInvalidByte(in: Array("Café ✓ 🚓\nline two".utf8)) == nil)
        #expect(UTF8Check.firstInvalidByte(in: [UInt8]()) == nil)
    }

    @Test func firstInvalidByteIsPlacedByLineAndColumn() {
        let bytes = Array("ab\ncé".utf8) + [0xFF] + Array("z".utf8)
        let bad = UTF8Check.firstInvalidByte(in: bytes)
        // "c" is column 1, "é" two bytes at columns 2-3, the bad byte column 4 of line 2.
        #expect(bad == UTF8Check.InvalidByte(offset: 6, line: 2, column: 4, byte: 0xFF))
    }

    @Test func truncatedSequenceAndOverlongFormAreInvalid() {
        #expect(UTF8Check.firstInvalidByte(in: [0x41, 0xE2, 0x82])?.offset == 1)
        #expect(UTF8Check.firstInvalidByte(in: [0xC0, 0xAF])?.offset == 0)
        #expect(UTF8Check.firstInvalidByte(in: [0xED, 0xA0, 0x80])?.offset == 0)  // a UTF-16 surrogate
    }

    @Test func declaredEncodingIsReadFromTheXMLDeclaration() {
        #expect(UTF8Check.declaredXMLEncoding(Array(#"<?xml version="1.0" encoding="ISO-8859-1"?><net/>"#.utf8)) == "ISO-8859-1")
        #expect(UTF8Check.declaredXMLEncoding(Array("<?xml version='1.0' encoding='utf-8'?>".utf8)) == "utf-8")
        #expect(UTF8Check.declaredXMLEncoding(Array(#"<?xml version="1.0"?><net/>"#.utf8)) == nil)
        #expect(UTF8Check.declaredXMLEncoding(Array("<net/>".utf8)) == nil)
    }
}

@Suite struct UTF8StreamTests {
    @Test func sequenceSplitAcrossChunksIsNotReported() {
        var stream = UTF8Check.Stream()
        let text = Array("ab\nc✓d".utf8)  // ✓ is three bytes: split it after its first byte
        let split = 5
        #expect(stream.feed(Array(text[..<split]), isLast: false) == nil)
        #expect(stream.feed(Array(text[split...]), isLast: false) == nil)
        #expect(stream.feed([], isLast: true) == nil)
    }

    @Test func invalidByteInALaterChunkIsPlacedInTheWholeText() {
        var stream = UTF8Check.Stream()
        #expect(stream.feed(Array("one\ntwo\nth".utf8), isLast: false) == nil)
        let bad = stream.feed(Array("r".utf8) + [0xFF] + Array("ee".utf8), isLast: false)
        #expect(bad == UTF8Check.InvalidByte(offset: 11, line: 3, column: 4, byte: 0xFF))
    }

    @Test func unfinishedSequenceAtTheEndIsReported() {
        var stream = UTF8Check.Stream()
        #expect(stream.feed(Array("ok".utf8) + [0xE2, 0x9C], isLast: false) == nil)
        #expect(stream.feed([], isLast: true)?.offset == 2)
    }
}
