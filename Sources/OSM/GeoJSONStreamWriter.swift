import Foundation
import Geo

/// Writes a FeatureCollection one feature at a time into a temporary file beside the target,
/// then renames it into place, so a reader never sees half a file and memory stays flat.
///
/// The bytes equal `GeoJSONWriter.string(collection, pretty: true)`: one feature per line.
public final class GeoJSONStreamWriter {
    public let path: String
    private let temporaryPath: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var count = 0
    private var finished = false

    public init(path: String, foreignMembers: [String: JSONValue] = [:]) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)").path
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporaryPath) else {
            throw OSMError.write(path: temporaryPath, message: "cannot create a temporary file for \(url.lastPathComponent)")
        }
        self.handle = handle
        var head = JSONWriter()
        head.raw("{\"type\":\"FeatureCollection\"")
        for key in foreignMembers.keys.sorted() where !["type", "features", "crs"].contains(key) {
            guard let value = foreignMembers[key] else { continue }
            head.raw(",")
            head.string(key)
            head.raw(":")
            head.value(value)
        }
        head.raw(",\"features\":[")
        buffer.append(contentsOf: head.text.utf8)
    }

    deinit {
        try? handle.close()
        if !finished { try? FileManager.default.removeItem(atPath: temporaryPath) }
    }

    public func write(_ feature: Feature) throws {
        if count > 0 { buffer.append(UInt8(ascii: ",")) }
        buffer.append(UInt8(ascii: "\n"))
        buffer.append(contentsOf: GeoJSONWriter.string(.feature(feature), pretty: false).utf8)
        count += 1
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Ends the collection and moves the file into place.
    public func finish() throws {
        buffer.append(contentsOf: "\n]}\n".utf8)
        try flush()
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw OSMError.write(path: temporaryPath, message: "cannot finish writing: \(error.localizedDescription)")
        }
        guard rename(temporaryPath, path) == 0 else {
            throw OSMError.write(path: path, message: "cannot move the finished file into place (errno \(errno))")
        }
        finished = true
    }

    private func flush() throws {
        do {
            try handle.write(contentsOf: Data(buffer))
        } catch {
            throw OSMError.write(path: temporaryPath, message: "write failed: \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Writes a small text file through a temporary file and a rename.
func writeAtomically(_ text: String, to path: String) throws {
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        throw OSMError.write(path: path, message: "cannot write: \(error.localizedDescription)")
    }
}
