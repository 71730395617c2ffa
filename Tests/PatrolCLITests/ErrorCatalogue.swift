import Foundation

/// The entries of docs/errors.md, read the way a person reads them: `### E-ID: title`, then
/// `**Exit code:**`, `**Matches:**` and an optional `<!-- pending: MODULE -->` tag.
struct CatalogueEntry: Hashable, CustomStringConvertible {
    var id: String
    var exitCode: Int32
    var matches: String
    /// The module whose code produces the error, when that code is not on main yet.
    var pendingOn: String?
    var description: String { id }
}

enum ErrorCatalogue {
    static let file = PatrolRun.repositoryRoot.appendingPathComponent("docs/errors.md")

    struct FormatError: Error, CustomStringConvertible {
        var description: String
    }

    static func entries(_ text: String) throws -> [CatalogueEntry] {
        var sections: [(id: String, lines: [Substring])] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("### E-") {
                let heading = line.dropFirst(4)
                let id = heading.prefix { $0 != ":" && $0 != " " }
                sections.append((String(id), []))
            } else if line.hasPrefix("#") {
                sections.append(("", []))  // a heading that is not an entry ends the entry before it
            } else if !sections.isEmpty {
                sections[sections.count - 1].lines.append(line)
            }
        }
        return try sections.filter { !$0.id.isEmpty }.map { section in
            func field(_ name: String) -> Substring? {
                let marker = "**\(name):**"
                guard let line = section.lines.first(where: { $0.contains(marker) }),
                      let range = line.range(of: marker) else { return nil }
                return line[range.upperBound...].drop { $0 == " " }
            }
            guard let codeText = field("Exit code"), let code = Int32(codeText.prefix { $0.isNumber }) else {
                throw FormatError(description: "\(section.id): no **Exit code:** line with a number")
            }
            guard let matchesField = field("Matches"), matchesField.hasPrefix("`"),
                  let close = matchesField.dropFirst().firstIndex(of: "`") else {
                throw FormatError(description: "\(section.id): no **Matches:** `text` line")
            }
            let matches = String(matchesField[matchesField.index(after: matchesField.startIndex)..<close])
            var pending: String?
            for line in section.lines {
                if let start = line.range(of: "<!-- pending:"), let end = line.range(of: "-->") {
                    pending = line[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespaces)
                }
            }
            return CatalogueEntry(id: section.id, exitCode: code, matches: matches, pendingOn: pending)
        }
    }
}
