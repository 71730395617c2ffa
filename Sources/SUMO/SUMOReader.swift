import Foundation
import Geo
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a SUMO `.net.xml` road network with a streaming (SAX) parser, keeping the location,
/// edge types, non-internal edges with their lanes, and non-internal junctions.
/// Connections, traffic-light programs and roundabout lists are not needed and are skipped.
public enum SUMOReader {
    public static func read(contentsOf url: URL) throws -> SUMONetwork {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SUMOError.cannotRead(file: url.path, reason: error.localizedDescription)
        }
        return try read(data: data, fileName: url.path)
    }

    /// `fileName` is only used in messages.
    public static func read(data: Data, fileName: String) throws -> SUMONetwork {
        // Foundation's XMLParser traps on a name that is not UTF-8, so such bytes are refused first. Only a
        // declared Latin-1, which libxml2 converts byte for byte, is let through; a garbled declaration is not.
        let encoding = UTF8Check.declaredXMLEncoding(data)?.uppercased()
        let latin1 = ["ISO-8859-1", "ISO8859-1", "LATIN1", "LATIN-1"].contains(encoding ?? "")
        if !latin1, let bad = UTF8Check.firstInvalidByte(in: data) {
            throw SUMOError.malformedXML(file: fileName, line: bad.line, column: bad.column,
                                         message: "byte 0x\(String(bad.byte, radix: 16, uppercase: true)) is not UTF-8",
                                         expected: "UTF-8 text, as netconvert writes")
        }
        if let empty = XMLPreflight.emptyProcessingInstruction(in: [UInt8](data)) {
            throw SUMOError.malformedXML(file: fileName, line: empty.line, column: empty.column,
                                         message: "a processing instruction with no data", expected: "<?target data?>, as netconvert writes")
        }
        let handler = SUMOParseHandler(fileName: fileName)
        handler.lineCount = data.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = handler
        let succeeded = parser.parse()
        if let failure = handler.failure { throw failure }
        if !succeeded {
            throw handler.malformed(parser, message: parser.parserError.map { "\($0.localizedDescription)" } ?? "the parser stopped")
        }
        return try handler.network()
    }
}

/// The parser's delegate. Delegate callbacks cannot throw, so the first problem is kept and parsing aborted.
final class SUMOParseHandler: NSObject, XMLParserDelegate {
    let fileName: String
    var lineCount = 0
    private(set) var failure: SUMOError?
    private var openElements: [String] = []
    private var sawNet = false
    private var location: SUMOLocation?
    private var types: [String: SUMOEdgeType] = [:]
    private var edges: [SUMOEdge] = []
    private var junctions: [SUMOJunction] = []
    /// The `<edge>` being read; nil inside internal edges, whose lanes are skipped too.
    private var currentEdge: SUMOEdge?

    init(fileName: String) {
        self.fileName = fileName
    }

    func network() throws -> SUMONetwork {
        guard sawNet else {
            throw SUMOError.invalidNetwork(file: fileName, message: "no <net> element: this is not a SUMO network file")
        }
        guard let location else {
            throw SUMOError.invalidNetwork(file: fileName, message: "no <location> element, so the network cannot be placed on a map")
        }
        return SUMONetwork(location: location, types: types, edges: edges, junctions: junctions)
    }

    func malformed(_ parser: XMLParser, message: String, code: Int? = nil) -> SUMOError {
        let expected: String
        if code == 76, let open = openElements.last {
            expected = "</\(open)> to close the open <\(open)> (open elements: \(openElements.joined(separator: " > ")))"
        } else if let open = openElements.last {
            expected = "the rest of <\(open)> and its closing </\(open)> (open elements: \(openElements.joined(separator: " > ")))"
        } else if sawNet {
            expected = "nothing after </net>"
        } else {
            expected = "an XML document whose root element is <net>"
        }
        var text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if parser.lineNumber >= lineCount, !openElements.isEmpty {
            text += "; the file ends here, so it looks truncated"
        }
        return .malformedXML(file: fileName, line: parser.lineNumber, column: parser.columnNumber,
                             message: text.isEmpty ? "the parser stopped" : text, expected: expected)
    }

    /// The parser hands on libxml2's error number (xmlerror.h) but not its text; the common ones, in words.
    static let libxml2Errors: [Int: String] = [
        4: "no XML element where the document should start", 5: "extra content at the end of the document",
        9: "a character that XML does not allow", 33: "a string is not started", 34: "a string is not closed",
        38: "a '<' inside an attribute value", 39: "an attribute value is not started",
        40: "an attribute value is not finished", 41: "an attribute has no value", 42: "an attribute is given twice",
        44: "a quoted value is not finished", 45: "a comment is not finished", 65: "a space is required",
        68: "a name is required", 73: "'>' is required", 74: "'</' is required", 75: "'=' is required",
        76: "the closing tag does not match the open element", 77: "a tag is not finished",
        85: "the elements are not balanced", 86: "extra content after the root element",
    ]

    static func describe(_ code: Int) -> String {
        "\(libxml2Errors[code] ?? "XML error") (libxml2 error \(code))"
    }

