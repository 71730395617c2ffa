/// One CSV record with the physical line it starts on (1-based), for `file:line` messages.
public struct CSVRecord: Hashable, Sendable {
    public var line: Int
    public var fields: [String]
}

public struct CSVSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
}

/// RFC 4180 CSV: comma separated, fields optionally in double quotes, `""` for a quote inside quotes,
/// line breaks inside quotes kept. CRLF and LF both end records. Lines starting with `#` outside quotes
/// are comments (the generated files say so in their first line) and blank lines are skipped.
public enum CSVReader {
    public static func records(_ text: String) throws -> [CSVRecord] {
        try records(bytes: Array(text.utf8))
    }

    public static func records(bytes: [UInt8]) throws -> [CSVRecord] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var out: [CSVRecord] = []
        var index = 0
        var line = 1
        // A UTF-8 byte-order mark, as spreadsheet exports write it.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        while index < bytes.count {
            let recordLine = line
            // Comment or blank line at the start of a record.
            if bytes[index] == UInt8(ascii: "#") || bytes[index] == lf || bytes[index] == cr {
                while index < bytes.count, bytes[index] != lf { index += 1 }
                index += 1
                line += 1
                continue
            }
            var fields: [String] = []
            var field: [UInt8] = []
            var endOfRecord = false
            while !endOfRecord {
                if index < bytes.count, bytes[index] == quote, field.isEmpty {
                    index += 1
                    var closed = false
                    while index < bytes.count {
                        let c = bytes[index]
                        if c == quote {
                            if index + 1 < bytes.count, bytes[index + 1] == quote {
                                field.append(quote)
                                index += 2
                                continue
                            }
                            index += 1
                            closed = true
                            break
                        }
                        if c == lf { line += 1 }
                        field.append(c)
                        index += 1
                    }
                    guard closed else {
                        throw CSVSyntaxError(line: recordLine, message: "a quoted field is never closed")
                    }
                    if index < bytes.count, bytes[index] != comma, bytes[index] != lf, bytes[index] != cr {
                        throw CSVSyntaxError(line: line, message: "text after a closing quote; quote the whole field and double any quote inside it")
                    }
                    continue
                }
                if index >= bytes.count {
                    fields.append(String(decoding: field, as: UTF8.self))
                    endOfRecord = true
                    break
                }
                let c = bytes[index]
                if c == comma {
                    fields.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true)
                    index += 1
                } else if c == lf || c == cr {
                    fields.append(String(decoding: field, as: UTF8.self))
                    index += (c == cr && index + 1 < bytes.count && bytes[index + 1] == lf) ? 2 : 1
                    line += 1
                    endOfRecord = true
                } else if c == quote {
                    throw CSVSyntaxError(line: line, message: "a quote inside an unquoted field; quote the whole field and double the quote")
                } else {
                    field.append(c)
                    index += 1
                }
            }
            out.append(CSVRecord(line: recordLine, fields: fields))
        }
        return out
    }
}
