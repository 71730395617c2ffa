import Foundation
import Geo
import Testing
@testable import OSM

struct WriterTests {
    @Test func streamedFileEqualsGeoJSONWriterOutput() throws {
        let (segments, _) = try importStreets(try TestFiles.fixture("town.osm"))
        let path = (try TestFiles.temporaryDirectory() as NSString).appendingPathComponent("streets.geojson")
        let writer = try GeoJSONStreamWriter(path: path, foreignMembers: ["attribution": .string(OSMImport.attribution)])
        for segment in segments { try writer.write(segment.feature) }
        try writer.finish()
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written == streetsText(segments))
        // And it reads back through Geo's reader to the same features.
        let back = try GeoJSONReader.read(written)
        #expect(back.features == segments.map(\.feature))
    }

    @Test func emptyCollectionIsValidGeoJSON() throws {
        let path = (try TestFiles.temporaryDirectory() as NSString).appendingPathComponent("empty.geojson")
        let writer = try GeoJSONStreamWriter(path: path)
        try writer.finish()
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written == GeoJSONWriter.string(FeatureCollection()))
    }

    @Test func importWritesFourFilesWithAttributionAndNoTemporaries() throws {
        let directory = try TestFiles.temporaryDirectory()
        let summary = try OSMImport.run(inputPath: try TestFiles.fixture("town.osm.pbf"), directory: directory,
                                        schoolsFileName: "osm-schools.geojson")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(names == ["README.md", "osm-schools.geojson", "places.geojson", "streets.geojson"])
        #expect(summary.statistics.segments == 15)
        for name in ["streets.geojson", "osm-schools.geojson", "places.geojson"] {
            let object = try GeoJSONReader.read(contentsOf: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(name)))
            guard case let .featureCollection(collection) = object else {
                Issue.record("\(name) is not a FeatureCollection")
                continue
            }
            #expect(collection.foreignMembers["attribution"] == .string("© OpenStreetMap contributors, ODbL 1.0"))
        }
        let readme = try String(contentsOfFile: (directory as NSString).appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("© OpenStreetMap contributors, ODbL 1.0"))
        #expect(readme.contains("town.osm.pbf"))
        #expect(readme.contains("15 segments"))
    }

    @Test func aFailedImportLeavesNoFiles() throws {
        let directory = try TestFiles.temporaryDirectory()
        let bytes = try TestFiles.bytes(try TestFiles.fixture("town.osm.pbf"))
        let input = try TestFiles.write(Array(bytes.dropLast(10)), name: "cut.osm.pbf")
        #expect(throws: OSMError.self) {
            _ = try OSMImport.run(inputPath: input, directory: directory)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }
}

struct CuratedFolderTests {
    @Test func curatedSchoolsAndReadmeAreKeptAndOurOwnAreReplaced() throws {
        let directory = try TestFiles.temporaryDirectory()
        let gias = "{\"type\":\"FeatureCollection\",\"attribution\":\"Contains public sector information licensed under the Open Government Licence v3.0\",\"features\":[]}\n"
        let notes = "# Isle of Wight\n\ncurated by hand\n"
        try gias.write(toFile: (directory as NSString).appendingPathComponent("schools.geojson"), atomically: true, encoding: .utf8)
        try notes.write(toFile: (directory as NSString).appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let input = try TestFiles.fixture("town.osm")
        let first = try OSMImport.run(inputPath: input, directory: directory)
        #expect(first.files.map { ($0 as NSString).lastPathComponent } == ["streets.geojson", "osm-schools.geojson", "places.geojson", "README-osm.md"])
        #expect(try String(contentsOfFile: (directory as NSString).appendingPathComponent("schools.geojson"), encoding: .utf8) == gias)
        #expect(try String(contentsOfFile: (directory as NSString).appendingPathComponent("README.md"), encoding: .utf8) == notes)

        // In a folder of its own, a second import replaces its own earlier files.
        let own = try TestFiles.temporaryDirectory()
        _ = try OSMImport.run(inputPath: input, directory: own)
        let again = try OSMImport.run(inputPath: input, directory: own)
        #expect(again.files.map { ($0 as NSString).lastPathComponent } == ["streets.geojson", "schools.geojson", "places.geojson", "README.md"])
    }
}
