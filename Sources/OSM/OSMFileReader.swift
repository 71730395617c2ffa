import Foundation

public enum OSMFileFormat: String, Hashable, Sendable {
    case pbf
    case xml
}

/// Opens an OpenStreetMap file of either format, told apart by its first bytes rather than
/// its name, and streams its elements.
public final class OSMFileReader {
    public let path: String
    public let format: OSMFileFormat
    private let pbf: PBFReader?
    private let xml: OSMXMLReader?

    public init(path: String, progress: OSMProgress? = nil) throws {
        self.path = path
        let file = try InputFile(path: path)
        let head = try file.read(64)
        let text = head.drop { $0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09 || $0 == 0xef || $0 == 0xbb || $0 == 0xbf }
        if head.isEmpty {
            throw OSMError.unknownFormat(file: path, message: "the file is empty: expected OSM PBF or OSM XML")
        } else if head.starts(with: [0x1f, 0x8b]) || head.starts(with: Array("BZh".utf8)) {
            throw OSMError.unknownFormat(file: path, message: "the file is gzip or bzip2 compressed: decompress it first (PBF is read natively)")
        } else if text.first == UInt8(ascii: "<") {
            format = .xml
            xml = try OSMXMLReader(path: path, progress: progress)
            pbf = nil
        } else {
            format = .pbf
            pbf = try PBFReader(path: path, progress: progress)
            xml = nil
        }
    }

    public var fileSizeBytes: Int { pbf?.fileSizeBytes ?? xml?.fileSizeBytes ?? 0 }

    /// The PBF header after a pass (nil for XML).
    public var pbfHeader: PBFHeader? { pbf?.header }

    public var progress: OSMProgress? {
        get { pbf?.progress ?? xml?.progress }
        set {
            pbf?.progress = newValue
            xml?.progress = newValue
        }
    }

    public func read(kinds: OSMElementKinds = .all, _ visit: (OSMElement) throws -> Void) throws {
        if let pbf {
            try pbf.read(kinds: kinds, visit)
        } else if let xml {
            try xml.read(kinds: kinds, visit)
        }
    }
}
