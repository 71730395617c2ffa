import Foundation
import Testing
@testable import Base

@Suite struct AtomicFileTests {
    /// Runs `body` with a fresh empty folder, removed afterwards.
    func inScratchFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    func names(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func text(of file: URL) throws -> String {
        try String(contentsOf: file, encoding: .utf8)
    }

    @Test func replacesTheFileWholeAndLeavesNoTemporaryFiles() throws {
        try inScratchFolder { folder in
            let target = folder.appendingPathComponent("plan.geojson")
            try AtomicFile.write("first", to: target)
            try AtomicFile.write(String(repeating: "second ", count: 10_000), to: target)
            let text = try text(of: target)
            #expect(text.hasPrefix("second") && text.count == 70_000)
            #expect(try names(in: folder) == ["plan.geojson"])
        }
    }

    @Test func aMissingFolderIsMade() throws {
        try inScratchFolder { folder in
            let target = folder.appendingPathComponent("out/day/plan.geojson")
            try AtomicFile.write("plan", to: target)
            #expect(try text(of: target) == "plan")
        }
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
        try inScratchFolder { folder in
            let target = folder.appendingPathComponent("streets.geojson")
            try AtomicFile.write("earlier", to: target)
            let writer = try AtomicFile.Writer(url: target)
            try writer.write(Data("new ".utf8))
            try writer.write(Data("file".utf8))
            #expect(try text(of: target) == "earlier")
            try writer.finish()
            #expect(try text(of: target) == "new file")
            #expect(try names(in: folder) == ["streets.geojson"])
        }
    }

    @Test func aStreamDroppedUnfinishedLeavesTheEarlierFileAndNoTemporary() throws {
        try inScratchFolder { folder in
            let target = folder.appendingPathComponent("streets.geojson")
            try AtomicFile.write("earlier", to: target)
            do {
                let writer = try AtomicFile.Writer(url: target)
                try writer.write(Data("half a file".utf8))
            }
            #expect(try text(of: target) == "earlier")
            #expect(try names(in: folder) == ["streets.geojson"])
        }
    }

    @Test func aFinishedTemporaryReplacesTheTargetInOneStep() throws {
        try inScratchFolder { folder in
            let target = folder.appendingPathComponent("map.png")
            try Data("old".utf8).write(to: target)
            let temporary = AtomicFile.temporaryURL(beside: target)
            #expect(temporary.deletingLastPathComponent().path == folder.path)
            #expect(temporary.lastPathComponent.hasPrefix("."))
            try Data("new".utf8).write(to: temporary)
            try AtomicFile.replace(target, withFinished: temporary)
            #expect(try text(of: target) == "new")
            #expect(try names(in: folder) == ["map.png"])
        }
    }

    @Test func aTemporaryThatCannotBeMovedIsRemovedAndTheTargetKept() throws {
        try inScratchFolder { folder in
            let target = folder.appendingPathComponent("map.png")
            // A non-empty folder in the target's place: rename(2) cannot replace it.
            try FileManager.default.createDirectory(at: target.appendingPathComponent("inside"), withIntermediateDirectories: true)
            let temporary = AtomicFile.temporaryURL(beside: target)
            try Data("new".utf8).write(to: temporary)
            #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.replace(target, withFinished: temporary) }
            #expect(try names(in: folder) == ["map.png"])
            #expect(try names(in: target) == ["inside"])
        }
    }
}
