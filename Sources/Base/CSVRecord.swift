/// One CSV record with the physical line it starts on (1-based), for `file:line` messages.
public struct CSVRecord: Hashable, Sendable {
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// Text that is not RFC 4180 CSV, with the line where it goes wrong.
public struct CSVSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Problem: Hashable, Sendable {
        /// A quoted field runs to the end of the input; the line is the one its opening quote is on.
        case unclosedQuote
        /// A closing quote is followed by something other than a comma or the end of the line.
        case textAfterClosingQuote
        /// A quote inside a field that does not start with one.
        case quoteInUnquotedField
    }

    public var line: Int
    public var problem: Problem

    public init(line: Int, problem: Problem) {
        self.line = line
        self.problem = problem
    }

    public var message: String {
        switch problem {
        case .unclosedQuote: "a quoted field is never closed"
        case .textAfterClosingQuote: "text after a closing quote; quote the whole field and double any quote inside it"
        case .quoteInUnquotedField: "a quote inside an unquoted field; quote the whole field and double the quote"
        }
    }

    public var description: String { "line \(line): \(message)" }
}
