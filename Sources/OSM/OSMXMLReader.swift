import Foundation
import Geo
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams an `.osm` XML file through libxml2's SAX parser (FoundationXML), producing the same
/// elements as `PBFReader`. Errors carry the line and column.
public final class OSMXMLReader {
    public let path: String
    public let fileSizeBytes: Int
    public var progress: OSMProgress?

    public init(path: String, progress: OSMProgress? = nil) throws {
        self.path = path
        self.progress = progress
        fileSizeBytes = try InputFile.sizeBytes(atPath: path)
    }

    public func read(kinds: OSMElementKinds = .all, _ visit: (OSMElement) throws -> Void) throws {
        try checkUTF8()
        guard let file = InputStream(fileAtPath: path) else {
            throw OSMError.io(path: path, message: "cannot open for reading")
        }
        let stream = CountingInputStream(file, total: fileSizeBytes, progress: progress)
        let parser = XMLParser(stream: stream)
        try withoutActuallyEscaping(visit) { escapableVisit in
            let handler = OSMXMLHandler(path: path, kinds: kinds, visit: escapableVisit)
            parser.delegate = handler
            let succeeded = parser.parse()
            parser.delegate = nil
            if let error = handler.failure { throw error }
            if !succeeded {
                let message = (parser.parserError as NSError?).map { Self.describe($0) } ?? "well-formed XML"
                throw OSMError.xml(file: path, line: parser.lineNumber, column: parser.columnNumber, expected: message)
            }
            if !handler.sawRoot {
                throw OSMError.xml(file: path, line: parser.lineNumber, column: parser.columnNumber,
                                   expected: "an <osm> root element")
            }
            if !handler.rootClosed {
                throw OSMError.xml(file: path, line: parser.lineNumber, column: parser.columnNumber,
                                   expected: "the closing </osm> tag (the file is truncated)")
            }
        }
        progress?(fileSizeBytes, fileSizeBytes)
    }

    /// Foundation's XMLParser traps on an element or attribute name that is not UTF-8 (found by fuzzing,
    /// docs/fuzzing.md), so the bytes are checked in a first streaming pass. Only a declared Latin-1,
    /// which libxml2 converts byte for byte, is let through.
    private func checkUTF8() throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw OSMError.io(path: path, message: "cannot open for reading")
        }
        defer { try? handle.close() }
        var checker = UTF8Check.Stream()
        var preflight = XMLPreflight()
        var first = true
        while true {
            let chunk = [UInt8](handle.readData(ofLength: 1 << 20))
            if first {
                first = false
                let encoding = UTF8Check.declaredXMLEncoding(chunk)?.uppercased() ?? ""
                if ["ISO-8859-1", "ISO8859-1", "LATIN1", "LATIN-1"].contains(encoding) {
                    if let empty = XMLPreflight.emptyProcessingInstruction(in: chunk) {
                        throw OSMError.xml(file: path, line: empty.line, column: empty.column,
                                           expected: "a processing instruction with data (<?target data?>)")
                    }
                    return
                }
            }
            if let empty = preflight.feed(chunk) {
                throw OSMError.xml(file: path, line: empty.line, column: empty.column,
                                   expected: "a processing instruction with data (<?target data?>)")
            }
            if let bad = checker.feed(chunk, isLast: chunk.isEmpty) {
                throw OSMError.xml(file: path, line: bad.line, column: bad.column,
                                   expected: "UTF-8 text (byte 0x\(String(bad.byte, radix: 16, uppercase: true)) is not UTF-8)")
            }
            if chunk.isEmpty { return }
        }
    }

    /// Parses a decimal degree string exactly into nanodegrees, so XML and PBF agree bit for bit.
    static func nanodegrees(_ text: String) -> Int64? {
        var utf8 = Substring(text).utf8[...]
        var negative = false
        if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var sawDigit = false
        var inFraction = false
        for byte in utf8 {
            if byte == UInt8(ascii: ".") {
                guard !inFraction else { return nil }
                inFraction = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            sawDigit = true
            let digit = Int64(byte - UInt8(ascii: "0"))
            if inFraction {
                // Beyond nanodegrees the digits cannot change the stored value; round on the tenth.
                if fractionDigits < 9 {
                    fraction = fraction * 10 + digit
                    fractionDigits += 1
                } else if fractionDigits == 9 {
                    if digit >= 5 { fraction += 1 }
                    fractionDigits += 1
                }
            } else {
                guard whole < 1_000 else { return nil }
                whole = whole * 10 + digit
            }
        }
        guard sawDigit else { return nil }
        for _ in 0..<max(0, 9 - min(fractionDigits, 9)) { fraction *= 10 }
        let value = whole * 1_000_000_000 + fraction
        return negative ? -value : value
    }

    private static func describe(_ error: NSError) -> String {
        let code = error.code
        // libxml2 codes for input that stops early (XML_ERR_DOCUMENT_END, TAG_NOT_FINISHED, premature EOF…).
        let truncated: Set<Int> = [4, 5, 73, 74, 76, 77]
        let detail = (error.userInfo[NSLocalizedDescriptionKey] as? String) ?? "libxml2 error \(code)"
        if truncated.contains(code) {
            return "more XML: the file ends inside an element or tag (truncated; libxml2 error \(code))"
        }
        return "well-formed XML (\(detail), libxml2 error \(code))"
    }
}

/// The SAX delegate: assembles one element at a time and hands it on.
private final class OSMXMLHandler: NSObject, XMLParserDelegate {
    let path: String
    let kinds: OSMElementKinds
    let visit: (OSMElement) throws -> Void
    var failure: (any Error)?
    var sawRoot = false
    var rootClosed = false

