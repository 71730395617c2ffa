import Foundation
import Testing

@Suite struct ErrorCatalogueTests {
    static func catalogue() throws -> [CatalogueEntry] {
        try ErrorCatalogue.entries(String(contentsOf: ErrorCatalogue.file, encoding: .utf8))
    }

    /// The failures a planner is most likely to meet must each have an entry a message can be looked up in.
    @Test func catalogueCoversTheCommonFailures() throws {
        let ids = Set(try Self.catalogue().map(\.id))
        let required = ["E-NETWORK-DISCONNECTED", "E-HOTSPOT-UNREACHABLE", "E-ONEWAY-NO-WAY-BACK", "E-PATCH-NO-STREETS",
                        "E-BASE-OFF-NETWORK", "E-WINDOW-TOO-SHORT", "E-STORE-NEWER", "E-FILE-UNREADABLE"]
        for id in required {
            #expect(ids.contains(id), "docs/errors.md has no entry \(id)")
        }
        let entries = try Self.catalogue()
        #expect(entries.count == ids.count, "an id appears twice in docs/errors.md")
        for entry in entries {
            #expect(!entry.matches.isEmpty, "\(entry.id) has an empty Matches text")
            #expect([0, 1, 64, 65, 66, 69, 70, 73, 76, 78].contains(entry.exitCode), "\(entry.id): exit code \(entry.exitCode) is not in the table")
        }
    }

    @Test func catalogueReaderSeesPendingTagsAndFields() throws {
        let text = """
            ### E-ONE: first
            - **Exit code:** 65
            - **Matches:** `bad thing`
            ## Section
            ### E-TWO: second
            <!-- pending: planner -->
            - **Exit code:** 69 (unavailable)
            - **Matches:** `too short`
            """
        let entries = try ErrorCatalogue.entries(text)
        #expect(entries == [CatalogueEntry(id: "E-ONE", exitCode: 65, matches: "bad thing", pendingOn: nil),
                            CatalogueEntry(id: "E-TWO", exitCode: 69, matches: "too short", pendingOn: "planner")])
        #expect(throws: ErrorCatalogue.FormatError.self) { try ErrorCatalogue.entries("### E-X: no fields\n") }
    }

    @Test func everyScenarioNamesACatalogueEntry() throws {
        let ids = Set(try Self.catalogue().map(\.id))
        for id in ErrorScenarios.all.keys.sorted() {
            #expect(ids.contains(id), "ErrorScenarios has \(id), which docs/errors.md does not list")
        }
    }

    /// Runs each entry's input through the built binary: the exit code is the documented one, the output
    /// holds the documented text, and errors reported by the CLI have the one-line-and-hint shape.
    @Test func everyCatalogueEntryIsProducedBySomeInput() throws {
        let binary = try #require(PatrolRun.patrol, "build patrol first (swift build); it is looked for at .build/debug/patrol")
        var checked: [String] = []
        var pending: [String] = []
        for entry in try Self.catalogue() {
            if let module = entry.pendingOn {
                pending.append("\(entry.id) (\(module))")
                continue
            }
            guard let scenario = ErrorScenarios.all[entry.id] else {
                Issue.record("\(entry.id) has no producing input in ErrorScenarios")
                continue
            }
            let folder = try ScratchFolder("errors")
            let arguments = try scenario(folder)
            let run = try PatrolRun.run(binary, arguments, in: folder.url)
            #expect(run.status == entry.exitCode,
                    "\(entry.id): patrol \(arguments.joined(separator: " ")) exited \(run.status), catalogue says \(entry.exitCode)\n\(run.combined)")
            #expect(run.combined.contains(entry.matches), "\(entry.id): output lacks '\(entry.matches)':\n\(run.combined)")
            let lines = run.standardError.split(separator: "\n")
            if lines.first?.hasPrefix("patrol: error: ") == true {
                #expect(lines.contains { $0.hasPrefix("hint: ") }, "\(entry.id): no hint line:\n\(run.standardError)")
            } else if ![0, 1, 64].contains(entry.exitCode) {
                Issue.record("\(entry.id): standard error does not start with 'patrol: error: ':\n\(run.standardError)")
            }
            #expect(!run.combined.contains("Fatal error") && !run.combined.contains("Stack dump"),
                    "\(entry.id): a crash instead of an error:\n\(run.combined)")
            checked.append(entry.id)
        }
        print("error catalogue: \(checked.count) entries produced by an input; \(pending.count) pending and not run: \(pending.joined(separator: ", "))")
        #expect(checked.count >= 10)
    }
}
