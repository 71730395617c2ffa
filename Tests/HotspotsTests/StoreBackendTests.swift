import Base
import Foundation
import Geo
import Testing
@testable import Hotspots

/// The same store tests against both backends. PostgreSQL joins the arguments when PATROL_TEST_PG is set;
/// `postgresServerAnswers` below is skipped, with the reason, when it is not.
@Suite struct StoreBackendTests {
    @Test(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipReason))
    func postgresServerAnswers() throws {
        let schema = try PostgresTestSchema()
        let result = try schema.connection().execute("SELECT current_schema(), $1::text", ["ping"])
        #expect(result.string(0, 0) == schema.name && result.string(0, 1) == "ping")
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["PATROL_REQUIRE_PG"] == "1",
                   "only CI sets PATROL_REQUIRE_PG=1, to fail instead of skipping the PostgreSQL tests"))
    func continuousIntegrationHasAPostgresServer() {
        #expect(PostgresTestServer.isAvailable, "PATROL_REQUIRE_PG=1 but PATROL_TEST_PG is not set")
    }

    @Test(arguments: Backend.testable)
    func doubleImportStoresRowsOnce(backend: Backend) throws {
        let fixture = try StoreUnderTest(backend)
        let file = try fixture.area.write("sweep.csv", TestArea.generatedRows(300, seed: 7))
        let first = try fixture.store.importFile(try fixture.area.parser().parse(fileAt: file, format: .stops), role: "planner",
                                                 importedAt: "2026-11-24T09:00:00Z")
        let second = try fixture.store.importFile(try fixture.area.parser().parse(fileAt: file, format: .stops), role: "district-planner",
                                                  importedAt: "2026-11-24T09:05:00Z")
        #expect(first.rowsStored == 300 && first.rowsAlreadyStored == 0)
        #expect(second.rowsStored == 0 && second.rowsAlreadyStored == 300)
        let counts = try fixture.store.countRows(table: "stops")
        #expect(counts.rows == 300 && counts.distinctKeys == 300)
        let imports = try fixture.store.imports()
        #expect(imports.map(\.role) == ["planner", "district-planner"])
        #expect(imports.map(\.rowsStored) == [300, 0] && imports.map(\.rowsAlreadyStored) == [0, 300])
        #expect(imports.allSatisfy { $0.fileName == "sweep.csv" && $0.format == "stops" && $0.rowsRead == 300 })
        // Every stored stop names the first import.
        #expect(try fixture.store.allStops().allSatisfy { $0.importID == first.importID })
    }

    @Test(arguments: Backend.testable)
    func stopsReadBackExactlyAsParsed(backend: Backend) throws {
        let fixture = try StoreUnderTest(backend)
        let file = try fixture.area.write("sweep.csv", TestArea.generatedRows(250, seed: 99))
        let parsed = try fixture.area.parser().parse(fileAt: file, format: .stops)
        let summary = try fixture.store.importFile(parsed, role: "planner", importedAt: "t")
        let expected = parsed.stops.map { stop -> Stop in
            var stop = stop
            stop.importID = summary.importID
            return stop
        }.sorted { ($0.time, $0.hash) < ($1.time, $1.hash) }
        // Bit-identical doubles and text, oldest first, ties by hash.
        #expect(try fixture.store.allStops() == expected)
        let from = LocalDateTime(year: 2026, month: 10, day: 5), before = LocalDateTime(year: 2026, month: 10, day: 9)
        #expect(try fixture.store.stops(from: from, before: before) == expected.filter { $0.time >= from && $0.time < before })
        #expect(try fixture.store.stops(from: nil, before: from) == expected.filter { $0.time < from })
    }

    @Test(arguments: Backend.testable)
    func quotesSemicolonsAndBackslashesRoundTripUnchanged(backend: Backend) throws {
        let fixture = try StoreUnderTest(backend)
        let nasty = [
            "O'Brien's \"Corner\"; DROP TABLE stops; --",
            "back\\slash \\N \\t \\\\ end\\",
            "tab\there, new\nline and \r return",
            "'); DELETE FROM imports; SELECT ('",
            "$1 $$ quoted $$ E'\\x41' ü ß 東京",
        ]
        let stops = nasty.enumerated().map { index, text in
            Stop(hash: SHA256.hex(text), time: LocalDateTime(year: 2026, month: 11, day: 23, hour: 10, minute: index),
                 lon: -1.4044, lat: 50.9097, easting: 441_971.545, northing: 112_416.747, place: text, school: text,
                 ageBand: text, reason: .other, pair: text, sweep: text)
        }
        let file = ParsedStopFile(path: "/tmp/it's; a \\ file.csv", format: .stops, stops: stops, errors: [],
                                  rowsRead: stops.count, droppedColumns: [], ignoredColumns: [])
        _ = try fixture.store.importFile(file, role: "role'; --\\", importedAt: "2026-11-24T09:00:00Z")
        let back = try fixture.store.allStops()
        #expect(back.map(\.place) == nasty && back.map(\.school) == nasty && back.map(\.pair) == nasty && back.map(\.sweep) == nasty)
        let record = try #require(try fixture.store.imports().first)
        #expect(record.role == "role'; --\\" && record.fileName == "it's; a \\ file.csv")
        #expect(try fixture.store.countRows(table: "imports").rows == 1)
        let visit = Visit(date: "2026-11-23", hotspotID: nasty[0], pair: nasty[1], visitSeq: 1, minutes: 12.5, source: nasty[3])
        #expect(try fixture.store.recordVisits([visit, visit]) == 1)
        #expect(try fixture.store.visits() == [visit])
    }

    @Test(arguments: Backend.testable)
    func visitsAreRecordedOnceAndReadInOrder(backend: Backend) throws {
        let fixture = try StoreUnderTest(backend)
        var random = SplitMix64(seed: 5)
        let visits = (0..<1200).map { index in
            Visit(date: "2026-11-\(10 + index % 9)", hotspotID: "hotspot-\(random.next() % 40)", pair: "pair-\(index % 3)",
                  visitSeq: index, minutes: Double(random.next() % 300) / 10, source: "plan.geojson")
        }
        #expect(try fixture.store.recordVisits(visits) == visits.count)
        #expect(try fixture.store.recordVisits(Array(visits[100..<700])) == 0)
        let expected = visits.sorted { ($0.date, $0.pair, $0.visitSeq, $0.hotspotID) < ($1.date, $1.pair, $1.visitSeq, $1.hotspotID) }
        #expect(try fixture.store.visits() == expected)
    }

    @Test(arguments: Backend.testable)
    func stopsWithinARadiusMatchBruteForce(backend: Backend) throws {
        let fixture = try StoreUnderTest(backend)
        let file = try fixture.area.write("sweep.csv", TestArea.generatedRows(600, seed: 31))
        _ = try fixture.store.importFile(try fixture.area.parser().parse(fileAt: file, format: .stops), role: "planner", importedAt: "t")
        let all = try fixture.store.allStops()
        let projection = try Projection.bng()
        for (_, _, lon, lat, _) in TestArea.hotspots {
            let centre = try projection.grid(LonLat(lon: lon, lat: lat))
            let expected = all.filter { hypot($0.easting - centre.easting, $0.northing - centre.northing) <= 150 }
            let found = try fixture.store.stops(withinMetres: 150, ofEasting: centre.easting, northing: centre.northing)
            #expect(found == expected)
            #expect(!found.isEmpty && found.count < all.count)
        }
    }

    @Test(arguments: Backend.testable)
    func storeNewerThanProgramIsRefusedByName(backend: Backend) throws {
        let fixture = try StoreUnderTest(backend)
        let newer = StoreSchema.version + 1
        switch backend {
        case .sqlite:
            _ = try DatabaseQueueOpener.setUserVersion(path: fixture.area.dbPath, version: newer)
        case .postgres:
            try fixture.postgresConnection().execute("INSERT INTO schema_migrations (version, name) VALUES ($1, 'from the future')",
                                                     [String(newer)])
        }
        #expect(throws: HotspotsError.storeNewerThanProgram(path: fixture.store.location, storeVersion: newer,
                                                            programVersion: StoreSchema.version)) {
            _ = try fixture.reopen()
        }
        let result = try TestArea.runPatrol(["db", "status", "--data", fixture.area.folder.path] + fixture.childArguments,
                                            in: fixture.area.folder, environment: fixture.childEnvironment)
        #expect(result.status == Base.ExitStatus.incompatibleStore.rawValue)
        #expect(result.output.contains("schema version \(newer), newer than this program's \(StoreSchema.version)"), "\(result.output)")
    }

    @Test(arguments: Backend.testable)
    func statusAndMigrateReportTheVersion(backend: Backend) throws {
        let fixture = try StoreUnderTest(backend)
        let status = try fixture.store.status()
        #expect(status.schemaVersion == StoreSchema.version && status.programVersion == StoreSchema.version)
        #expect(status.backend == (backend == .sqlite ? "sqlite" : "postgresql"))
        #expect(try fixture.store.migrate() == StoreSchema.version)
        let file = try fixture.area.write("a.csv", TestArea.generatedRows(20, seed: 1))
        let imported = try TestArea.runPatrol(["stops", "import", file.path, "--data", fixture.area.folder.path] + fixture.childArguments,
                                              in: fixture.area.folder, environment: fixture.childEnvironment)
        #expect(imported.status == 0, "\(imported.output)")
        let shown = try TestArea.runPatrol(["db", "status", "--json", "--data", fixture.area.folder.path] + fixture.childArguments,
                                           in: fixture.area.folder, environment: fixture.childEnvironment)
        let decoded = try JSONDecoder().decode(StoreStatus.self, from: Data(shown.output.utf8))
        #expect(decoded.stops == 20 && decoded.imports == 1 && decoded.schemaVersion == StoreSchema.version)
    }

    /// list, stats, hotspots and review over the same stops give byte-identical output on both backends.
    @Test(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipReason))
    func stopsCommandsGiveTheSameOutputOnBothBackends() throws {
        let sqlite = try StoreUnderTest(.sqlite)
        let postgres = try StoreUnderTest(.postgres, area: sqlite.area)
        let file = try sqlite.area.write("sweep.csv", TestArea.generatedRows(400, seed: 17))
        var outputs: [[String]] = []
        for fixture in [sqlite, postgres] {
            let folder = fixture.area.folder.path
            func run(_ arguments: [String]) throws -> String {
                let result = try TestArea.runPatrol(arguments + ["--data", folder] + fixture.childArguments,
                                                    in: fixture.area.folder, environment: fixture.childEnvironment)
                #expect(result.status == 0, "\(arguments): \(result.output)")
                return result.output
            }
            _ = try run(["stops", "import", file.path])
            let out = "\(folder)/\(fixture.backend.rawValue)"
            _ = try run(["hotspots", "--as-of", "2026-11-01", "--out", out + "-hotspots.geojson"])
            let review = try run(["review", "--date", "2026-10-20", "--out", out + "-review"])
            outputs.append([
                try run(["stops", "list", "--json"]),
                try run(["stops", "list", "--from", "2026-10-03", "--to", "2026-10-09"]),
                try run(["stops", "stats", "--json"]),
                try String(contentsOfFile: out + "-hotspots.geojson", encoding: .utf8),
                review,
                try String(contentsOfFile: out + "-review/review-2026-10-20.geojson", encoding: .utf8),
            ])
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0][0].contains("\"hash\"") && outputs[0][3].contains("kde_per_km2"))
    }
}