    private enum Current {
        case node(OSMNode)
        case way(OSMWay)
        case relation(OSMRelation)
    }
    private var current: Current?
    private var skipping = false

    init(path: String, kinds: OSMElementKinds, visit: @escaping (OSMElement) throws -> Void) {
        self.path = path
        self.kinds = kinds
        self.visit = visit
    }

    private func stop(_ parser: XMLParser, _ expected: String) {
        guard failure == nil else { return }
        failure = OSMError.xml(file: path, line: parser.lineNumber, column: parser.columnNumber, expected: expected)
        parser.abortParsing()
    }

    private func id(_ attributes: [String: String], _ name: String, _ parser: XMLParser, _ key: String = "id") -> Int64? {
        guard let text = attributes[key], let value = Int64(text) else {
            stop(parser, "<\(name)> with an integer \(key) attribute")
            return nil
        }
        return value
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        guard failure == nil else { return }
        switch elementName {
        case "osm", "osmChange":
            sawRoot = true
        case "node", "way", "relation":
            guard current == nil, !skipping else {
                stop(parser, "</\(currentName)> before a new <\(elementName)>")
                return
            }
            // Deleted objects in history or change files are not part of the map.
            let deleted = attributes["visible"] == "false" || attributes["action"] == "delete"
            let wanted: Bool
            switch elementName {
            case "node": wanted = kinds.contains(.nodes)
            case "way": wanted = kinds.contains(.ways)
            default: wanted = kinds.contains(.relations)
            }
            guard wanted, !deleted else {
                skipping = true
                return
            }
            guard let id = id(attributes, elementName, parser) else { return }
            switch elementName {
            case "node":
                guard let lat = attributes["lat"].flatMap(OSMXMLReader.nanodegrees),
                      let lon = attributes["lon"].flatMap(OSMXMLReader.nanodegrees) else {
                    stop(parser, "<node id=\"\(id)\"> with decimal lat and lon attributes")
                    return
                }
                let coordinate = OSMCoordinate(lonNanodegrees: lon, latNanodegrees: lat)
                guard coordinate.isValid else {
                    stop(parser, "node \(id) latitude within ±90° and longitude within ±180°")
                    return
                }
                current = .node(OSMNode(id: id, coordinate: coordinate))
            case "way":
                current = .way(OSMWay(id: id, refs: []))
            default:
                current = .relation(OSMRelation(id: id, members: []))
            }
        case "tag":
            guard !skipping else { return }
            guard let key = attributes["k"], let value = attributes["v"] else {
                stop(parser, "<tag> with k and v attributes")
                return
            }
            switch current {
            case var .node(node)?:
                node.tags[key] = value
                current = .node(node)
            case var .way(way)?:
                way.tags[key] = value
                current = .way(way)
            case var .relation(relation)?:
                relation.tags[key] = value
                current = .relation(relation)
            case nil:
                break  // changeset tags and the like
            }
        case "nd":
            guard !skipping else { return }
            guard case var .way(way)? = current else {
                stop(parser, "<nd> inside a <way>")
                return
            }
            guard let ref = id(attributes, "nd", parser, "ref") else { return }
            current = nil  // keeps the refs array uniquely referenced while appending
            way.refs.append(ref)
            current = .way(way)
        case "member":
            guard !skipping else { return }
            guard case var .relation(relation)? = current else {
                stop(parser, "<member> inside a <relation>")
                return
            }
            guard let ref = id(attributes, "member", parser, "ref") else { return }
            guard let type = attributes["type"].flatMap(OSMMemberType.init(rawValue:)) else {
                stop(parser, "<member> with type node, way or relation")
                return
            }
            current = nil
            relation.members.append(OSMMember(type: type, ref: ref, role: attributes["role"] ?? ""))
            current = .relation(relation)
        default:
            break
        }
    }

    private var currentName: String {
        switch current {
        case .node?: "node"
        case .way?: "way"
        case .relation?: "relation"
        case nil: "element"
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard failure == nil else { return }
        switch elementName {
        case "osm", "osmChange":
            rootClosed = true
        case "node", "way", "relation":
            if skipping {
                skipping = false
                return
            }
            guard let element = current else { return }
            current = nil
            do {
                switch element {
                case let .node(node): try visit(.node(node))
                case let .way(way): try visit(.way(way))
                case let .relation(relation): try visit(.relation(relation))
                }
            } catch {
                failure = error
                parser.abortParsing()
            }
        default:
            break
        }
    }
}

/// Passes reads through to a file stream and reports the bytes read, so XML imports show progress too.
private final class CountingInputStream: InputStream {
    private let inner: InputStream
    private let total: Int
    private let progress: OSMProgress?
    private var count = 0
    private var lastReported = 0

    init(_ inner: InputStream, total: Int, progress: OSMProgress?) {
        self.inner = inner
        self.total = total
        self.progress = progress
        super.init(data: Data())
    }

    override func open() { inner.open() }
    override func close() { inner.close() }
    override var hasBytesAvailable: Bool { inner.hasBytesAvailable }
    override var streamStatus: Stream.Status { inner.streamStatus }
    override var streamError: (any Error)? { inner.streamError }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength len: Int) -> Int {
        let n = inner.read(buffer, maxLength: len)
        if n > 0 {
            count += n
            // About every megabyte: the callback may write to a terminal.
            if count - lastReported >= 1 << 20 {
                lastReported = count
                progress?(count, total)
            }
        }
        return n
    }

    override func getBuffer(_ buffer: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>, length len: UnsafeMutablePointer<Int>) -> Bool {
        false
    }
}