    private func fail(_ error: SUMOError, _ parser: XMLParser) {
        if failure == nil { failure = error }
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard failure == nil else { return }
        let code = (parseError as NSError).code
        failure = malformed(parser, message: Self.describe(code), code: code)
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        guard failure == nil else { return }
        openElements.append(elementName)
        var fields = AttributeReader(element: elementName, attributes: attributes, line: parser.lineNumber, fileName: fileName)
        do {
            switch elementName {
            case "net":
                sawNet = true
            case "location":
                location = try readLocation(&fields)
            case "type":
                let id = try fields.required("id")
                types[id] = SUMOEdgeType(id: id, speedMetresPerSecond: try fields.optionalNumber("speed"))
            case "edge":
                let function = fields.optional("function") ?? "normal"
                if function == "normal" {
                    currentEdge = SUMOEdge(
                        id: try fields.required("id"),
                        from: try fields.required("from"),
                        to: try fields.required("to"),
                        type: fields.optional("type") ?? "",
                        function: function,
                        shape: try fields.optionalShape("shape"),
                        lanes: [],
                        line: parser.lineNumber
                    )
                } else {
                    currentEdge = nil
                }
            case "lane":
                guard currentEdge != nil, openElements.dropLast().last == "edge" else { break }
                let lane = SUMOLane(
                    id: try fields.required("id"),
                    speedMetresPerSecond: try fields.requiredNumber("speed"),
                    lengthMetres: try fields.requiredNumber("length"),
                    shape: try fields.optionalShape("shape") ?? []
                )
                currentEdge?.lanes.append(lane)
            case "junction":
                let type = fields.optional("type") ?? ""
                guard type != "internal" else { break }
                let id = try fields.required("id")
                let x = try fields.requiredNumber("x")
                let y = try fields.requiredNumber("y")
                junctions.append(SUMOJunction(id: id, position: NetPoint(x: x, y: y), type: type))
            default:
                break
            }
        } catch let error as SUMOError {
            fail(error, parser)
        } catch {
            fail(.invalidElement(file: fileName, line: parser.lineNumber, element: elementName, field: "?", expected: "\(error)"), parser)
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil else { return }
        if openElements.last == elementName { openElements.removeLast() }
        if elementName == "edge" {
            if let edge = currentEdge { edges.append(edge) }
            currentEdge = nil
        }
    }

    private func readLocation(_ fields: inout AttributeReader) throws -> SUMOLocation {
        let offset = try fields.requiredNumbers("netOffset", count: 2)
        return SUMOLocation(
            netOffset: NetPoint(x: offset[0], y: offset[1]),
            convBoundary: try fields.optionalNumbers("convBoundary", count: 4) ?? [],
            origBoundary: try fields.optionalNumbers("origBoundary", count: 4) ?? [],
            projParameter: try fields.required("projParameter")
        )
    }
}

/// Typed access to one element's attributes, throwing located errors.
struct AttributeReader {
    let element: String
    let attributes: [String: String]
    let line: Int
    let fileName: String

    func optional(_ name: String) -> String? { attributes[name] }

    func required(_ name: String) throws -> String {
        guard let value = attributes[name], !value.isEmpty else {
            throw problem(name, "a non-empty \(name) attribute\(idHint)")
        }
        return value
    }

    func requiredNumber(_ name: String) throws -> Double {
        let text = try required(name)
        guard let value = Double(text), value.isFinite else {
            throw problem(name, "a number, not \"\(text)\"\(idHint)")
        }
        return value
    }

    func optionalNumber(_ name: String) throws -> Double? {
        guard attributes[name] != nil else { return nil }
        return try requiredNumber(name)
    }

    func requiredNumbers(_ name: String, count: Int) throws -> [Double] {
        let text = try required(name)
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let values = parts.compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == count, values.count == count, values.allSatisfy(\.isFinite) else {
            throw problem(name, "\(count) comma-separated numbers, not \"\(text)\"\(idHint)")
        }
        return values
    }

    func optionalNumbers(_ name: String, count: Int) throws -> [Double]? {
        guard attributes[name] != nil else { return nil }
        return try requiredNumbers(name, count: count)
    }

    /// `x,y x,y …` (a third number, the elevation, is allowed and dropped); at least two positions.
    func optionalShape(_ name: String) throws -> [NetPoint]? {
        guard let text = attributes[name] else { return nil }
        var points: [NetPoint] = []
        for (index, token) in text.split(separator: " ", omittingEmptySubsequences: true).enumerated() {
            let numbers = token.split(separator: ",", omittingEmptySubsequences: false).map { Double($0) }
            guard numbers.count == 2 || numbers.count == 3, let x = numbers[0], let y = numbers[1], x.isFinite, y.isFinite else {
                throw problem(name, "positions \"x,y\" separated by spaces; position \(index + 1) is \"\(token)\"\(idHint)")
            }
            points.append(NetPoint(x: x, y: y))
        }
        guard points.count >= 2 else {
            throw problem(name, "at least two positions, found \(points.count)\(idHint)")
        }
        return points
    }

    private var idHint: String {
        attributes["id"].map { " (id \"\($0)\")" } ?? ""
    }

    private func problem(_ field: String, _ expected: String) -> SUMOError {
        .invalidElement(file: fileName, line: line, element: element, field: field, expected: expected)
    }
}
