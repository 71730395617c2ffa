import Foundation
import Testing
@testable import Base

@Suite struct AtomicFileTests {
    /// A fresh folder under the temporary directory, removed by the caller.
    func scratchFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
    }

    @Test func replacesTheFileWholeAndLeavesNoTemporaryFiles() throws {
        let folder = scratchFolder()
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

    @Test func anUnwritableFolderExitsWithCannotCreateAndAHint() {
        let error = #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write("x", to: URL(fileURLWithPath: "/proc/patrol-cannot-write/here.txt"))
        }
        #expect(error?.exitCode == .cannotCreate)
        #expect(error?.description.hasPrefix("cannot write /proc/patrol-cannot-write") == true)
        #expect(error?.hint?.isEmpty == false)
    }

    @Test func aStreamedFileAppearsOnlyWhenFinished() throws {
        let folder = scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("streets.geojson")
        try AtomicFile.write("earlier", to: target)
        let writer = try AtomicFile.Writer(url: target)
        try writer.write(Data("new ".utf8))
        try writer.write(Data("file".utf8))
        #expect(try String(contentsOf: target, encoding: .utf8) == "earlier")
        try writer.finish()
        #expect(try String(contentsOf: target, encoding: .utf8) == "new file")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["streets.geojson"])
    }

    @Test func aStreamDroppedUnfinishedLeavesTheEarlierFileAndNoTemporary() throws {
        let folder = scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("streets.geojson")
        try AtomicFile.write("earlier", to: target)
        do {
            let writer = try AtomicFile.Writer(url: target)
            try writer.write(Data("half a file".utf8))
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == "earlier")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["streets.geojson"])
    }

    @Test func aFinishedTemporaryReplacesTheTargetInOneStep() throws {
        let folder = scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent("map.png")
        try Data("old".utf8).write(to: target)
        let temporary = AtomicFile.temporaryURL(beside: target)
        #expect(temporary.deletingLastPathComponent().path == folder.path)
        #expect(temporary.lastPathComponent.hasPrefix("."))
        try Data("new".utf8).write(to: temporary)
        try AtomicFile.replace(target, withFinished: temporary)
        #expect(try String(contentsOf: target, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["map.png"])
    }

    @Test func aTemporaryThatCannotBeMovedIsRemovedAndTheTargetKept() throws {
        let folder = scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("map.png")
        // A non-empty folder in the target's place: rename(2) cannot replace it.
        try FileManager.default.createDirectory(at: target.appendingPathComponent("inside"), withIntermediateDirectories: true)
        let temporary = AtomicFile.temporaryURL(beside: target)
        try Data("new".utf8).write(to: temporary)
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.replace(target, withFinished: temporary) }
        #expect(!FileManager.default.fileExists(atPath: temporary.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == ["inside"])
    }
}
