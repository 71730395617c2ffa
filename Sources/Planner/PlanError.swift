import Base

/// Planning failures a planner can act on. Each names the pair, patch, hotspot or street.
public struct PlanError: UserFacingError, Hashable, Sendable {
    /// A stable id, listed in docs/errors.md.
    public var code: String
    public var message: String
    public var hint: String?
    public var exitCode: ExitStatus

    public init(code: String, message: String, hint: String?, exitCode: ExitStatus = .unavailable) {
        self.code = code
        self.message = message
        self.hint = hint
        self.exitCode = exitCode
    }

    public var description: String { "\(message) [\(code)]" }

    static func baseOffNetwork(pair: String, metres: Double) -> PlanError {
        PlanError(code: "E-BASE-OFF-NETWORK",
                  message: "\(pair): the base is \(Int(metres.rounded())) m from the nearest street of the network",
                  hint: "move the base in pairs.json onto a street, or import streets that reach it")
    }

    static func windowTooShort(pair: String, neededMinutes: Int, windowMinutes: Int) -> PlanError {
        PlanError(code: "E-WINDOW-TOO-SHORT",
                  message: "\(pair): the window of \(windowMinutes) min is too short even to reach the patch and return (\(neededMinutes) min)",
                  hint: "widen the window with --start/--end or in pairs.json, or give the pair a nearer patch")
    }

    static func disconnectedNetwork(pair: String, patch: String, streets: [String]) -> PlanError {
        PlanError(code: "E-NETWORK-DISCONNECTED",
                  message: "\(pair): patch \(patch) cannot be reached from the base and back: \(StreetList.text(streets))",
                  hint: "check one-way tags and missing links near these streets in streets.geojson")
    }
}

enum StreetList {
    static func text(_ names: [String], limit: Int = 8) -> String {
        var seen: [String] = []
        for name in names.map({ $0.isEmpty ? "unnamed street" : $0 }) where !seen.contains(name) { seen.append(name) }
        if seen.count > limit { return seen.prefix(limit).joined(separator: ", ") + " and \(seen.count - limit) more" }
        return seen.joined(separator: ", ")
    }
}
