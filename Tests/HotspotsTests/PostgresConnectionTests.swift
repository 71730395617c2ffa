import Base
import Foundation
import Testing
@testable import Hotspots

/// Connection failures name the host and port and never show a password, wherever libpq found it.
@Suite struct PostgresConnectionTests {
    @Test func connectionSpecsAreParsedByLibpq() throws {
        let uri = try PGConnectionSpec(parsing: "postgresql://planner:p%40ss%3Bword@db.example:6432/patrol?sslmode=require")
        #expect(uri["host"] == "db.example" && uri["port"] == "6432" && uri["dbname"] == "patrol")
        #expect(uri.password == "p@ss;word" && uri["sslmode"] == "require")
        let keywords = try PGConnectionSpec(parsing: uri.keywordString)
        #expect(keywords == uri)
        var quoted = uri
        quoted["password"] = "it's \\ odd"
        #expect(try PGConnectionSpec(parsing: quoted.keywordString).password == "it's \\ odd")
        #expect(StoreLocator.holdsPassword("postgresql://planner:secret@db.example/patrol"))
        #expect(StoreLocator.holdsPassword("host=db.example password='x y'"))
        #expect(!StoreLocator.holdsPassword("postgresql://planner@db.example/patrol"))
        #expect(!StoreLocator.holdsPassword("service=patrol"))
        #expect(StoreLocator.backend("service=patrol") == .postgres(connection: "service=patrol"))
        #expect(StoreLocator.describe("postgresql://planner:secret@db.example:6432/patrol") == "db.example:6432/patrol")
    }

    @Test func unparsableSpecDoesNotEchoItsPassword() {
        let spec = "postgresql://planner:s3cr%zzet@db.example:5432/patrol"
        do {
            _ = try PGConnectionSpec(parsing: spec)
            Issue.record("a bad percent-escape was accepted")
        } catch {
            #expect(!"\(error)".contains("s3cr"), "\(error)")
        }
    }

    @Test func passwordOnTheCommandLineIsRefusedNamingHostAndPort() throws {
        let area = try TestArea()
        let result = try TestArea.runPatrol(["stops", "stats", "--db", "postgresql://planner:hunter22@db.example:6432/patrol"],
                                            in: area.folder, environment: ProcessInfo.processInfo.environment)
        #expect(result.status == Base.ExitStatus.unavailable.rawValue)
        #expect(result.output.contains("db.example:6432") && result.output.contains("PGPASSWORD"))
        #expect(!result.output.contains("hunter22"))
    }

    @Test func unreachableServerIsNamedWithoutThePassword() throws {
        let area = try TestArea()
        // Port 1 on the loopback: nothing listens, the refusal is immediate.
        var environment = ProcessInfo.processInfo.environment
        environment["PATROL_DB"] = "postgresql://planner:Unreach4ble@127.0.0.1:1/patrol"
        environment["PGPASSWORD"] = "EnvSecret99"
        let result = try TestArea.runPatrol(["stops", "stats"], in: area.folder, environment: environment)
        #expect(result.status == Base.ExitStatus.unavailable.rawValue)
        #expect(result.output.contains("127.0.0.1:1/patrol") && result.output.contains("cannot connect"), "\(result.output)")
        #expect(!result.output.contains("Unreach4ble") && !result.output.contains("EnvSecret99"))
    }

    enum PasswordSource: String, CaseIterable, Sendable { case environment, pgpass, uri }

    @Test(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipReason), arguments: PasswordSource.allCases)
    func wrongPasswordNamesHostAndPortWithoutThePassword(source: PasswordSource) throws {
        let area = try TestArea()
        var spec = try PGConnectionSpec(parsing: try #require(PostgresTestServer.uri))
        let host = try #require(spec["host"]), port = try #require(spec["port"]), user = try #require(spec["user"])
        let wrong = "Wr0ng-\(source.rawValue)-Pa55"
        spec["password"] = nil
        var environment = ProcessInfo.processInfo.environment
        environment["PGPASSWORD"] = nil
        environment["HOME"] = area.folder.path
        environment["PGPASSFILE"] = area.folder.appendingPathComponent("none.pgpass").path
        var arguments = ["stops", "stats", "--data", area.folder.path]
        switch source {
        case .environment:
            environment["PGPASSWORD"] = wrong
            arguments += ["--db", spec.keywordString]
        case .pgpass:
            let file = try area.write("pgpass", "\(host):\(port):*:\(user):\(wrong)\n")
            chmod(file.path, 0o600)
            environment["PGPASSFILE"] = file.path
            arguments += ["--db", spec.keywordString]
        case .uri:
            environment["PATROL_DB"] = "postgresql://\(user):\(wrong)@\(host):\(port)/\(spec["dbname"] ?? "")"
        }
        let result = try TestArea.runPatrol(arguments, in: area.folder, environment: environment)
        #expect(result.status == Base.ExitStatus.unavailable.rawValue, "\(result.output)")
        #expect(result.output.contains("\(host):\(port)") && result.output.contains("password authentication failed"), "\(result.output)")
        #expect(!result.output.contains(wrong), "\(result.output)")
    }
}
