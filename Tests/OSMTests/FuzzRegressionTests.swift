import Foundation
import Testing
@testable import OSM

/// Inputs the OSM XML fuzz harness crashed on (Tests/Fuzz/Crashes/osm-xml/), each now a clean `OSMError`.
@Suite struct OSMFuzzRegressionTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func read(_ bytes: [UInt8]) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("osm-fuzz-\(UUID().uuidString).osm")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        try OSMXMLReader(path: url.path).read { _ in }
    }

    /// Foundation's XMLParser traps on an attribute name that is not UTF-8; the reader refuses the byte first.
    @Test func attributeNameThatIsNotUTF8IsAnXMLErrorAtItsByte() throws {
        let bytes = Array("<?xml version=\"1.0\"?>\n<osm ".utf8) + [0xC2] + Array("version=\"0.6\"></osm>\n".utf8)
        do {
            try read(bytes)
            Issue.record("a name that is not UTF-8 was read")
        } catch let OSMError.xml(_, line, column, expected) {
            #expect(line == 2 && column == 6, "\(line):\(column)")
            #expect(expected.contains("0xC2"))
        }
    }

    @Test func everyKeptOSMXMLCrashReadsToACleanError() throws {
        let folder = Self.repositoryRoot.appendingPathComponent("Tests/Fuzz/Crashes/osm-xml")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
        #expect(!names.isEmpty, "the reproducers of docs/fuzzing.md are missing from \(folder.path)")
        for name in names.sorted() {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            #expect(throws: OSMError.self, "\(name)") { try read(bytes) }
        }
    }
}
