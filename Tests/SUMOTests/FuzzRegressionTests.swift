import Foundation
import Testing
@testable import SUMO

/// Inputs the SUMO fuzz harness crashed on (Tests/Fuzz/Crashes/sumo/), each now a clean `SUMOError`.
@Suite struct FuzzRegressionTests {
    /// Foundation's XMLParser traps on an element or attribute name that is not UTF-8; the reader refuses
    /// such bytes first and names the line and column.
    @Test func nameThatIsNotUTF8IsAMalformedXMLErrorAtItsByte() throws {
        // U+00FE stands in for the raw byte 0xFE, which is put back in place of its UTF-8 encoding.
        let cases = [("<net><edge id\u{FE}=\"1\"/></net>", 1, 14), ("<net>\n  <ed\u{FE}ge id=\"1\"/></net>", 2, 6)]
        for (text, line, column) in cases {
            var bytes: [UInt8] = []
            for scalar in text.unicodeScalars {
                if scalar == "\u{FE}" { bytes.append(0xFE) } else { bytes += Array(String(scalar).utf8) }
            }
            do {
                _ = try SUMOReader.read(data: Data(bytes), fileName: "bad.net.xml")
                Issue.record("a name that is not UTF-8 was read")
            } catch let SUMOError.malformedXML(file, foundLine, foundColumn, message, _) {
                #expect(file == "bad.net.xml")
                #expect(foundLine == line && foundColumn == column, "\(foundLine):\(foundColumn)")
                #expect(message.contains("0xFE"))
            }
        }
    }

    @Test func latin1DeclaredDocumentIsNotRefusedForItsEncoding() throws {
        var bytes = Array(#"<?xml version="1.0" encoding="ISO-8859-1"?><net><edge id"#.utf8)
        bytes += [0xE9] + Array(#"="1"/></net>"#.utf8)
        do {
            _ = try SUMOReader.read(data: Data(bytes), fileName: "latin1.net.xml")
            Issue.record("a network without <location> was read")
        } catch let error as SUMOError {
            // It fails later, for what it lacks, not for its bytes.
            #expect(!"\(error)".contains("not UTF-8"), "\(error)")
        }
    }

    @Test func garbledEncodingDeclarationDoesNotLetBadBytesThrough() throws {
        var bytes = Array(#"<?xml version="1.0" encoding="UT"#.utf8) + [0xFF, 0xFF]
        bytes += Array(#""?><net><edge id"#.utf8) + [0xFF] + Array(#"="1"/></net>"#.utf8)
        do {
            _ = try SUMOReader.read(data: Data(bytes), fileName: "garbled.net.xml")
            Issue.record("bytes that are not UTF-8 were read")
        } catch let SUMOError.malformedXML(_, line, column, message, _) {
            #expect(line == 1 && column == 33 && message.contains("0xFF"), "\(line):\(column) \(message)")
        }
    }

    @Test func everyKeptSUMOCrashReadsToACleanError() throws {
        let folder = TestFiles.repositoryRoot.appendingPathComponent("Tests/Fuzz/Crashes/sumo")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") && $0 != "README.md" }
        #expect(!names.isEmpty, "the reproducers of docs/fuzzing.md are missing from \(folder.path)")
        for name in names.sorted() {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            #expect(throws: SUMOError.self, "\(name)") {
                let network = try SUMOReader.read(data: data, fileName: name)
                let georeference = try SUMOGeoreference(network.location, fileName: name)
                _ = try SUMOStreetBuilder.build(network, georeference: georeference, fileName: name)
            }
        }
    }
}
