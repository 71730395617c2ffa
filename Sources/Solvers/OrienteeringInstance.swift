import Foundation

/// An orienteering instance in the Tsiligirides/Chao text format: a first line `Tmax P`, then one
/// `x y score` line per node. Node 0 is the start and node 1 the end; travel is the unrounded
/// Euclidean distance.
public struct OrienteeringInstance: Sendable {
    public var name: String
    public var budget: Double
    public var x: [Double]
    public var y: [Double]
    public var scores: [Double]

    public var nodeCount: Int { x.count }
    public var start: Int { 0 }
    public var end: Int { 1 }

    public init(name: String, budget: Double, x: [Double], y: [Double], scores: [Double]) {
        self.name = name
        self.budget = budget
        self.x = x
        self.y = y
        self.scores = scores
    }

    public func distance(_ i: Int, _ j: Int) -> Double {
        let dx = x[i] - x[j], dy = y[i] - y[j]
        return (dx * dx + dy * dy).squareRoot()
    }

    public func costMatrix() -> [[Double]] {
        (0..<nodeCount).map { i in (0..<nodeCount).map { j in distance(i, j) } }
    }

    public static func parse(contentsOf path: String) throws -> OrienteeringInstance {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw OrienteeringInstanceError.unreadable(file: path)
        }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return try parse(text, name: name, file: path)
    }

    public static func parse(_ text: String, name: String, file: String) throws -> OrienteeringInstance {
        var budget: Double?
        var x = [Double](), y = [Double](), scores = [Double]()
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let fields = rawLine.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if fields.isEmpty { continue }
            let numbers = fields.compactMap { Double($0) }
            guard numbers.count == fields.count else {
                throw OrienteeringInstanceError.malformedLine(file: file, line: index + 1, expected: "numbers only")
            }
            if budget == nil {
                guard numbers.count == 2, numbers[0].isFinite, numbers[0] >= 0 else {
                    throw OrienteeringInstanceError.malformedLine(
                        file: file, line: index + 1, expected: "`Tmax P` with Tmax ≥ 0")
                }
                budget = numbers[0]
                continue
            }
            guard numbers.count == 3 else {
                throw OrienteeringInstanceError.malformedLine(file: file, line: index + 1, expected: "`x y score`")
            }
            x.append(numbers[0])
            y.append(numbers[1])
            scores.append(numbers[2])
        }
        guard let budget else { throw OrienteeringInstanceError.malformedLine(file: file, line: 1, expected: "`Tmax P`") }
        guard x.count >= 2 else { throw OrienteeringInstanceError.tooFewNodes(file: file, found: x.count) }
        return OrienteeringInstance(name: name, budget: budget, x: x, y: y, scores: scores)
    }
}

public enum OrienteeringInstanceError: Error, Equatable, CustomStringConvertible {
    case unreadable(file: String)
    case malformedLine(file: String, line: Int, expected: String)
    case tooFewNodes(file: String, found: Int)

    public var description: String {
        switch self {
        case let .unreadable(file):
            return "\(file): cannot be read as UTF-8 text"
        case let .malformedLine(file, line, expected):
            return "\(file):\(line): expected \(expected)"
        case let .tooFewNodes(file, found):
            return "\(file): \(found) node lines, expected at least 2 (start and end)"
        }
    }
}
