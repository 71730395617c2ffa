import Foundation

/// One finding of `patrol validate`, located by file and feature.
public struct ValidationProblem: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var file: String
    public var featureIndex: Int?
    public var message: String
    public var severity: Severity

    public init(file: String, featureIndex: Int? = nil, message: String, severity: Severity = .error) {
        self.file = file
        self.featureIndex = featureIndex
        self.message = message
        self.severity = severity
    }

    /// `file:feature N: message`, with `(warning)` appended for warnings.
    public var description: String {
        var text = file
        if let featureIndex { text += ":feature \(featureIndex)" }
        text += ": " + message
        if severity == .warning { text += " (warning)" }
        return text
    }
}

/// Checks that a GeoJSON file is RFC 7946: it parses, positions are in range, rings are closed,
/// and it has no legacy `crs` member. Winding the wrong way is only a warning: the RFC asks
/// parsers not to reject it, and our writer fixes it.
public enum GeoJSONFileCheck {
    public static func check(fileAt url: URL, displayName: String? = nil) -> (object: GeoJSONObject?, problems: [ValidationProblem]) {
        let name = displayName ?? url.path
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: url))
        } catch {
            return (nil, [ValidationProblem(file: name, message: "cannot read the file: \(error.localizedDescription)")])
        }
        return check(bytes: bytes, displayName: name)
    }

    public static func check(bytes: [UInt8], displayName name: String) -> (object: GeoJSONObject?, problems: [ValidationProblem]) {
        var problems: [ValidationProblem] = []
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            return (nil, [ValidationProblem(file: name, message: "not valid JSON: \(error)")])
        }
        if json["crs"] != nil {
            problems.append(ValidationProblem(file: name, message: "has a \"crs\" member, which RFC 7946 removed; coordinates must be WGS84 lon/lat", severity: .warning))
        }
        var tools = ValidityTools()
        // A collection is read feature by feature, so one bad feature does not hide the others.
        var object: GeoJSONObject?
        if json["type"] == "FeatureCollection", let items = json["features"]?.arrayValue {
            var features: [Feature] = []
            for (index, item) in items.enumerated() {
                do {
                    let feature = try GeoJSONReader.feature(item, index: index)
                    features.append(feature)
                    problems += windingProblems(feature, index: index, file: name)
                    problems += geometryProblems(feature, index: index, file: name, tools: &tools)
                } catch {
                    problems.append(problem(error, file: name))
                }
            }
            if features.count == items.count, case let .featureCollection(whole)? = try? GeoJSONReader.object(json) {
                object = .featureCollection(whole)
            }
            return (object, problems)
        }
        do {
            object = try GeoJSONReader.object(json)
        } catch {
            problems.append(problem(error, file: name))
            return (nil, problems)
        }
        guard let object else { return (nil, problems) }
        for (index, feature) in object.features.enumerated() {
            problems += windingProblems(feature, index: index, file: name)
            problems += geometryProblems(feature, index: index, file: name, tools: &tools)
        }
        return (object, problems)
    }

    static func problem(_ error: any Error, file: String) -> ValidationProblem {
        guard let error = error as? GeoJSONError else { return ValidationProblem(file: file, message: "\(error)") }
        let unlocated = GeoJSONError(featureIndex: nil, path: error.path, message: error.message)
        return ValidationProblem(file: file, featureIndex: error.featureIndex, message: unlocated.description)
    }

    static func windingProblems(_ feature: Feature, index: Int, file: String) -> [ValidationProblem] {
        guard let geometry = feature.geometry, !geometry.hasRFC7946Winding else { return [] }
        return [ValidationProblem(
            file: file, featureIndex: index,
            message: "polygon winding: exterior rings should be counter-clockwise and holes clockwise",
            severity: .warning)]
    }

    /// GEOS validity of areal geometry in BNG: a self-intersecting patch would mislead every
    /// containment test that uses it.
    static func geometryProblems(_ feature: Feature, index: Int, file: String, tools: inout ValidityTools) -> [ValidationProblem] {
        guard let geometry = feature.geometry, ["Polygon", "MultiPolygon"].contains(geometry.typeName) else { return [] }
        do {
            let (projection, context) = try tools.get()
            let shape = try geometry.geometry(using: projection, context: context)
            let report = try shape.validity()
            guard !report.isValid else { return [] }
            var where_ = ""
            if let location = report.location, let lonLat = try? projection.lonLat(location) {
                var writer = JSONWriter()
                writer.number(lonLat.lon, decimals: 6)
                writer.raw(", ")
                writer.number(lonLat.lat, decimals: 6)
                where_ = " at \(writer.text)"
            }
            return [ValidationProblem(file: file, featureIndex: index,
                                      message: "invalid geometry: \(report.reason ?? "unknown reason")\(where_)")]
        } catch {
            return [ValidationProblem(file: file, featureIndex: index, message: "geometry cannot be checked: \(error)")]
        }
    }
}

/// A projection and a GEOS context made on first use, so files without polygons cost nothing.
struct ValidityTools {
    private var made: (Projection, GEOSContext)?

    mutating func get() throws -> (Projection, GEOSContext) {
        if let made { return made }
        let pair = (try Projection.bng(), try GEOSContext())
        made = pair
        return pair
    }
}
