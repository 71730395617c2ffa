/// What went wrong reading or writing OpenStreetMap data, with the place in the file.
public enum OSMError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A `.osm.pbf` problem at a byte offset of the file. For data inside a compressed blob the
    /// offset is the blob's, and `detail` names the position inside the decompressed block.
    case pbf(file: String, offset: Int, expected: String)
    /// The file needs a feature this reader does not implement (`HistoricalInformation`, `LocationsOnWays`, lzma…).
    case unsupportedFeature(file: String, offset: Int, feature: String)
    /// A `.osm` XML problem at a line and column.
    case xml(file: String, line: Int, column: Int, expected: String)
    /// Could not open or read an input file.
    case io(path: String, message: String)
    /// Could not write an output file or make the output folder.
    case write(path: String, message: String)
    /// Neither PBF nor OSM XML.
    case unknownFormat(file: String, message: String)
    /// An option is malformed (for example a bounding box).
    case invalidOption(name: String, message: String)

    public var description: String {
        switch self {
        case let .pbf(file, offset, expected):
            return "\(file): byte \(offset): \(expected)"
        case let .unsupportedFeature(file, offset, feature):
            return "\(file): byte \(offset): unsupported PBF feature \(feature) (this reader handles OsmSchema-V0.6 and DenseNodes, raw or zlib blobs)"
        case let .xml(file, line, column, expected):
            return "\(file): line \(line), column \(column): \(expected)"
        case let .io(path, message), let .write(path, message):
            return "\(path): \(message)"
        case let .unknownFormat(file, message):
            return "\(file): \(message)"
        case let .invalidOption(name, message):
            return "\(name): \(message)"
        }
    }
}
