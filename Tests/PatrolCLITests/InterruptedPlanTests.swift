import Base
import Foundation
import Testing

/// An interrupted `patrol plan` leaves the earlier outputs whole, so a killed run never leaves a pair with
/// half a run sheet or map. Every output file after a SIGKILL must be byte for byte either the earlier
/// plan's or the new plan's, never a mixture or a stub.
@Suite(.serialized) struct InterruptedPlanTests {
    @Test func killedPlanLeavesEveryEarlierOutputWholeOrFullyReplaced() throws {
        let binary = try #require(PatrolRun.patrol, "build patrol first (swift build); it is looked for at .build/debug/patrol")
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("interrupted-plan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let data = PatrolRun.repositoryRoot.appendingPathComponent("geodata/southampton").path
        func plan(date: String, into folder: URL) throws -> [String: Data] {
            let result = try PatrolRun.run(binary, ["plan", "--data", data, "--date", date, "--out", folder.path], in: PatrolRun.repositoryRoot)
            #expect(result.status == 0, "\(result.combined)")
            return try outputs(folder)
        }
        func outputs(_ folder: URL) throws -> [String: Data] {
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !name.hasPrefix(".") {
                files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
            }
            return files
        }
        let out = work.appendingPathComponent("out")
        let earlier = try plan(date: "2026-11-25", into: out)
        let newer = try plan(date: "2026-12-02", into: work.appendingPathComponent("reference"))
        #expect(!earlier.isEmpty && earlier.keys.sorted() == newer.keys.sorted())
        #expect(earlier["plan.geojson"] != newer["plan.geojson"], "the two dates must give different files")

        var random = SplitMix64(seed: 411)
        for _ in 0..<12 {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["plan", "--data", data, "--date", "2026-12-02", "--out", out.path]
            process.currentDirectoryURL = PatrolRun.repositoryRoot
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(random.next() % 2_500_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            for (name, bytes) in try outputs(out) {
                #expect(bytes == earlier[name] || bytes == newer[name], "\(name) is neither the earlier nor the new version")
            }
            // Back to the earlier plan, so the next kill again interrupts a replacement.
            for (name, bytes) in earlier { try bytes.write(to: out.appendingPathComponent(name)) }
        }
    }
}
