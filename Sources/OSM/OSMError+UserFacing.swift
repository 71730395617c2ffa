import Base

extension OSMError: UserFacingError {
    public var hint: String? {
        switch self {
        case .pbf:
            "the file is truncated or corrupt: download the extract again (Geofabrik publishes an .md5 beside each file)"
        case .unsupportedFeature:
            "convert it with osmium: osmium cat FILE -o plain.osm.pbf (gives DenseNodes, zlib, no history)"
        case .xml:
            "the XML is truncated or malformed at that line: export it again, or use the .osm.pbf"
        case .io:
            "check the path and its permissions"
        case .write:
            "check that the output folder is writable and the disk is not full"
        case .unknownFormat:
            "give an .osm.pbf or an uncompressed .osm XML file"
        case .invalidOption:
            "see patrol import-osm --help"
        }
    }

    public var exitCode: ExitStatus {
        switch self {
        case .pbf, .xml, .unsupportedFeature, .unknownFormat: .dataError
        case .io: .noInput
        case .write: .cannotCreate
        case .invalidOption: .usage
        }
    }
}
