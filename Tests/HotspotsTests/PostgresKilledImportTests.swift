import Base
import Foundation
import Testing
@testable import Hotspots

#if canImport(Glibc)
import Glibc
#endif

/// The killed-import test on the PostgreSQL store (an import killed at any moment stores the whole file
/// or none of it); `KilledImportTests` runs it on SQLite. Skipped, with the reason, when no server is
/// given (PATROL_TEST_PG); under CI's PATROL_REQUIRE_PG=1 a missing server fails
/// `StoreBackendTests.continuousIntegrationHasAPostgresServer` instead.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipReason))
struct PostgresKilledImportTests {
    /// 100 SIGKILLs of `patrol stops import` at seeded random points, from start-up through the migration
    /// check, the COPY and the `INSERT … ON CONFLICT` to after the commit. After each kill the store holds
    /// the whole file or none of it, never a duplicate, and an `imports` row only for a stored file. After a
    /// complete import the store is emptied, so the next kill can land before the commit again.
    /// The `imports` identity sequence is not rolled back, so it tells a kill inside the import's transaction
    /// (a number drawn, nothing visible) from one before it; the kills must land in all three places.
    @Test func aHundredKillsAtRandomPointsNeverLeaveAPartOrADuplicate() throws {
        let binary = try #require(TestArea.patrolBinary, "build the patrol binary first: swift build (it is looked for at .build/debug/patrol)")
        let fixture = try StoreUnderTest(.postgres)
        let rows = 3_000
        let file = try fixture.area.write("kill.csv", TestArea.generatedRows(rows, seed: 1312))
        let barrier = try fixture.postgresConnection()
        var random = SplitMix64(seed: 101)
        var complete = 0
        var rolledBack = 0
        var beforeTheTransaction = 0
        var importNumbersDrawn = 0
        for _ in 0..<100 {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["stops", "import", file.path, "--data", fixture.area.folder.path]
            process.environment = fixture.childEnvironment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // 0–700 ms: a debug build commits 3,000 rows over a local socket after about 350–450 ms.
            usleep(UInt32(random.next() % 700_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try waitForTheKilledTransaction(barrier)
            let counts = try fixture.store.countRows(table: "stops")
            #expect(counts.rows == counts.distinctKeys, "duplicate stops after a kill")
            #expect(counts.rows == 0 || counts.rows == rows, "partial import: \(counts.rows) of \(rows) rows")
            let imports = try fixture.store.imports()
            let drawn = try barrier.execute("SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('imports', 'id')), 0)").int(0, 0)
            defer { importNumbersDrawn = drawn }
            if counts.rows == rows {
                complete += 1
                #expect(imports.count == 1 && imports.first?.rowsStored == rows, "imports after a complete import: \(imports)")
                // The stops' hashes are the file's only mark of being stored; without them the next import starts afresh.
                try barrier.transaction {
                    try barrier.execute("DELETE FROM stops")
                    try barrier.execute("DELETE FROM imports")
                }
            } else {
                if drawn > importNumbersDrawn { rolledBack += 1 } else { beforeTheTransaction += 1 }
                #expect(imports.isEmpty, "an imports row without its stops: \(imports)")
            }
        }
        // All three must have happened, or the kills did not span the import.
        #expect(complete > 0 && rolledBack > 0 && beforeTheTransaction > 0,
                "kills: \(beforeTheTransaction) before the transaction, \(rolledBack) inside it, \(complete) after the commit")
    }

    /// A killed libpq client's backend may still be running its last statement, or committing when COMMIT was
    /// already on the wire. An import's transaction holds ROW EXCLUSIVE on `imports` from its first statement and
    /// on `stops` from its INSERT, so taking SHARE on both waits until it has committed or rolled back.
    /// A transaction that has not yet written can no longer commit: its client never sent COMMIT.
    private func waitForTheKilledTransaction(_ connection: PGConnection) throws {
        try connection.transaction {
            _ = try connection.execute("LOCK TABLE imports, stops IN SHARE MODE")
        }
    }
}
