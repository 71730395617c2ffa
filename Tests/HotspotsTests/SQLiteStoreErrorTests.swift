import Foundation
import GRDB
import Testing
@testable import Hotspots

/// When SQLite refuses, the error names the store file and SQLite's result code, and the hint shows the
/// statement that failed; the statement's arguments, which can be stop data, appear in neither.
@Suite struct SQLiteStoreErrorTests {
    static func storeError(_ body: () throws -> Void) -> HotspotsError? {
        do {
            try body()
        } catch let error as HotspotsError {
            return error
        } catch {
            Issue.record("expected a HotspotsError, got \(error)")
        }
        return nil
    }

    @Test func aFileThatIsNotADatabaseIsNamedWithItsResultCode() throws {
        let area = try TestArea()
        try String(repeating: "this is a stop list, not an SQLite database\n", count: 200)
            .write(toFile: area.dbPath, atomically: true, encoding: .utf8)
        let error = try #require(Self.storeError { _ = try SQLiteStopStore(path: area.dbPath) })
        #expect(error.description == "\(area.dbPath): store error: file is not a database [SQLITE_NOTADB]")
        #expect(error.hint?.contains("not a patrol stop store") == true, "\(error.hint ?? "")")
        #expect(error.exitCode == .cannotCreate)
    }

    @Test func aDroppedTableIsReportedWithTheStatementButNotTheStopData() throws {
        let area = try TestArea()
        let store = try SQLiteStopStore(path: area.dbPath)
        let row = "2026-11-23T10:15,-1.4305,50.924,,Privacy Test Academy,11-13,truanting,letter_home,pair-1,s1"
        let file = try area.write("sweep.csv", [TestArea.header, row].joined(separator: "\n"))
        let parsed = try area.parser().parse(fileAt: file, format: .stops)
        try DatabaseQueue(path: area.dbPath).write { db in try db.execute(sql: "DROP TABLE stops") }

        let query = try #require(Self.storeError {
            _ = try store.stops(withinMetres: 987.654, ofEasting: 441_234.5, northing: 112_345.5)
        })
        #expect(query.description == "\(area.dbPath): store error: no such table: stops [SQLITE_ERROR]")
        let hint = try #require(query.hint)
        #expect(hint.contains("failed statement: `SELECT * FROM stops WHERE easting BETWEEN ? AND ?"), "\(hint)")
        for argument in ["987.654", "441234", "112345"] {
            #expect(!query.description.contains(argument) && !hint.contains(argument), "\(argument) leaked: \(query) \(hint)")
        }

        let insert = try #require(Self.storeError {
            _ = try store.importFile(parsed, role: "planner", importedAt: "2026-11-24T09:00:00Z")
        })
        #expect(insert.description.hasPrefix("\(area.dbPath): store error: no such table: stops [SQLITE_ERROR"))
        let insertHint = try #require(insert.hint)
        #expect(insertHint.contains("INSERT OR IGNORE INTO stops"), "\(insertHint)")
        for argument in ["Privacy Test Academy", "pair-1", "sweep.csv", "-1.4305"] {
            #expect(!insert.description.contains(argument) && !insertHint.contains(argument), "\(argument) leaked: \(insert) \(insertHint)")
        }
    }

    @Test func resultCodesAreNamedAsSQLiteNamesThem() {
        #expect(SQLiteResultCode(extended: 5).description == "SQLITE_BUSY")
        #expect(SQLiteResultCode(extended: 11).description == "SQLITE_CORRUPT")
        #expect(SQLiteResultCode(extended: 517).description == "SQLITE_BUSY, extended code 517")
        #expect(SQLiteResultCode(extended: 250).description == "SQLite result code 250")
    }

    @Test func theFailedStatementIsShownOnOneShortLine() {
        let long = "SELECT *\n    FROM stops\n    WHERE " + Array(repeating: "time > ?", count: 40).joined(separator: " AND ")
        let line = SQLiteAdvice.oneLine(long)
        #expect(line.hasPrefix("SELECT * FROM stops WHERE time > ? AND"))
        #expect(line.count == 161 && line.hasSuffix("…"))
        #expect(!line.contains("\n"))
    }
}
