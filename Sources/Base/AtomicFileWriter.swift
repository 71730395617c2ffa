import Foundation

extension AtomicFile {
    /// Writes a file in pieces, for outputs too large to hold whole: into a temporary file beside it, which
    /// `finish()` flushes and renames into place. Dropped without `finish()` (a failed import), it removes
    /// the temporary file and leaves any earlier file as it was.
    public final class Writer {
        public let url: URL
        private let temporary: URL
        private let handle: FileHandle
        private var closed = false
        private var finished = false

        public init(url: URL) throws {
            self.url = url
            let directory = url.deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw WriteError(path: directory.path, reason: "cannot create the folder (\(error.localizedDescription))")
            }
            temporary = AtomicFile.temporaryURL(beside: url)
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                throw WriteError(path: url.path, reason: "cannot create a temporary file in \(directory.path)")
            }
            do {
                handle = try FileHandle(forWritingTo: temporary)
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                throw WriteError(path: url.path, reason: error.localizedDescription)
            }
        }

        deinit {
            close()
            if !finished { try? FileManager.default.removeItem(at: temporary) }
        }

        public func write(_ data: Data) throws {
            do {
                try handle.write(contentsOf: data)
            } catch {
                throw WriteError(path: url.path, reason: error.localizedDescription)
            }
        }

        /// Flushes the file to disk and renames it over `url`.
        public func finish() throws {
            do {
                try handle.synchronize()
            } catch {
                throw WriteError(path: url.path, reason: error.localizedDescription)
            }
            close()
            try AtomicFile.moveIntoPlace(temporary, over: url)
            finished = true
        }

        private func close() {
            guard !closed else { return }
            closed = true
            try? handle.close()
        }
    }
}
