/// The OSMHeader block of a PBF file.
public struct PBFHeader: Hashable, Sendable {
    /// The box the file says it covers, when it has one.
    public var bbox: OSMBoundingBox?
    public var requiredFeatures: [String] = []
    public var optionalFeatures: [String] = []
    public var writingProgram: String?
    public var source: String?
    public var replicationTimestamp: Int64?
    public var replicationBaseURL: String?

    /// The required features this reader implements; anything else is refused.
    public static let supportedFeatures: Set<String> = ["OsmSchema-V0.6", "DenseNodes"]

    static func decode(_ bytes: [UInt8]) throws -> PBFHeader {
        var header = PBFHeader()
        var reader = ProtoReader(bytes)
        while let (number, wireType) = try reader.field() {
            switch number {
            case 1:
                try reader.expect(.lengthDelimited, wireType, field: "HeaderBlock.bbox")
                var box = try reader.message()
                var values: [Int64] = [0, 0, 0, 0]  // left, right, top, bottom as stored
                var seen = 0
                while let (boxField, boxWire) = try box.field() {
                    if (1...4).contains(boxField) {
                        try box.expect(.varint, boxWire, field: "HeaderBBox")
                        values[boxField - 1] = try box.sint64()
                        seen += 1
                    } else {
                        try box.skip(boxWire)
                    }
                }
                if seen == 4 {
                    header.bbox = OSMBoundingBox(minLon: Double(values[0]) / 1e9, minLat: Double(values[3]) / 1e9,
                                                 maxLon: Double(values[1]) / 1e9, maxLat: Double(values[2]) / 1e9)
                }
            case 4, 5:
                try reader.expect(.lengthDelimited, wireType, field: "HeaderBlock features")
                let feature = try reader.string()
                if number == 4 { header.requiredFeatures.append(feature) } else { header.optionalFeatures.append(feature) }
            case 16, 17, 34:
                try reader.expect(.lengthDelimited, wireType, field: "HeaderBlock text")
                let text = try reader.string()
                if number == 16 { header.writingProgram = text } else if number == 17 { header.source = text } else { header.replicationBaseURL = text }
            case 32:
                try reader.expect(.varint, wireType, field: "HeaderBlock.osmosis_replication_timestamp")
                header.replicationTimestamp = try reader.int64()
            default:
                try reader.skip(wireType)
            }
        }
        return header
    }
}
