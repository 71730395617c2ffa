import Foundation
import Testing

/// The same inputs give the same plan files in two separate processes. Swift seeds its hashing anew in every
/// process, so a `Set` or `Dictionary` walked in its own order would make two runs differ; one process planning
/// twice cannot show that.
@Suite struct PlanDeterminismTests {
    /// Both areas: the SUMO network of Southampton and the full OpenStreetMap extract of the Isle of Wight.
    @Test(arguments: ["southampton", "isle-of-wight"])
    func planRunAsTwoProcessesWritesByteIdenticalFiles(area: String) throws {
        let binary = try #require(PatrolRun.patrol, "build patrol first (swift build); it is looked for at .build/debug/patrol")
        let folder = try ScratchFolder("determinism-\(area)")
        let data = try folder.copyArea(area)
        var outputs: [[String: Data]] = []
        for run in ["first", "second"] {
            let result = try PatrolRun.run(
                binary, ["plan", "--data", data.path, "--date", "2026-11-25", "--out", run],
                in: folder.url, environment: Self.environmentWithPerProcessHashSeeds)
            #expect(result.status == 0, "\(result.combined)")
            outputs.append(try filesBelow(folder.url.appendingPathComponent(run)))
        }
        let names = Set(outputs[0].keys)
        for expected in ["plan.geojson", "runsheet.md", "map.svg", "map.html"] {
            #expect(names.contains(expected), "\(area): the plan wrote no \(expected): \(names.sorted())")
        }
        #expect(names.contains { $0.hasSuffix(".gpx") }, "\(area): the plan wrote no GPX: \(names.sorted())")
        #expect(names == Set(outputs[1].keys), "\(area): the two runs wrote different files")
        for name in names.sorted() {
            #expect(outputs[0][name] == outputs[1][name], "\(area): \(name) differs between two processes")
        }
    }

    /// The child's environment without SWIFT_DETERMINISTIC_HASHING, so each process draws its own hash seed.
    static var environmentWithPerProcessHashSeeds: [String: String] {
        ProcessInfo.processInfo.environment.filter { $0.key != "SWIFT_DETERMINISTIC_HASHING" }
    }

    func filesBelow(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        while let name = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[name] = try Data(contentsOf: url)
            }
        }
        return files
    }
}
