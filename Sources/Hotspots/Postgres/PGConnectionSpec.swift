import CLibPQ
import Foundation

/// A libpq connection string (URI or keyword string) as libpq itself parses it, so patrol never
/// interprets connection syntax by hand. Used to find a password before it can be echoed, and to
/// write variants of a connection (another schema, another password) as a keyword string.
public struct PGConnectionSpec: Hashable, Sendable {
    /// Keyword and value pairs that were set, in libpq's keyword order.
    public private(set) var settings: [String: String]
    private var order: [String]

    public init(parsing conninfo: String) throws {
        var errorText: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &errorText) else {
            var message = errorText.map { String(cString: $0) } ?? "out of memory"
            if let errorText { PQfreemem(errorText) }
            message = PGConnection.scrub(message.trimmingCharacters(in: .whitespacesAndNewlines),
                                         secrets: Self.textualPasswordCandidates(in: conninfo))
            throw HotspotsError.postgres(server: "--db", sqlstate: nil, message: "not a libpq connection string: \(message)")
        }
        defer { PQconninfoFree(options) }
        var settings: [String: String] = [:]
        var order: [String] = []
        var option = options
        while let keyword = option.pointee.keyword {
            let name = String(cString: keyword)
            if let value = option.pointee.val {
                settings[name] = String(cString: value)
                order.append(name)
            }
            option += 1
        }
        self.settings = settings
        self.order = order
    }

    public var password: String? { settings["password"] }

    public subscript(keyword: String) -> String? {
        get { settings[keyword] }
        set {
            if newValue != nil, settings[keyword] == nil { order.append(keyword) }
            if newValue == nil { order.removeAll { $0 == keyword } }
            settings[keyword] = newValue
        }
    }

    /// `key='value' …`, quoted as libpq's keyword syntax requires.
    public var keywordString: String {
        order.compactMap { key in
            settings[key].map { value in
                let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
                return "\(key)='\(escaped)'"
            }
        }.joined(separator: " ")
    }

    /// Everything in `conninfo` that may be a password, even when the string does not parse:
    /// the userinfo of a URI (raw and percent-decoded) and `password=` values.
    static func passwordCandidates(in conninfo: String) -> [String] {
        let parsed = (try? PGConnectionSpec(parsing: conninfo))?.password.map { [$0] } ?? []
        return parsed + textualPasswordCandidates(in: conninfo)
    }

    private static func textualPasswordCandidates(in conninfo: String) -> [String] {
        var candidates: [String] = []
        if let scheme = conninfo.range(of: "://") {
            let rest = conninfo[scheme.upperBound...]
            if let at = rest.lastIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") {
                let raw = String(rest[rest.index(after: colon)..<at])
                candidates.append(raw)
                if let decoded = raw.removingPercentEncoding { candidates.append(decoded) }
            }
        }
        var searchStart = conninfo.startIndex
        while let key = conninfo.range(of: "password=", range: searchStart..<conninfo.endIndex) {
            var value = conninfo[key.upperBound...]
            if value.hasPrefix("'") {
                value = value.dropFirst()
                candidates.append(String(value.prefix { $0 != "'" }))
            } else {
                candidates.append(String(value.prefix { $0 != " " && $0 != "&" }))
            }
            searchStart = key.upperBound
        }
        return candidates.filter { !$0.isEmpty }
    }
}
