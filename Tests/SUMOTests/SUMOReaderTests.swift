import Foundation
import Testing
@testable import SUMO

@Suite struct SUMOReaderTests {
    func fixtureLines() throws -> [String] {
        let text = try String(contentsOf: try TestFiles.fixture("shirley-fixture.net.xml"), encoding: .utf8)
        return text.components(separatedBy: "\n")
    }

    func read(_ lines: [String]) throws -> SUMONetwork {
        try SUMOReader.read(data: Data(lines.joined(separator: "\n").utf8), fileName: "test.net.xml")
    }

    @Test func fixtureReadsLocationEdgesLanesAndJunctionsWithoutInternals() throws {
        let network = try SUMOReader.read(contentsOf: try TestFiles.fixture("shirley-fixture.net.xml"))
        #expect(network.location.netOffset == NetPoint(x: -609936.69, y: -5642199.82))
        #expect(network.location.projParameter == "+proj=utm +zone=30 +ellps=WGS84 +datum=WGS84 +units=m +no_defs")
        #expect(network.location.convBoundary == [0, 0, 445.84, 228.35])
        #expect(network.location.origBoundary.count == 4)
        // Counted by `python3 tools/sumo_counts.py Tests/SUMOTests/Fixtures/shirley-fixture.net.xml`: edges 19, junctions 10.
        #expect(network.edges.count == 19)
        #expect(network.junctions.count == 10)
        #expect(network.edges.allSatisfy { !$0.id.hasPrefix(":") && !$0.lanes.isEmpty })
        #expect(network.junctions.allSatisfy { !$0.id.hasPrefix(":") })
        let station = try #require(network.edges.first { $0.id == "225110006" })
        #expect(station.highwayClass == "primary")
        #expect(station.lanes.count == 2)
        #expect(station.lanes[0].speedMetresPerSecond == 13.41)
        #expect(station.shape?.first == NetPoint(x: 160.46, y: 119.67))
        #expect(network.types["highway.residential"]?.speedMetresPerSecond == 13.89)
    }

    @Test func edgeIDsCarryWayDirectionAndPiece() {
        let reverse = SUMOEdgeID("-13253092#1")
        #expect(reverse?.osmWayID == 13253092 && reverse?.isReverse == true && reverse?.piece == 1)
        let whole = SUMOEdgeID("134112511")
        #expect(whole?.osmWayID == 134112511 && whole?.isReverse == false && whole?.piece == nil)
        #expect(SUMOEdgeID("gneE3") == nil)
        #expect(SUMOEdgeID(":123_0") == nil)
        #expect(SUMOEdgeID("12#x") == nil)
    }

    @Test func nonIntegerJunctionIDsGetStableDistinctNegativeNumbers() {
        #expect(JunctionNodeID.integer(for: "2511000003") == 2511000003)
        let cluster = JunctionNodeID.integer(for: "cluster_1_2")
        #expect(cluster < 0 && cluster > -(1 << 53))
        #expect(cluster == JunctionNodeID.integer(for: "cluster_1_2"))
        #expect(cluster != JunctionNodeID.integer(for: "cluster_2_1"))
        #expect(JunctionNodeID.integer(for: "gneJ7") < 0)
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (published test vector).
        #expect(JunctionNodeID.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
    }

    @Test func truncatedFileNamesTheLastLineAndTheOpenElement() throws {
        let lines = try fixtureLines()
        let edgeLine = try #require(lines.firstIndex { $0.contains("<edge id=\"225110006\"") })
        // Cut in the middle of the lane line after the edge's start tag.
        var cut = Array(lines[...(edgeLine + 1)])
        cut[edgeLine + 1] = String(cut[edgeLine + 1].prefix(30))
        do {
            _ = try read(cut)
            Issue.record("a truncated file was accepted")
        } catch let error as SUMOError {
            guard case let .malformedXML(file, line, _, _, expected) = error else {
                Issue.record("expected malformedXML, got \(error)")
                return
            }
            #expect(file == "test.net.xml")
            #expect(line == edgeLine + 2)
            #expect(expected.contains("</edge>") || expected.contains("<lane>"))
            #expect(error.description.hasPrefix("test.net.xml:\(edgeLine + 2):"))
        }
    }

    @Test func mismatchedClosingTagNamesItsLine() throws {
        var lines = try fixtureLines()
        let closing = try #require(lines.indices.first { lines[$0].trimmingCharacters(in: .whitespaces) == "</edge>" && $0 > 40 })
        lines[closing] = lines[closing].replacingOccurrences(of: "</edge>", with: "</edgy>")
        #expect(throws: SUMOError.self) { try read(lines) }
        do {
            _ = try read(lines)
        } catch let error as SUMOError {
            #expect(error.line == closing + 1, "\(error)")
            #expect(error.description.contains("</edge>"))
        }
    }

    @Test func badJunctionCoordinateNamesLineFieldAndValue() throws {
        var lines = try fixtureLines()
        let junction = try #require(lines.firstIndex { $0.contains("<junction id=\"2511000041\"") })
        lines[junction] = lines[junction].replacingOccurrences(of: "x=\"0.00\"", with: "x=\"east\"")
        do {
            _ = try read(lines)
            Issue.record("a bad coordinate was accepted")
        } catch let error as SUMOError {
            #expect(error == .invalidElement(file: "test.net.xml", line: junction + 1, element: "junction", field: "x",
                                             expected: "a number, not \"east\" (id \"2511000041\")"))
        }
    }

    @Test func missingLocationAndNoProjectionAreRefused() throws {
        let lines = try fixtureLines().filter { !$0.contains("<location") }
        #expect(throws: SUMOError.invalidNetwork(file: "test.net.xml", message: "no <location> element, so the network cannot be placed on a map")) {
            try read(lines)
        }
        let location = SUMOLocation(netOffset: NetPoint(x: 0, y: 0), convBoundary: [], origBoundary: [], projParameter: "!")
        #expect(throws: SUMOError.self) { try SUMOGeoreference(location) }
    }

    @Test func notXMLAtAllSaysWhatWasExpected() {
        do {
            _ = try SUMOReader.read(data: Data("hello".utf8), fileName: "x.net.xml")
            Issue.record("text was accepted as a network")
        } catch let error as SUMOError {
            #expect(error.line == 1)
            #expect(error.description.contains("<net>"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
