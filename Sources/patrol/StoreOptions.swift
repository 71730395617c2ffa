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

/// The weighting and heat-map flags of `hotspots` and `review`.
struct MapOptions: ParsableArguments {
    @Option(help: "Snap stops to a known hotspot within this many metres.")
    var radius: Double = 150

    @Option(help: "DBSCAN neighbourhood in metres for proposing new hotspots.")
    var eps: Double = 150

    @Option(name: .customLong("min-pts"), help: "DBSCAN minimum stops for a proposed hotspot.")
    var minPoints: Int = 4

    @Option(name: .customLong("half-life"), help: "Half-life of a stop's weight, in days.")
    var halfLifeDays: Double = 90

    @Option(name: .customLong("reason-weights"), help: "JSON file of reason weights, e.g. {\"truanting\": 1.0}.")
    var reasonWeights: String?

    @Option(help: "Hexagon size (distance between neighbouring centres), metres.")
    var cell: Double = 150

    @Option(help: "Quartic kernel bandwidth, metres. Default: the cell size (see docs/hotspots.md).")
    var bandwidth: Double?

    @Option(name: .customLong("gi-distance"), help: "Gi* distance band, metres. Default: the cell and its six neighbours.")
    var giDistance: Double?

    func validate() throws {
        for (name, value) in [("radius", radius), ("eps", eps), ("half-life", halfLifeDays), ("cell", cell), ("bandwidth", bandwidth ?? cell)]
        where !(value.isFinite && value > 0) {
            throw ValidationError("--\(name) must be a positive number of \(name == "half-life" ? "days" : "metres")")
        }
        if minPoints < 1 { throw ValidationError("--min-pts must be at least 1") }
        if let giDistance, !(giDistance.isFinite && giDistance > 0) { throw ValidationError("--gi-distance must be positive") }
    }

    func weightOptions() throws -> WeightOptions {
        var options = WeightOptions()
        options.snapRadiusMetres = radius
        options.clusterEpsMetres = eps
        options.clusterMinPoints = minPoints
        options.decay = Decay(halfLifeDays: halfLifeDays)
        if let reasonWeights { options.reasonWeights = try ReasonWeights.read(contentsOf: URL(fileURLWithPath: reasonWeights)) }
        return options
    }

    var heatOptions: HeatMapOptions {
        var options = HeatMapOptions()
        options.cellSizeMetres = cell
        options.bandwidthMetres = bandwidth
        options.giDistanceMetres = giDistance
        return options
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
