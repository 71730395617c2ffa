import Base
import Foundation
import Testing
@testable import Hotspots

#if canImport(Glibc)
import Glibc
#endif

@Suite struct KilledImportTests {
    /// Spawns `patrol stops import` on a large file and SIGKILLs it after a seeded random delay, several times.
    /// After every kill the store holds all of the file or none of it, never a duplicate.
    @Test func killedImportLeavesTheStoreAllOrNothing() throws {
        let binary = try #require(TestArea.patrolBinary, "build the patrol binary first: swift build (it is looked for at .build/debug/patrol)")
        let area = try TestArea()
        let rows = 30_000
        let file = try area.write("large.csv", TestArea.generatedRows(rows, seed: 2026))
        var random = SplitMix64(seed: 11)
        var outcomes: [Int] = []
        for _ in 0..<8 {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["stops", "import", file.path, "--data", area.folder.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // 0.3–2.5 s: from before the store is opened to past the commit of a debug build.
            usleep(UInt32(300_000 + random.next() % 2_200_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let counts = try SQLiteStopStore(path: area.dbPath).countRows(table: "stops")
            #expect(counts.rows == counts.distinctKeys, "duplicate stops after a kill")
            #expect(counts.rows == 0 || counts.rows == rows, "partial import: \(counts.rows) of \(rows) rows")
            outcomes.append(counts.rows)
        }
        // Once complete, a later killed import must not remove or double anything.
        let finish = try TestArea.runPatrol(["stops", "import", file.path, "--data", area.folder.path], in: area.folder)
        #expect(finish.status == 0, "\(finish.output)")
        let final = try SQLiteStopStore(path: area.dbPath).countRows(table: "stops")
        #expect(final.rows == rows && final.distinctKeys == rows)
        #expect(outcomes == outcomes.sorted(), "a stored file vanished after a later kill: \(outcomes)")
    }

    /// An import killed at any moment leaves the whole file or none of it, never a part or a duplicate:
    /// 100 SIGKILLs at seeded random points, from start-up through parsing and the transaction to after
    /// the commit. The store is emptied after every complete import, so each kill can land on a store that
    /// does not yet hold the file.
    @Test func aHundredKillsAtRandomPointsNeverLeaveAPartOrADuplicate() throws {
        let binary = try #require(TestArea.patrolBinary, "build the patrol binary first: swift build (it is looked for at .build/debug/patrol)")
        let area = try TestArea()
        let rows = 3_000
        let file = try area.write("kill.csv", TestArea.generatedRows(rows, seed: 1311))
        var random = SplitMix64(seed: 100)
        var complete = 0
        var empty = 0
        for _ in 0..<100 {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["stops", "import", file.path, "--data", area.folder.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(random.next() % 450_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            guard FileManager.default.fileExists(atPath: area.dbPath) else {
                empty += 1
                continue
            }
            let counts = try SQLiteStopStore(path: area.dbPath).countRows(table: "stops")
            #expect(counts.rows == counts.distinctKeys, "duplicate stops after a kill")
            #expect(counts.rows == 0 || counts.rows == rows, "partial import: \(counts.rows) of \(rows) rows")
            if counts.rows == rows {
                complete += 1
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: area.dbPath + suffix) }
            } else {
                empty += 1
            }
        }
        // Both outcomes must have happened, or the kills did not span the import.
        #expect(complete > 0 && empty > 0, "kills landed only \(complete == 0 ? "before" : "after") the commit")
    }
}
