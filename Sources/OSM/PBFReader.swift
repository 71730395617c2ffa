import Foundation

/// Streams an `.osm.pbf` file one blob at a time: memory stays at one compressed and one
/// decompressed block (at most 32 MiB each by the format's own limits) plus what the visitor keeps.
public final class PBFReader {
    /// The format's limits: a BlobHeader is at most 64 KiB, a blob at most 32 MiB.
    public static let maxBlobHeaderBytes = 64 * 1024
    public static let maxBlobBytes = 32 * 1024 * 1024

    /// The file's path, or the name given to in-memory data (used in messages).
    public let path: String
    public let fileSizeBytes: Int
    /// Called after every blob with bytes read so far and the file size.
    public var progress: OSMProgress?
    /// The OSMHeader block, once a pass has read it.
    public private(set) var header: PBFHeader?
    private let memory: [UInt8]?

    /// Reads PBF data already in memory (tests and fuzzing); `name` stands for the path in messages.
    public init(bytes: [UInt8], name: String) {
        path = name
        memory = bytes
        fileSizeBytes = bytes.count
    }

    public init(path: String, progress: OSMProgress? = nil) throws {
        self.path = path
        self.progress = progress
        memory = nil
        fileSizeBytes = try InputFile.sizeBytes(atPath: path)
    }

    /// Reads the whole file once, calling `visit` for every element of the wanted kinds in file order.
    public func read(kinds: OSMElementKinds = .all, _ visit: (OSMElement) throws -> Void) throws {
        let file: any ByteSource = try memory.map { MemoryBytes($0) } ?? InputFile(path: path)
        let inflater: ZlibInflater
        do { inflater = try ZlibInflater() } catch let error as InflateError {
            throw OSMError.io(path: path, message: error.expected)
        }
        var offset = 0
        var blobIndex = 0
        var sawHeader = false
        while true {
            let lengthBytes = try file.read(4)
            if lengthBytes.isEmpty { break }
            guard lengthBytes.count == 4 else {
                throw fail(offset, "a 4-byte blob header length, but the file ends after \(lengthBytes.count) bytes")
            }
            let headerLength = Int(UInt32(lengthBytes[0]) << 24 | UInt32(lengthBytes[1]) << 16
                                   | UInt32(lengthBytes[2]) << 8 | UInt32(lengthBytes[3]))
            guard headerLength <= Self.maxBlobHeaderBytes else {
                throw fail(offset, "blob header length \(headerLength) exceeds 64 KiB (not a PBF file, or corrupt)")
            }
            guard headerLength > 0 else { throw fail(offset, "a blob header length above 0, found 0") }
            let headerOffset = offset + 4
            let headerBytes = try file.read(headerLength)
            guard headerBytes.count == headerLength else {
                throw fail(headerOffset, "a BlobHeader of \(headerLength) bytes, but the file ends after \(headerBytes.count)")
            }
            let (rawType, dataSize) = try blobHeader(headerBytes, at: headerOffset)
            // The type is untrusted text that may end up in a message: keep it short and printable.
            let type = rawType.count <= 32 && rawType.allSatisfy({ $0.isASCII && !$0.isNewline }) ? rawType : String(reflecting: String(rawType.prefix(32)))
            let blobOffset = headerOffset + headerLength
            let blobBytes = try file.read(dataSize)
            guard blobBytes.count == dataSize else {
                throw fail(blobOffset, "a blob of type \(type) and \(dataSize) bytes, but the file ends after \(blobBytes.count)")
            }
            offset = blobOffset + dataSize
            switch rawType {
            case "OSMHeader":
                guard !sawHeader else { throw fail(headerOffset, "one OSMHeader blob, found a second") }
                let block = try blobData(blobBytes, at: blobOffset, inflater: inflater)
                let header: PBFHeader
                do { header = try PBFHeader.decode(block) } catch let error as ProtoError {
                    throw fail(blobOffset, "a valid HeaderBlock (at decompressed byte \(error.position): expected \(error.expected))")
                }
                for feature in header.requiredFeatures where !PBFHeader.supportedFeatures.contains(feature) {
                    throw OSMError.unsupportedFeature(file: path, offset: blobOffset, feature: feature)
                }
                self.header = header
                sawHeader = true
            case "OSMData":
                guard sawHeader else {
                    throw fail(headerOffset, "an OSMHeader blob before the first OSMData blob (blob \(blobIndex))")
                }
                let block = try blobData(blobBytes, at: blobOffset, inflater: inflater)
                do {
                    try PrimitiveBlockDecoder(block).decode(kinds: kinds, visit)
                } catch let error as ProtoError {
                    throw fail(blobOffset, "a valid PrimitiveBlock in blob \(blobIndex) (at decompressed byte \(error.position): expected \(error.expected))")
                }
            default:
                // The format says readers skip blob types they do not know.
                break
            }
            blobIndex += 1
            progress?(offset, fileSizeBytes)
        }
        guard sawHeader else { throw fail(0, "an OSMHeader blob, but the file is empty") }
    }

