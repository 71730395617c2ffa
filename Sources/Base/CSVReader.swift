/// RFC 4180 CSV: comma separated, fields optionally in double quotes, `""` for a quote inside quotes, line
/// breaks inside quotes kept. CRLF, LF and a lone CR each end a record. A UTF-8 byte-order mark (as
/// spreadsheet exports write it) is skipped, and so are blank lines. A quote anywhere but around a whole
/// field is an error, not guessed at.
public enum CSVReader {
    /// With `commentLines`, lines starting with `#` outside quotes are comments (patrol's generated files
    /// say so in their first line); without, they are records like any other.
    public static func records(_ text: String, commentLines: Bool = true) throws -> [CSVRecord] {
        try records(bytes: Array(text.utf8), commentLines: commentLines)
    }

    public static func records(bytes: [UInt8], commentLines: Bool = true) throws -> [CSVRecord] {
        var scanner = CSVScanner(bytes: bytes)
        scanner.skipByteOrderMark()
        var records: [CSVRecord] = []
        while !scanner.atEnd {
            if scanner.atLineBreak || (commentLines && scanner.atCommentMark) {
                scanner.skipLine()
            } else {
                records.append(try scanner.record())
            }
        }
        return records
    }
}

/// A cursor over the bytes that counts lines as it goes.
private struct CSVScanner {
    static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    let bytes: [UInt8]
    var index = 0
    /// The 1-based line of `index`.
    var line = 1

    init(bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index >= bytes.count }
    var atLineBreak: Bool { !atEnd && (bytes[index] == Self.lf || bytes[index] == Self.cr) }
    var atCommentMark: Bool { !atEnd && bytes[index] == UInt8(ascii: "#") }
    var atFieldEnd: Bool { atEnd || atLineBreak || bytes[index] == Self.comma }

    mutating func skipByteOrderMark() {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// Steps over a line break (CRLF as one) if one is next.
    mutating func skipLineBreak() {
        guard atLineBreak else { return }
        let isCRLF = bytes[index] == Self.cr && index + 1 < bytes.count && bytes[index + 1] == Self.lf
        index += isCRLF ? 2 : 1
        line += 1
    }

    mutating func skipLine() {
        while !atEnd && !atLineBreak { index += 1 }
        skipLineBreak()
    }

    /// The record starting here, up to and including the line break that ends it.
    mutating func record() throws -> CSVRecord {
        let startLine = line
        var fields = [try field()]
        while !atEnd && bytes[index] == Self.comma {
            index += 1
            fields.append(try field())
        }
        skipLineBreak()
        return CSVRecord(line: startLine, fields: fields)
    }

    /// One field, up to the comma or line break after it.
    private mutating func field() throws -> String {
        if !atEnd && bytes[index] == Self.quote { return try quotedField() }
        let start = index
        while !atFieldEnd {
            if bytes[index] == Self.quote { throw CSVSyntaxError(line: line, problem: .quoteInUnquotedField) }
            index += 1
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func quotedField() throws -> String {
        let openingLine = line
        index += 1
        var field: [UInt8] = []
        while !atEnd {
            let byte = bytes[index]
            if byte == Self.quote {
                index += 1
                if !atEnd && bytes[index] == Self.quote {
                    field.append(Self.quote)
                    index += 1
                    continue
                }
                guard atFieldEnd else { throw CSVSyntaxError(line: line, problem: .textAfterClosingQuote) }
                return String(decoding: field, as: UTF8.self)
            }
            if atLineBreak {
                let breakStart = index
                skipLineBreak()
                field.append(contentsOf: bytes[breakStart..<index])
                continue
            }
            field.append(byte)
            index += 1
        }
        throw CSVSyntaxError(line: openingLine, problem: .unclosedQuote)
    }
}
