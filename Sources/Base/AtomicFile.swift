import Foundation

/// Writes a file whole or not at all: into a temporary file beside it, flushed, then renamed into place.
/// A killed process leaves either the old file or the new one, never half of either.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    public static func write(_ data: Data, to url: URL) throws {
        let writer = try Writer(url: url)
        try writer.write(data)
        try writer.finish()
    }

    /// A new name for a temporary file beside `url`: hidden, and in the same folder so that the rename
    /// into place stays on one file system and is atomic.
    public static func temporaryURL(beside url: URL) -> URL {
        url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
    }

    /// Puts a temporary file that something else has written (beside `url`, see `temporaryURL(beside:)`) in
    /// the place of `url`: flushed to disk, then renamed over it in one step. On failure the temporary
    /// file is removed and `url` is left as it was.
    public static func replace(_ url: URL, withFinished temporary: URL) throws {
        do {
            let handle = try FileHandle(forUpdating: temporary)
            defer { try? handle.close() }
            try handle.synchronize()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: url.path, reason: error.localizedDescription)
        }
        try moveIntoPlace(temporary, over: url)
    }

    /// rename(2): whoever opens `url` sees the old file or the new one, never neither.
    static func moveIntoPlace(_ temporary: URL, over url: URL) throws {
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: url.path, reason: reason)
        }
    }
}

extension AtomicFile.WriteError: UserFacingError {
    public var hint: String? { "check that the output folder exists and is writable, and that the disk is not full" }
    public var exitCode: ExitStatus { .cannotCreate }
}
