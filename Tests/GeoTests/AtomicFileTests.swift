import Foundation
import Testing
@testable import Geo

@Suite struct AtomicFileTests {
    @Test func replacesTheFileWholeAndLeavesNoTemporaryFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("plan.geojson")
        try AtomicFile.write("first", to: target)
        try AtomicFile.write(String(repeating: "second ", count: 10_000), to: target)
        let text = try String(contentsOf: target, encoding: .utf8)
        #expect(text.hasPrefix("second") && text.count == 70_000)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names == ["plan.geojson"])
    }

    @Test func anUnwritableFolderIsAClearError() {
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write("x", to: URL(fileURLWithPath: "/proc/patrol-cannot-write/here.txt"))
        }
    }
}
