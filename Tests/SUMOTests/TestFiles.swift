import Foundation
import Testing

/// Paths to committed fixtures and to the shared source data beside the repository.
enum TestFiles {
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func fixture(_ name: String) throws -> URL {
        let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")
        return try #require(url, "fixture \(name) is missing from Tests/SUMOTests/Fixtures")
    }

    /// A file of ../shared/geodata-src/, which CI checks out beside the clone.
    static func shared(_ name: String) throws -> URL {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/geodata-src/\(name)")
        try #require(FileManager.default.fileExists(atPath: url.path),
                     "\(url.path) is missing: the shared geodata-src folder must sit beside the repository (../shared)")
        return url
    }

    static let realNetwork = "southampton-centre_2018-08_sumo.net.xml"
    static let policeCSV = "police-uk_hampshire-street_2017-02_to_2017-07_southampton-bbox.csv"
}
