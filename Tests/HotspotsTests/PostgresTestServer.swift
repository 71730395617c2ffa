import Foundation
import Testing
@testable import Hotspots

/// The PostgreSQL server the tests may use: `PATROL_TEST_PG` (a libpq URI with a password, as
/// `tools/pg-test-cluster.sh start` prints). Without it the PostgreSQL tests are skipped, saying why.
enum PostgresTestServer {
    static let uri = ProcessInfo.processInfo.environment["PATROL_TEST_PG"].flatMap { $0.isEmpty ? nil : $0 }
    static var isAvailable: Bool { uri != nil }
    static let skipReason: Comment =
        "PATROL_TEST_PG is not set: no PostgreSQL server for this run (start one with tools/pg-test-cluster.sh start; .ci/run does)"
}

/// The backends every store test runs against: SQLite always, PostgreSQL when a server is given.
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    static var testable: [Backend] { PostgresTestServer.isAvailable ? [.sqlite, .postgres] : [.sqlite] }
    var testDescription: String { rawValue }
}

/// A fresh schema of its own in the test database, so tests running side by side never meet; dropped in deinit.
/// With `postgis` false the search_path leaves out `public`, where the cluster keeps PostGIS, so the store
/// runs in lon/lat mode.
final class PostgresTestSchema {
    let name: String
    /// A keyword string with the password, for this process and for child processes' PATROL_DB.
    let conninfo: String
    private let admin: PGConnection

    init(postgis: Bool = true) throws {
        let base = try #require(PostgresTestServer.uri, PostgresTestServer.skipReason)
        name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        admin = try PGConnection(conninfo: base)
        // The name is our own hexadecimal; identifiers cannot be bound as parameters.
        try admin.execute("CREATE SCHEMA \(name)")
        var spec = try PGConnectionSpec(parsing: base)
        spec["options"] = "-c search_path=\(name)" + (postgis ? ",public" : "")
        conninfo = spec.keywordString
    }

    deinit {
        _ = try? admin.execute("DROP SCHEMA \(name) CASCADE")
    }

    func connection() throws -> PGConnection { try PGConnection(conninfo: conninfo) }
}

/// A store of either backend in a fresh place, kept alive with whatever it needs.
final class StoreUnderTest {
    let backend: Backend
    let area: TestArea
    let store: any StopStore
    private let schema: PostgresTestSchema?

    init(_ backend: Backend, area: TestArea? = nil, postgis: Bool = true) throws {
        self.backend = backend
        let area = try area ?? TestArea()
        self.area = area
        switch backend {
        case .sqlite:
            schema = nil
            store = try SQLiteStopStore(path: area.dbPath)
        case .postgres:
            let schema = try PostgresTestSchema(postgis: postgis)
            self.schema = schema
            store = try PostgresStopStore(connection: schema.conninfo)
        }
    }

    /// How a child `patrol` reaches this store: its arguments and environment.
    var childArguments: [String] { backend == .sqlite ? ["--db", area.dbPath] : [] }
    var childEnvironment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["PATROL_DB"] = schema?.conninfo
        return environment
    }

    func reopen() throws -> any StopStore {
        switch backend {
        case .sqlite: try SQLiteStopStore(path: area.dbPath)
        case .postgres: try PostgresStopStore(connection: try #require(schema).conninfo)
        }
    }

    func postgresConnection() throws -> PGConnection { try #require(schema).connection() }
}

extension TestArea {
    /// Runs patrol with an environment of the caller's; returns exit status and combined output.
    static func runPatrol(_ arguments: [String], in directory: URL, environment: [String: String]) throws -> (status: Int32, output: String) {
        let binary = try #require(patrolBinary, "build the patrol binary first: swift build (it is looked for at .build/debug/patrol)")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
