import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The SVG parsed by Foundation's XML parser into a small tree, so tests read what a browser would read.
final class SVGNode {
    let name: String
    let attributes: [String: String]
    var children: [SVGNode] = []
    var text = ""
    weak var parent: SVGNode?

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    subscript(attribute: String) -> String? { attributes[attribute] }
    func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }

    var descendants: [SVGNode] { children.flatMap { [$0] + $0.descendants } }

    func first(id: String) -> SVGNode? { descendants.first { $0["id"] == id } }
}

final class SVGDocument: NSObject, XMLParserDelegate {
    private(set) var root: SVGNode?
    private var stack: [SVGNode] = []
    private(set) var parseError: String?

    static func parse(_ text: String) -> SVGDocument {
        let document = SVGDocument()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = document
        if !parser.parse() {
            document.parseError = document.parseError ?? parser.parserError.map { "\($0)" } ?? "unknown XML error"
        }
        return document
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let node = SVGNode(name: elementName, attributes: attributes)
        node.parent = stack.last
        if let parent = stack.last { parent.children.append(node) } else { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }

    func parser(_ parser: XMLParser, parseErrorOccurred error: any Error) {
        parseError = "line \(parser.lineNumber), column \(parser.columnNumber): \(error)"
    }
}
