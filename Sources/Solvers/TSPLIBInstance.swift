import Foundation

/// A TSPLIB95 instance given by node coordinates (`NODE_COORD_SECTION`), with the library's
/// integer distance functions. Optimal values published for TSPLIB hold only with these
/// roundings, so the distances are reproduced exactly as TSPLIB defines them.
public struct TSPLIBInstance: Sendable {
    public enum DistanceKind: String, Sendable {
        /// Euclidean, rounded to the nearest integer (TSPLIB's `nint`).
        case euclidean2D = "EUC_2D"
        /// Euclidean, rounded up.
        case ceiling2D = "CEIL_2D"
        /// Pseudo-Euclidean of the att48/att532 instances.
        case att = "ATT"
        /// Great-circle on an idealised sphere, coordinates as DDD.MM degrees and minutes.
        case geographic = "GEO"
    }

    public var name: String
    public var distanceKind: DistanceKind
    public var x: [Double]
    public var y: [Double]

    public var nodeCount: Int { x.count }

    public init(name: String, distanceKind: DistanceKind, x: [Double], y: [Double]) {
        self.name = name
        self.distanceKind = distanceKind
        self.x = x
        self.y = y
    }

    /// TSPLIB's distance between nodes `i` and `j` (0-based).
    public func distance(_ i: Int, _ j: Int) -> Int {
        let dx = x[i] - x[j], dy = y[i] - y[j]
        switch distanceKind {
        case .euclidean2D:
            return Int((dx * dx + dy * dy).squareRoot() + 0.5)
        case .ceiling2D:
            return Int((dx * dx + dy * dy).squareRoot().rounded(.up))
        case .att:
            let r = ((dx * dx + dy * dy) / 10).squareRoot()
            let t = Int(r + 0.5)
            return Double(t) < r ? t + 1 : t
        case .geographic:
            if i == j { return 0 }
            let (latI, lonI) = (Self.radians(x[i]), Self.radians(y[i]))
            let (latJ, lonJ) = (Self.radians(x[j]), Self.radians(y[j]))
            let q1 = cos(lonI - lonJ), q2 = cos(latI - latJ), q3 = cos(latI + latJ)
            return Int(6378.388 * acos(0.5 * ((1 + q1) * q2 - (1 - q1) * q3)) + 1)
        }
    }

    /// The full matrix of `distance(i, j)` as `Double`, for `TSPSolver`.
    public func costMatrix() -> [[Double]] {
        (0..<nodeCount).map { i in (0..<nodeCount).map { j in Double(distance(i, j)) } }
    }

    /// TSPLIB's DDD.MM reading, with its rounded π.
    private static func radians(_ value: Double) -> Double {
        let degrees = Double(Int(value))
        let minutes = value - degrees
        return 3.141592 * (degrees + 5 * minutes / 3) / 180
    }

    public static func parse(contentsOf path: String) throws -> TSPLIBInstance {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw TSPLIBError.unreadable(file: path)
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws -> TSPLIBInstance {
        var name = (file as NSString).lastPathComponent
        var dimension: Int?
        var kind: DistanceKind?
        var x = [Double](), y = [Double]()
        var inCoordinates = false
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = index + 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            if line == "EOF" { break }
            if inCoordinates {
                let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                if fields.count == 3, let id = Int(fields[0]), let px = Double(fields[1]), let py = Double(fields[2]) {
                    guard id == x.count + 1 else {
                        throw TSPLIBError.malformedLine(file: file, line: lineNumber, expected: "node \(x.count + 1)")
                    }
                    x.append(px)
                    y.append(py)
                    continue
                }
                inCoordinates = false
            }
            if line.hasPrefix("NODE_COORD_SECTION") {
                inCoordinates = true
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                throw TSPLIBError.malformedLine(file: file, line: lineNumber, expected: "KEY : value or a coordinate line")
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "NAME":
                name = value
            case "TYPE":
                guard value == "TSP" else {
                    throw TSPLIBError.unsupported(file: file, line: lineNumber, field: key, value: value, expected: "TSP")
                }
            case "DIMENSION":
                guard let count = Int(value), count > 0 else {
                    throw TSPLIBError.unsupported(file: file, line: lineNumber, field: key, value: value, expected: "a positive integer")
                }
                dimension = count
            case "EDGE_WEIGHT_TYPE":
                guard let parsed = DistanceKind(rawValue: value) else {
                    throw TSPLIBError.unsupported(
                        file: file, line: lineNumber, field: key, value: value, expected: "EUC_2D, CEIL_2D, ATT or GEO")
                }
                kind = parsed
            default:
                continue
            }
        }
        guard let dimension else { throw TSPLIBError.missingField(file: file, field: "DIMENSION") }
        guard let kind else { throw TSPLIBError.missingField(file: file, field: "EDGE_WEIGHT_TYPE") }
        guard x.count == dimension else {
            throw TSPLIBError.countMismatch(file: file, expected: dimension, found: x.count)
        }
        return TSPLIBInstance(name: name, distanceKind: kind, x: x, y: y)
    }
}

public enum TSPLIBError: Error, Equatable, CustomStringConvertible {
    case unreadable(file: String)
    case missingField(file: String, field: String)
    case unsupported(file: String, line: Int, field: String, value: String, expected: String)
    case malformedLine(file: String, line: Int, expected: String)
    case countMismatch(file: String, expected: Int, found: Int)

    public var description: String {
        switch self {
        case let .unreadable(file):
            return "\(file): cannot be read as UTF-8 text"
        case let .missingField(file, field):
            return "\(file): header field \(field) is missing"
        case let .unsupported(file, line, field, value, expected):
            return "\(file):\(line): \(field) is \(value), expected \(expected)"
        case let .malformedLine(file, line, expected):
            return "\(file):\(line): expected \(expected)"
        case let .countMismatch(file, expected, found):
            return "\(file): DIMENSION is \(expected) but NODE_COORD_SECTION has \(found) nodes"
        }
    }
}
