import Base

extension GeoJSONError: UserFacingError {
    public var hint: String? { "fix the feature named, or re-export the file from QGIS as GeoJSON (EPSG:4326)" }
    public var exitCode: ExitStatus { .dataError }
}

extension ProjectionError: UserFacingError {
    public var hint: String? {
        switch self {
        case .contextCreationFailed, .crsNotFound: "check that Debian's proj-data is installed (apt-get install proj-data)"
        case .transformFailed: "check the coordinates: lon/lat in degrees, WGS84, longitude first"
        }
    }
    public var exitCode: ExitStatus {
        switch self {
        case .contextCreationFailed, .crsNotFound: .software
        case .transformFailed: .dataError
        }
    }
}
