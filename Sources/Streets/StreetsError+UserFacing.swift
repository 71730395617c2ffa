import Base

/// Street-file problems reach the CLI as one line and a hint, with a documented exit code
/// (docs/errors.md: E-STREETS-INVALID, E-FILE-UNREADABLE); before this they fell through to a bare
/// "Error:" with exit 1.
extension StreetsError: UserFacingError {
    public var hint: String? {
        switch self {
        case .badProperty, .badGeometry, .geoJSON, .badSegment:
            "import the streets again (patrol import-osm or patrol import-sumo), or fix the feature named; see docs/data-formats.md"
        case .unreadable:
            "check the path and that the file is readable"
        case .profile:
            "a speed profile is a JSON object of highway class to km/h, such as {\"residential\": 30}"
        }
    }

    public var exitCode: ExitStatus {
        switch self {
        case .badProperty, .badGeometry, .geoJSON, .badSegment: .dataError
        case .unreadable: .noInput
        case .profile: .configuration
        }
    }
}
