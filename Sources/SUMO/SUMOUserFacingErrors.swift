import Base

extension SUMOError: UserFacingError {
    public var hint: String? {
        switch self {
        case .malformedXML: "the file is damaged or cut short; make it again with netconvert, or fetch it again"
        case .invalidElement: "fix the named attribute on that line, or make the network again with netconvert"
        case .invalidNetwork: "the file must be a SUMO .net.xml made from geographic data (netconvert --proj.utm), with a <location> carrying a projParameter"
        case .cannotRead: "check the path and the file's permissions"
        }
    }

    public var exitCode: ExitStatus {
        switch self {
        case .cannotRead: .noInput
        default: .dataError
        }
    }
}

extension PoliceCSVError: UserFacingError {
    public var hint: String? {
        switch self {
        case .cannotRead: "check the path and the file's permissions"
        default: "--name-from takes a police.uk street-level crime CSV as downloaded from data.police.uk"
        }
    }

    public var exitCode: ExitStatus {
        switch self {
        case .cannotRead: .noInput
        default: .dataError
        }
    }
}
