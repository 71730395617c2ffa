import Foundation
import Geo
import Testing
@testable import SUMO

@Suite struct ImportOutputTests {
    /// The written file follows docs/data-formats.md for streets.geojson and passes `patrol validate`'s checks.
    @Test func writtenStreetsFileHasTheStreetsSchemaAndAttribution() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sumo-import-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = try SUMOImport.run(input: try TestFiles.fixture("shirley-fixture.net.xml"), outputDirectory: directory,
                                        nameFrom: try TestFiles.fixture("police-fixture.csv"), readmeName: "README-streets.md")
        #expect(report.writtenFiles.map { URL(fileURLWithPath: $0).lastPathComponent } == ["streets.geojson", "README-streets.md"])
        let checked = GeoJSONFileCheck.check(fileAt: directory.appendingPathComponent("streets.geojson"))
        #expect(checked.problems.isEmpty, "\(checked.problems)")
        let object = try #require(checked.object)
        guard case let .featureCollection(collection) = object else {
            Issue.record("not a FeatureCollection")
            return
        }
        #expect(collection.foreignMembers["attribution"] == .string("© OpenStreetMap contributors, ODbL 1.0; converted by SUMO netconvert"))
        #expect(collection.features.count == 12)
        let required: Set<String> = ["osm_way_id", "from_node", "to_node", "name", "highway", "oneway", "length_m", "scan_only"]
        let optional: Set<String> = ["name_source", "maxspeed"]
        for feature in collection.features {
            let keys = Set(feature.properties.keys)
            #expect(required.isSubset(of: keys) && keys.subtracting(required).isSubset(of: optional), "\(keys)")
            #expect(feature.properties["osm_way_id"]?.intValue.map { $0 > 0 } == true)
            #expect(feature.properties["from_node"]?.intValue != nil && feature.properties["to_node"]?.intValue != nil)
            #expect(["yes", "no"].contains(feature.properties["oneway"]?.stringValue ?? ""))
            guard case let .lineString(line)? = feature.geometry else {
                Issue.record("not a LineString")
                continue
            }
            #expect(line.count >= 2)
        }
        let readme = try String(contentsOf: directory.appendingPathComponent("README-streets.md"), encoding: .utf8)
        #expect(readme.contains("© OpenStreetMap contributors, ODbL 1.0; converted by SUMO netconvert"))
        #expect(readme.contains("6 of 9 OSM ways named"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("README.md").path))
    }

    /// Geometry end points are the junctions' positions, so the drawn line meets its from/to nodes.
    @Test func lineEndsSitOnTheirJunctions() throws {
        let url = try TestFiles.fixture("shirley-fixture.net.xml")
        let network = try SUMOReader.read(contentsOf: url)
        let georeference = try SUMOGeoreference(network.location)
        let junctions = network.junctionsByID
        let (streets, _) = try SUMOImport.streets(fromNetworkAt: url)
        for street in streets {
            let from = try georeference.grid(try #require(junctions[street.fromJunction]).position)
            let to = try georeference.grid(try #require(junctions[street.toJunction]).position)
            #expect(street.grid.first!.distanceMetres(to: from) < 0.01)
            #expect(street.grid.last!.distanceMetres(to: to) < 0.01)
        }
    }
}
