import Base
import Foundation
import Geo
import Testing
@testable import Hotspots

#if canImport(Glibc)
import Glibc
#endif

/// What only the PostgreSQL store has to show: concurrent importers, dropped clients, copying between
/// backends and PostGIS. Skipped, with the reason, when no server is given (PATROL_TEST_PG).
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipReason))
struct PostgresStoreTests {
    /// Four `patrol stops import` processes at once, on files that overlap: rows 0..<4000 in windows of 2500
    /// starting every 500 rows. Every row ends up stored once, and the stored counts add up.
    @Test func fourConcurrentImportersStoreEachRowOnce() throws {
        let fixture = try StoreUnderTest(.postgres)
        let lines = TestArea.generatedRows(4000, seed: 404).split(separator: "\n").map(String.init)
        let header = lines[0], rows = Array(lines.dropFirst())
        var files: [URL] = []
        for index in 0..<4 {
            let window = rows[(index * 500)..<(index * 500 + 2500)]
            files.append(try fixture.area.write("overlap-\(index).csv", ([header] + window).joined(separator: "\n") + "\n"))
        }
        let binary = try #require(TestArea.patrolBinary, "build the patrol binary first: swift build")
        let processes = files.map { file in
            let process = Process()
            process.executableURL = binary
            process.arguments = ["stops", "import", file.path, "--data", fixture.area.folder.path, "--role", "district-planner"]
            process.environment = fixture.childEnvironment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0, 0, 0])
        let counts = try fixture.store.countRows(table: "stops")
        // Union of the windows: rows 0..<4000.
        #expect(counts.rows == 4000 && counts.distinctKeys == 4000)
        let imports = try fixture.store.imports()
        #expect(imports.count == 4)
        #expect(imports.map(\.rowsStored).reduce(0, +) == 4000)
        #expect(imports.allSatisfy { $0.rowsStored + $0.rowsAlreadyStored == 2500 && $0.role == "district-planner" })
        let perImport = Dictionary(grouping: try fixture.store.allStops(), by: { $0.importID ?? -1 }).mapValues(\.count)
        #expect(imports.allSatisfy { perImport[$0.id, default: 0] == $0.rowsStored })
    }

    /// SIGKILL of `patrol stops import` at seeded random moments: the server rolls back the open transaction,
    /// so the store holds the whole file or none of it, and never a stray `imports` row.
    @Test func killedClientLeavesTheServerStoreAsBefore() throws {
        let fixture = try StoreUnderTest(.postgres)
        let binary = try #require(TestArea.patrolBinary, "build the patrol binary first: swift build")
        let rows = 30_000
        let file = try fixture.area.write("large.csv", TestArea.generatedRows(rows, seed: 2027))
        var random = SplitMix64(seed: 12)
        var outcomes: [Int] = []
        for _ in 0..<6 {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["stops", "import", file.path, "--data", fixture.area.folder.path]
            process.environment = fixture.childEnvironment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(300_000 + random.next() % 2_500_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // The server notices the dropped connection and ends its transaction; then nothing of it is visible.
            let counts = try waitForIdleServer(fixture)
            #expect(counts.rows == counts.distinctKeys, "duplicate stops after a kill")
            #expect(counts.rows == 0 || counts.rows == rows, "partial import: \(counts.rows) of \(rows) rows")
            let imports = try fixture.store.imports()
            #expect(imports.filter { $0.rowsStored > 0 }.count == (counts.rows == 0 ? 0 : 1))
            #expect(imports.allSatisfy { $0.rowsStored + $0.rowsAlreadyStored == rows })
            outcomes.append(counts.rows)
        }
        let finish = try TestArea.runPatrol(["stops", "import", file.path, "--data", fixture.area.folder.path],
                                            in: fixture.area.folder, environment: fixture.childEnvironment)
        #expect(finish.status == 0, "\(finish.output)")
        let final = try fixture.store.countRows(table: "stops")
        #expect(final.rows == rows && final.distinctKeys == rows)
        #expect(outcomes == outcomes.sorted(), "a stored file vanished after a later kill: \(outcomes)")
    }

    /// Waits until no other session of this schema's database is inside a transaction, then counts.
    private func waitForIdleServer(_ fixture: StoreUnderTest) throws -> (rows: Int, distinctKeys: Int) {
        let connection = try fixture.postgresConnection()
        for _ in 0..<100 {
            let busy = try connection.execute("""
                SELECT count(*) FROM pg_stat_activity
                WHERE pid <> pg_backend_pid() AND datname = current_database() AND xact_start IS NOT NULL
                  AND query LIKE '%patrol_incoming%'
                """).int(0, 0)
            if busy == 0 { break }
            usleep(100_000)
        }
        return try fixture.store.countRows(table: "stops")
    }

    @Test func copySQLiteToPostgresAndBackGivesIdenticalStats() throws {
        let sqlite = try StoreUnderTest(.sqlite)
        let area = sqlite.area
        for (index, seed) in [3, 4].enumerated() {
            let file = try area.write("sweep-\(index).csv", TestArea.generatedRows(500 + 100 * index, seed: UInt64(seed)))
            _ = try sqlite.store.importFile(try area.parser().parse(fileAt: file, format: .stops), role: "planner", importedAt: "2026-11-2\(index)")
        }
        // Overlap: the second file again, as another import that stores nothing.
        _ = try sqlite.store.importFile(try area.parser().parse(fileAt: area.folder.appendingPathComponent("sweep-1.csv"), format: .stops),
                                        role: "planner", importedAt: "2026-11-25")
        _ = try sqlite.store.recordVisits([Visit(date: "2026-10-03", hotspotID: "shirley-high-street", pair: "pair-1", visitSeq: 1,
                                                 minutes: 12, source: "plan.geojson")])
        let postgres = try StoreUnderTest(.postgres)
        let there = try postgres.store.copy(from: sqlite.store)
        #expect(there.stopsCopied == 1100 && there.importsCopied == 3 && there.visitsCopied == 1)
        let again = try postgres.store.copy(from: sqlite.store)
        #expect(again.stopsCopied == 0 && again.stopsAlready == 1100 && again.importsCopied == 0 && again.visitsCopied == 0)

        let back = try SQLiteStopStore(path: area.folder.appendingPathComponent("back.sqlite").path)
        let returned = try back.copy(from: postgres.store)
        #expect(returned.stopsCopied == 1100 && returned.importsCopied == 3)
        let original = try sqlite.store.stats()
        #expect(try postgres.store.stats() == original)
        #expect(try back.stats() == original)
        #expect(try back.allStops().map(\.hash) == (try sqlite.store.allStops().map(\.hash)))
        #expect(try back.imports().map(\.naturalKey) == (try sqlite.store.imports().map(\.naturalKey)))

        // The CLI: the password comes from the environment, the counts are reported, and a second run copies nothing.
        var environment = postgres.childEnvironment
        let spec = try PGConnectionSpec(parsing: try #require(environment["PATROL_DB"]))
        environment["PGPASSWORD"] = spec.password
        var withoutPassword = spec
        withoutPassword["password"] = nil
        let target = withoutPassword.keywordString
        let fresh = try StoreUnderTest(.sqlite)
        let cli = try TestArea.runPatrol(["db", "copy", "--from", target, "--to", "sqlite:\(fresh.area.dbPath)"],
                                         in: area.folder, environment: environment)
        #expect(cli.status == 0, "\(cli.output)")
        #expect(cli.output.contains("stops: 1100 copied, 0 already there"), "\(cli.output)")
        let rerun = try TestArea.runPatrol(["db", "copy", "--from", target, "--to", "sqlite:\(fresh.area.dbPath)"],
                                           in: area.folder, environment: environment)
        #expect(rerun.output.contains("stops: 0 copied, 1100 already there"), "\(rerun.output)")
        #expect(try fresh.store.stats() == original)
    }

    /// TOOLCHAIN.md's reference point (lon −1.4044, lat 50.9097 → E 441971.545, N 112416.747) as a stop:
    /// its PostGIS geometry is the Geo module's BNG point within 0.01 m, in EPSG:27700, with a GiST index.
    @Test func postgisGeometryEqualsTheGeoModulesGridPoint() throws {
        let fixture = try StoreUnderTest(.postgres)
        let store = try #require(fixture.store as? PostgresStopStore)
        try #require(store.hasGeometry, "the test cluster has PostGIS in public (tools/pg-test-cluster.sh)")
        let file = try fixture.area.write("one.csv", TestArea.header + "\n2026-11-23T10:15,-1.4044,50.9097,,,11-13,truanting,none,pair-1,s1\n")
        _ = try store.importFile(try fixture.area.parser().parse(fileAt: file, format: .stops), role: "planner", importedAt: "t")
        let grid = try Projection.bng().grid(LonLat(lon: -1.4044, lat: 50.9097))
        let connection = try fixture.postgresConnection()
        let point = try connection.execute("SELECT ST_X(geom), ST_Y(geom), ST_SRID(geom) FROM stops")
        #expect(point.rowCount == 1)
        #expect(abs(point.double(0, 0) - grid.easting) < 0.01 && abs(point.double(0, 1) - grid.northing) < 0.01)
        #expect(abs(point.double(0, 0) - 441_971.545) < 0.01 && abs(point.double(0, 1) - 112_416.747) < 0.01)
        #expect(point.int(0, 2) == 27700)
        let index = try connection.execute("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'stops_geom'")
        #expect(index.string(0, 0).contains("USING gist (geom)"))
        #expect(try store.status().spatialMode == "postgis")
    }

    /// Stops within 150 m of each hotspot: PostGIS's ST_DWithin, the lon/lat-mode SQL and SQLite agree.
    @Test func spatialQueryAgreesWithSQLiteWithAndWithoutPostGIS() throws {
        let sqlite = try StoreUnderTest(.sqlite)
        let postgis = try StoreUnderTest(.postgres, area: sqlite.area)
        let lonLat = try StoreUnderTest(.postgres, area: sqlite.area, postgis: false)
        #expect((postgis.store as? PostgresStopStore)?.hasGeometry == true)
        #expect((lonLat.store as? PostgresStopStore)?.hasGeometry == false)
        #expect(try lonLat.store.status().spatialMode == "lonlat")
        let file = try sqlite.area.write("sweep.csv", TestArea.generatedRows(800, seed: 150))
        for fixture in [sqlite, postgis, lonLat] {
            _ = try fixture.store.importFile(try fixture.area.parser().parse(fileAt: file, format: .stops), role: "planner", importedAt: "t")
        }
        let projection = try Projection.bng()
        var total = 0
        for (_, _, lon, lat, _) in TestArea.hotspots {
            let centre = try projection.grid(LonLat(lon: lon, lat: lat))
            let expected = try sqlite.store.stops(withinMetres: 150, ofEasting: centre.easting, northing: centre.northing).map(\.hash)
            #expect(try postgis.store.stops(withinMetres: 150, ofEasting: centre.easting, northing: centre.northing).map(\.hash) == expected)
            #expect(try lonLat.store.stops(withinMetres: 150, ofEasting: centre.easting, northing: centre.northing).map(\.hash) == expected)
            total += expected.count
        }
        #expect(total > 0)
    }
}
