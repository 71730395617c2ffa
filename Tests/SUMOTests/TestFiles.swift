import Foundation
import Testing

/// Paths to committed fixtures and to the real source files in geodata/sources.
enum TestFiles {
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func fixture(_ name: String) throws -> URL {
        let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")
        return try #require(url, "fixture \(name) is missing from Tests/SUMOTests/Fixtures")
    }

    /// A real source file of geodata/sources (see its PROVENANCE.md).
    static func source(_ name: String) throws -> URL {
        let url = repositoryRoot.appendingPathComponent("geodata/sources/\(name)")
        try #require(FileManager.default.fileExists(atPath: url.path),
                     "\(url.path) is missing: it is committed under geodata/sources")
        return url
    }

    static let realNetwork = "southampton-centre_2018-08_sumo.net.xml"
    static let policeCSV = "police-uk_hampshire-street_2017-02_to_2017-07_southampton-bbox.csv"
}
