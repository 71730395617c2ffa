import Foundation
import Testing

/// The privacy scanner (`tools/privacy-scan`) runs as part of `make test`, because stops concern children:
/// the whole pipeline on planted names, birth dates, addresses and free text leaks nothing, and a build
/// that did leak would be caught.
@Suite struct PrivacyScanTests {
    static func scan(with patrol: URL, in folder: ScratchFolder) throws -> PatrolRun.Result {
        let python = URL(fileURLWithPath: "/usr/bin/python3")
        let script = PatrolRun.repositoryRoot.appendingPathComponent("tools/privacy-scan").path
        return try PatrolRun.run(python, [script, "--patrol", patrol.path], in: folder.url)
    }

    @Test func theDemoPipelineLeaksNothingPlanted() throws {
        let binary = try #require(PatrolRun.patrol, "build patrol first (swift build); it is looked for at .build/debug/patrol")
        let folder = try ScratchFolder("privacy")
        let result = try Self.scan(with: binary, in: folder)
        #expect(result.status == 0, "\(result.combined)")
        #expect(result.combined.contains(" 0 findings"), "\(result.combined)")
        #expect(result.combined.contains("ran plan: exit 0"), "the scan must include the plan: \(result.combined)")
    }

    /// A patrol that echoes a planted name after each command must fail the scan.
    @Test func aLeakingBuildIsCaught() throws {
        let binary = try #require(PatrolRun.patrol, "build patrol first (swift build); it is looked for at .build/debug/patrol")
        let folder = try ScratchFolder("privacy-leak")
        let leaky = try folder.write("patrol", "#!/bin/sh\n\"\(binary.path)\" \"$@\"\nstatus=$?\necho 'seen with Zebedee Quantrill'\nexit $status\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: leaky.path)
        let result = try Self.scan(with: leaky, in: folder)
        #expect(result.status == 1, "\(result.combined)")
        #expect(result.combined.contains("Zebedee Quantrill"), "\(result.combined)")
    }
}
