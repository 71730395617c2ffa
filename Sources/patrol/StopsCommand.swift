import ArgumentParser
import Foundation
import Geo
import Hotspots

struct StopsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stops",
        abstract: "Record, list and count the stops of past sweeps.",
        discussion: """
            Stops live in an SQLite store (WAL, versioned schema), by default <data>/stops.sqlite, or in a shared PostgreSQL store (--db postgres://…, or PATROL_DB).

              patrol stops import sweep-2026-11-23.csv
              patrol stops list --json
              patrol stops stats
            """,
        subcommands: [Import.self, List.self, Stats.self]
    )

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import stop CSV files: validated, idempotent, one transaction per file.",
            discussion: """
                Header: time,lon,lat,place,school,age_band,reason,outcome,pair,sweep in any order; lines starting \
                with # are comments. Give lon/lat or the name or id of a place in hotspots.geojson or places.geojson.

                reason: sick, truanting, medical_appointment, lunch_break, restricted_timetable, excluded, \
                with_parent, other. outcome: returned_to_school, letter_home, home_visit, none.

                Each bad row is reported as file:line: field: message, and nothing from that file is imported \
                unless --skip-bad is given. Importing the same rows again stores nothing new. Columns that look like \
                personal data (names, dates of birth, addresses, contacts, notes) refuse the file; \
                --drop-personal-columns imports it without reading them.

                  patrol stops import sweep-2026-11-23.csv
                  patrol stops import --format police-uk 2017-06-hampshire-street.csv
                """
        )

        @OptionGroup var store: StoreOptions

        @Argument(help: "CSV files to import.")
        var files: [String]

        @Option(help: "stops (default) or police-uk.")
        var format: String = "stops"

        @Flag(name: .customLong("skip-bad"), help: "Import the good rows of a file that has bad ones.")
        var skipBad = false

        @Flag(name: .customLong("drop-personal-columns"), help: "Import without columns that look like personal data, instead of refusing the file.")
        var dropPersonalColumns = false

        @Option(help: "The importer's role, recorded with the import (never a person's name).")
        var role: String = "planner"

        func validate() throws {
            guard StopFileFormat(rawValue: format) != nil else {
                throw ValidationError("--format must be one of \(StopFileFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if files.isEmpty { throw ValidationError("name at least one CSV file") }
        }

        func run() throws {
            let projection = try Projection.bng()
            let parser = StopFileParser(gazetteer: try store.gazetteer(projection: projection), projection: projection,
                                        dropPersonalColumns: dropPersonalColumns)
            let stopStore = try store.openStore()
            let importedAt = ISO8601DateFormatter().string(from: Date())
            for file in files {
                let parsed = try parser.parse(fileAt: URL(fileURLWithPath: file), format: StopFileFormat(rawValue: format)!)
                if !parsed.droppedColumns.isEmpty {
                    standardError("\(file): dropped unread: \(parsed.droppedColumns.joined(separator: ", ")) (personal data or free text)")
                }
                if !parsed.ignoredColumns.isEmpty {
                    standardError("\(file): ignored unknown columns: \(parsed.ignoredColumns.joined(separator: ", "))")
                }
                if !parsed.errors.isEmpty {
                    guard skipBad else { throw HotspotsError.badRows(path: file, errors: parsed.errors) }
                    for error in parsed.errors { standardError("\(error) (skipped)") }
                }
                let summary = try stopStore.importFile(parsed, role: role, importedAt: importedAt)
                print("\(file): \(summary.rowsRead) rows, \(summary.rowsStored) stored, \(summary.rowsAlreadyStored) already stored, \(summary.rowsSkipped) skipped")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List stored stops, oldest first.",
            discussion: "  patrol stops list --from 2026-11-01 --to 2026-12-01 --json"
        )

        @OptionGroup var store: StoreOptions

        @Flag(help: "JSON instead of a table.")
        var json = false

        @Option(help: "First day (inclusive).")
        var from: String?

        @Option(help: "Last moment (exclusive).")
        var to: String?

        @Option(help: "At most this many stops.")
        var limit: Int?

        func run() throws {
            let from = try self.from.map { try parseDate($0, option: "from") }
            let to = try self.to.map { try parseDate($0, option: "to") }
            var stops = try store.openStore().stops(from: from, before: to)
            if let limit { stops = Array(stops.prefix(max(0, limit))) }
            if json {
                let rows: [[String: String]] = stops.map { stop in
                    ["hash": stop.hash, "time": stop.time.description, "lon": String(stop.lon), "lat": String(stop.lat),
                     "place": stop.place, "school": stop.school, "age_band": stop.ageBand, "reason": stop.reason.rawValue,
                     "outcome": stop.outcome.rawValue, "pair": stop.pair, "sweep": stop.sweep]
                }
                print(try jsonText(rows))
            } else {
                print("time                 lon         lat        reason                outcome             pair    sweep   place")
                for stop in stops {
                    print([stop.time.description, String(format: "%.6f", stop.lon).padding(11), String(format: "%.6f", stop.lat).padding(10),
                           stop.reason.rawValue.padding(21), stop.outcome.rawValue.padding(19), stop.pair.padding(7),
                           stop.sweep.padding(7), stop.place].joined(separator: " "))
                }
            }
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count stored stops by reason, outcome, pair, sweep and place.",
            discussion: "  patrol stops stats --json"
        )

        @OptionGroup var store: StoreOptions

        @Flag(help: "JSON instead of text.")
        var json = false

        func run() throws {
            let opened = try store.openStore()
            let stats = try opened.stats()
            if json {
                print(try jsonText(stats))
                return
            }
            print("store \(opened.location), schema version \(try opened.schemaVersion())")
            print("\(stats.stops) stops in \(stats.sweeps) sweeps, \(stats.imports) imports, \(stats.visits) recorded visits")
            if let first = stats.first, let last = stats.last { print("from \(first) to \(last)") }
            for (title, table) in [("reason", stats.byReason), ("outcome", stats.byOutcome), ("pair", stats.byPair)] where !table.isEmpty {
                print("by \(title):")
                for (key, count) in table.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
                    print("  \(key.padding(22)) \(count)")
                }
            }
        }
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
