import Foundation

/// Runs the built `patrol` (and the atomic-write probe) from `.build/debug`, as a user would.
enum PatrolRun {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
        var combined: String { standardOutput + standardError }
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func binary(_ name: String) -> URL? {
        let url = repositoryRoot.appendingPathComponent(".build/debug/\(name)")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }

    static var patrol: URL? { binary("patrol") }

    /// Runs to completion in `directory`. Output goes through files, so a chatty command cannot fill a pipe.
    static func run(_ executable: URL, _ arguments: [String], in directory: URL,
                    environment: [String: String]? = nil) throws -> Result {
        let out = directory.appendingPathComponent(".run-\(UUID().uuidString).out")
        let err = directory.appendingPathComponent(".run-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      standardOutput: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                      standardError: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
}

/// A scratch folder removed when the test ends.
final class ScratchFolder {
    let url: URL

    init(_ label: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("patrol-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }

    /// A private copy of a committed area, so a store the command opens never touches geodata/.
    func copyArea(_ area: String) throws -> URL {
        let source = PatrolRun.repositoryRoot.appendingPathComponent("geodata/\(area)")
        let copy = url.appendingPathComponent("area")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where !name.hasPrefix("stops.sqlite") {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: copy.appendingPathComponent(name))
        }
        return copy
    }
}
