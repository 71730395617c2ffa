/// Finds what Foundation's XMLParser on Linux cannot survive, before it parses: a processing
/// instruction with no data (`<?name?>`) makes it dereference a null pointer (found by fuzzing).
/// Streaming, so a large OSM file is checked chunk by chunk.
public struct XMLPreflight {
    public struct Problem: Hashable, Sendable {
        public var line: Int
        public var column: Int
    }

    private enum State { case text, lessThan, name, space, question }
    private var state = State.text
    private var line = 1
    private var column = 0
    private var startLine = 1
    private var startColumn = 0

    public init() {}

    public static func emptyProcessingInstruction(in bytes: [UInt8]) -> Problem? {
        var scanner = XMLPreflight()
        return scanner.feed(bytes)
    }

    /// The first `<?name?>` (or `<?name ?>`) with no data, at its `<`.
    public mutating func feed(_ bytes: [UInt8]) -> Problem? {
        for byte in bytes {
            if byte == 0x0A {
                line += 1
                column = 0
            } else {
                column += 1
            }
            switch state {
            case .text:
                if byte == UInt8(ascii: "<") {
                    state = .lessThan
                    startLine = line
                    startColumn = column
                }
            case .lessThan:
                state = byte == UInt8(ascii: "?") ? .name : (byte == UInt8(ascii: "<") ? .lessThan : .text)
            case .name:
                if byte == UInt8(ascii: "?") {
                    state = .question
                } else if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    state = .space
                } else if byte == UInt8(ascii: "<") {
                    state = .lessThan
                    startLine = line
                    startColumn = column
                }
            case .space:
                if byte == UInt8(ascii: "?") {
                    state = .question
                } else if !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D) {
                    state = .text  // the instruction has data: fine
                }
            case .question:
                if byte == UInt8(ascii: ">") { return Problem(line: startLine, column: startColumn) }
                state = .text
            }
        }
        return nil
    }
}
