import Base
import Foundation
import Geo

/// Writes a FeatureCollection one feature at a time through an `AtomicFile.Writer` (a temporary file
/// beside the target, renamed into place), so a reader never sees half a file and memory stays flat.
///
/// The bytes equal `GeoJSONWriter.string(collection, pretty: true)`: one feature per line.
public final class GeoJSONStreamWriter {
    public let path: String
    private let file: AtomicFile.Writer
    private var buffer: [UInt8] = []
    private var count = 0

    public init(path: String, foreignMembers: [String: JSONValue] = [:]) throws {
        self.path = path
        file = try AtomicFile.Writer(url: URL(fileURLWithPath: path))
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
        try file.finish()
    }

    private func flush() throws {
        try file.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
