import ArgumentParser
import Foundation
import Hotspots

struct DbCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Show, upgrade and copy stop stores (SQLite or PostgreSQL).",
        discussion: """
            Both backends share one schema version. A store newer than this program is refused.

              patrol db status --db postgres://planner@db.county.example/patrol
              patrol db migrate --db service=patrol
              patrol db copy --from sqlite:geodata/southampton/stops.sqlite --to postgres://planner@db.county.example/patrol
            """,
        subcommands: [Status.self, Migrate.self, Copy.self]
    )

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The store's backend, schema version, spatial mode and row counts; changes nothing.",
            discussion: "  patrol db status --json"
        )

        @OptionGroup var store: StoreOptions

        @Flag(help: "JSON instead of text.")
        var json = false

        func run() throws {
            let status = try store.openStore(migrate: false).status()
            if json {
                print(try jsonText(status))
                return
            }
            let needs = status.schemaVersion < status.programVersion ? " (run `patrol db migrate`)" : ""
            print("store \(status.location) (\(status.backend))")
            print("schema version \(status.schemaVersion), program version \(status.programVersion)\(needs)")
            switch (status.backend, status.spatialMode) {
            case ("postgresql", "postgis"): print("spatial mode postgis: stops.geom geometry(Point, 27700) with a GiST index")
            case ("postgresql", _):
                print("spatial mode lonlat: no PostGIS geometry column (PostGIS is not installed or not on the search_path; "
                      + "`patrol db migrate` adds the column once it is); points are the lon/lat and easting/northing columns")
            default: print("spatial mode lonlat: points are the lon/lat and easting/northing columns")
            }
            print("\(status.stops) stops, \(status.imports) imports, \(status.visits) recorded visits")
        }
    }

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Upgrade the store's schema to this program's version (and add PostGIS where it has arrived).",
            discussion: "  patrol db migrate --db postgres://planner@db.county.example/patrol"
        )

        @OptionGroup var store: StoreOptions

        func run() throws {
            let opened = try store.openStore(migrate: false)
            let before = try opened.migrate()
            let status = try opened.status()
            print("\(status.location): schema version \(before) -> \(status.schemaVersion), spatial mode \(status.spatialMode)")
        }
    }

    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy every stop, import and visit from one store into another; running it again copies nothing new.",
            discussion: """
                Stops are matched by their content hash, visits by their key, imports by all their fields.

                  patrol db copy --from sqlite:geodata/southampton/stops.sqlite --to postgres://planner@db.county.example/patrol
                """
        )

        @Option(help: "The store to read.")
        var from: String

        @Option(help: "The store to add to (created or migrated as needed).")
        var to: String

        @Flag(help: "JSON instead of text.")
        var json = false

        func run() throws {
            try refusePassword(from, option: "from")
            try refusePassword(to, option: "to")
            let source = try StoreLocator.open(from, migrate: false)
            let target = try StoreLocator.open(to)
            let summary = try target.copy(from: source)
            if json {
                print(try jsonText(summary))
                return
            }
            print("\(source.location) -> \(target.location)")
            print("stops: \(summary.stopsCopied) copied, \(summary.stopsAlready) already there")
            print("imports: \(summary.importsCopied) copied, \(summary.importsAlready) already there")
            print("visits: \(summary.visitsCopied) copied, \(summary.visitsAlready) already there")
        }
    }
}