    private func fail(_ offset: Int, _ expected: String) -> OSMError {
        .pbf(file: path, offset: offset, expected: expected)
    }

    private func blobHeader(_ bytes: [UInt8], at offset: Int) throws -> (type: String, dataSize: Int) {
        var reader = ProtoReader(bytes)
        var type: String?
        var dataSize: Int?
        do {
            while let (number, wireType) = try reader.field() {
                switch number {
                case 1:
                    try reader.expect(.lengthDelimited, wireType, field: "BlobHeader.type")
                    type = try reader.string()
                case 3:
                    try reader.expect(.varint, wireType, field: "BlobHeader.datasize")
                    dataSize = Int(try reader.int32())
                default:
                    try reader.skip(wireType)
                }
            }
        } catch let error as ProtoError {
            throw fail(offset + error.position, "a valid BlobHeader: \(error.expected)")
        }
        guard let type, let dataSize else {
            throw fail(offset, "a BlobHeader with a type and a datasize")
        }
        guard (0...Self.maxBlobBytes).contains(dataSize) else {
            throw fail(offset, "blob size \(dataSize) outside 0…32 MiB")
        }
        return (type, dataSize)
    }

    /// The decompressed payload of a Blob message: raw, or zlib with `raw_size` checked.
    private func blobData(_ bytes: [UInt8], at offset: Int, inflater: ZlibInflater) throws -> [UInt8] {
        var reader = ProtoReader(bytes)
        var raw: Range<Int>?
        var zlib: Range<Int>?
        var rawSize: Int?
        var otherCompression: String?
        do {
            while let (number, wireType) = try reader.field() {
                switch number {
                case 1:
                    try reader.expect(.lengthDelimited, wireType, field: "Blob.raw")
                    raw = try reader.lengthDelimited()
                case 2:
                    try reader.expect(.varint, wireType, field: "Blob.raw_size")
                    rawSize = Int(try reader.int32())
                case 3:
                    try reader.expect(.lengthDelimited, wireType, field: "Blob.zlib_data")
                    zlib = try reader.lengthDelimited()
                case 4, 5, 6, 7:
                    otherCompression = [4: "lzma", 5: "bzip2", 6: "lz4", 7: "zstd"][number]
                    try reader.skip(wireType)
                default:
                    try reader.skip(wireType)
                }
            }
        } catch let error as ProtoError {
            throw fail(offset + error.position, "a valid Blob: \(error.expected)")
        }
        if let raw {
            guard raw.count <= Self.maxBlobBytes else { throw fail(offset, "a raw block of at most 32 MiB") }
            return Array(bytes[raw])
        }
        if let zlib {
            guard let rawSize else { throw fail(offset, "Blob.raw_size beside zlib_data") }
            guard (0...Self.maxBlobBytes).contains(rawSize) else {
                throw fail(offset, "Blob.raw_size \(rawSize) outside 0…32 MiB")
            }
            do {
                return try inflater.inflate(bytes, range: zlib, outputSize: rawSize)
            } catch let error as InflateError {
                throw fail(offset, error.expected)
            }
        }
        if let otherCompression {
            throw OSMError.unsupportedFeature(file: path, offset: offset, feature: "\(otherCompression)-compressed blobs")
        }
        throw fail(offset, "a Blob with raw or zlib_data")
    }
}

/// Where the PBF bytes come from, read front to back.
protocol ByteSource: AnyObject {
    /// Up to `count` bytes; fewer only at the end.
    func read(_ count: Int) throws -> [UInt8]
}

final class MemoryBytes: ByteSource {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(_ count: Int) throws -> [UInt8] {
        let end = min(bytes.count, position + max(0, count))
        defer { position = end }
        return Array(bytes[position..<end])
    }
}

/// Owns one open file for reading; closed when released.
final class InputFile: ByteSource {
    private let handle: FileHandle
    let path: String

    init(path: String) throws {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw OSMError.io(path: path, message: "cannot open for reading")
        }
        self.handle = handle
    }

    deinit {
        try? handle.close()
    }

    /// The size of the file at `path`, for progress; both readers take it before opening the file.
    static func sizeBytes(atPath path: String) throws -> Int {
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            return (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw OSMError.io(path: path, message: "cannot open: \(error.localizedDescription)")
        }
    }

    /// Up to `count` bytes; fewer only at the end of the file.
    func read(_ count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        var result: [UInt8] = []
        result.reserveCapacity(count)
        while result.count < count {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: count - result.count)
            } catch {
                throw OSMError.io(path: path, message: "read failed: \(error.localizedDescription)")
            }
            guard let chunk, !chunk.isEmpty else { break }
            result.append(contentsOf: chunk)
        }
        return result
    }
}
