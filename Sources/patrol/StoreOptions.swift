import ArgumentParser
import Base
import Foundation
import Geo
import Hotspots

/// `--data` and `--db`, shared by every command that reads or writes stops.
struct StoreOptions: ParsableArguments {
    @Option(help: "The area folder (hotspots.geojson, places.geojson, stops.sqlite).")
    var data: String = "geodata/southampton"

    @Option(help: ArgumentHelp(
        "The stop store: PATH, sqlite:PATH, or a PostgreSQL URI or keyword string (postgres://user@host:port/db, service=NAME). Default: $PATROL_DB, else <data>/stops.sqlite.",
        discussion: "A PostgreSQL password never goes on the command line: libpq reads it from PGPASSWORD, ~/.pgpass or pg_service.conf."))
    var db: String?

    var dbSpec: String {
        db ?? ProcessInfo.processInfo.environment[StoreLocator.environmentVariable] ?? (data as NSString).appendingPathComponent("stops.sqlite")
    }

    func openStore(migrate: Bool = true) throws -> any StopStore {
        if let db { try refusePassword(db, option: "db") }
        return try StoreLocator.open(dbSpec, migrate: migrate)
    }
}

/// A password in an argument would show in `ps` and shell history, so the CLI refuses it (naming host and port only).
func refusePassword(_ spec: String, option: String) throws {
    if StoreLocator.holdsPassword(spec) {
        throw HotspotsError.postgres(server: StoreLocator.describe(spec), sqlstate: nil,
                                     message: "--\(option) holds a password; patrol takes it only from PGPASSWORD, ~/.pgpass or pg_service.conf")
    }
}

extension StoreOptions {

    func gazetteer(projection: Projection) throws -> Gazetteer {
        try Gazetteer.load(dataDirectory: URL(fileURLWithPath: data), projection: projection)
    }
}

func parseDate(_ text: String, option: String) throws -> LocalDateTime {
    guard let date = LocalDateTime(iso: text) else {
        throw ValidationError("--\(option) '\(text)' is not a date such as 2026-11-23")
    }
    return date
}

/// Writes through a temporary file and a rename, so a killed run never leaves half a file.
func writeOutput(_ text: String, to path: String) throws {
    try AtomicFile.write(text, to: URL(fileURLWithPath: path))
}

func standardError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
