import Foundation
import Solvers

/// An instance in the Corberán–Plana–Sanchis URPP format (see bench/README.md).
struct URPPInstance {
    var name: String
    var nodeCount: Int
    var edges: [WeightedEdge]

    struct ParseError: Error, CustomStringConvertible {
        var file: String
        var line: Int
        var expected: String
        var description: String { "\(file):\(line): expected \(expected)" }
    }

    init(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let file = (path as NSString).lastPathComponent
        name = file
        nodeCount = 0
        edges = []
        var required = true
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let lineNumber = index + 1
            if line.hasPrefix("NOMBRE") {
                name = line.split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? file
            } else if line.hasPrefix("VERTICES") {
                guard let n = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
                    throw ParseError(file: file, line: lineNumber, expected: "VERTICES : <count>")
                }
                nodeCount = n
            } else if line.hasPrefix("LISTA_ARISTAS_NOREQ") {
                required = false
            } else if line.hasPrefix("LISTA_ARISTAS_REQ") {
                required = true
            } else if line.hasPrefix("(") {
                let numbers = line.split(whereSeparator: { !$0.isNumber && $0 != "." }).compactMap { Double($0) }
                guard numbers.count >= 3, let u = Int(exactly: numbers[0]), let v = Int(exactly: numbers[1]),
                      u >= 1, v >= 1, u <= nodeCount, v <= nodeCount else {
                    throw ParseError(file: file, line: lineNumber, expected: "(u, v) coste c c with 1 ≤ u, v ≤ \(nodeCount)")
                }
                edges.append(WeightedEdge(u - 1, v - 1, cost: numbers[2], required: required))
            }
        }
        if nodeCount == 0 || edges.isEmpty {
            throw ParseError(file: file, line: 1, expected: "a VERTICES header and edge lists")
        }
    }
}
