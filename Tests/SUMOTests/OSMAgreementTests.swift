import Foundation
import Geo
import Testing
@testable import SUMO

/// shirley-fixture.net.xml is netconvert's conversion of shirley-fixture.osm (tools/make-sumo-fixture.sh,
/// with the real file's options). Importing the SUMO file must give the streets the OSM file describes.
@Suite struct OSMAgreementTests {
    func both() throws -> (sumo: [SUMOStreet], osm: [OSMFixtureStreets.Street]) {
        let (streets, _) = try SUMOImport.streets(fromNetworkAt: try TestFiles.fixture("shirley-fixture.net.xml"))
        let osm = try OSMFixtureStreets.read(try TestFiles.fixture("shirley-fixture.osm"))
        return (streets, osm)
    }

    static func key(_ a: Int64, _ b: Int64) -> [Int64] { [min(a, b), max(a, b)] }

    @Test func sameStreetsBetweenTheSameJunctionsWithLengthsWithinOnePercent() throws {
        let (sumo, osm) = try both()
        #expect(sumo.count == osm.count)
        #expect(osm.count == 12)
        let osmByEnds = Dictionary(osm.map { (Self.key($0.nodes.first!, $0.nodes.last!), $0) }, uniquingKeysWith: { a, _ in a })
        #expect(osmByEnds.count == osm.count)
        for street in sumo {
            let match = try #require(osmByEnds[Self.key(street.fromNode, street.toNode)],
                                     "no OSM street joins \(street.fromNode) and \(street.toNode)")
            #expect(abs(street.lengthMetres - match.lengthMetres) <= 0.01 * match.lengthMetres,
                    "\(street.edgeIDs): SUMO \(street.lengthMetres) m, OSM \(match.lengthMetres) m")
            #expect(match.ways.contains(street.osmWayID))
            #expect(street.highway == match.highway)
        }
    }

    @Test func sameOneWayStreetsInTheSameDrivingDirection() throws {
        let (sumo, osm) = try both()
        let sumoOneWay = Set(sumo.filter(\.isOneWay).map { [$0.fromNode, $0.toNode] })
        let osmOneWay = Set(osm.filter(\.oneWay).map { [$0.nodes.first!, $0.nodes.last!] })
        #expect(sumoOneWay == osmOneWay)
        // Mill Lane (oneway=yes), Back Lane (oneway=-1, driven against its drawing) and the roundabout's three pieces.
        #expect(sumoOneWay.count == 5)
        #expect(sumoOneWay.contains([2511000031, 2511000012]))
    }

    @Test func tagged30MphBecomesMaxspeedAndDefaultsStayUntagged() throws {
        let (sumo, _) = try both()
        let station = sumo.filter { $0.osmWayID == 225110006 }
        #expect(station.count == 1)
        #expect(station.first?.maxspeedKilometresPerHour == 48.28)
        #expect(sumo.filter { $0.osmWayID != 225110006 }.allSatisfy { $0.maxspeedKilometresPerHour == nil })
    }

    /// The footway is not in a private-vehicle network, and nothing is scan-only.
    @Test func footwayLeftOutAndNothingScanOnly() throws {
        let (sumo, _) = try both()
        #expect(!sumo.contains { $0.osmWayID == 225110010 })
        let features = SUMOImport.featureCollection(sumo).features
        #expect(features.allSatisfy { $0.properties["scan_only"] == .bool(false) })
    }
}
