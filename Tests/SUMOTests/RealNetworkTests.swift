import Foundation
import Geo
import Testing
@testable import SUMO

/// The real network of central Southampton (geodata/sources), checked against independent counts.
@Suite struct RealNetworkTests {
    /// From `python3 tools/sumo_counts.py geodata/sources/southampton-centre_2018-08_sumo.net.xml`
    /// (Python's xml.etree, pairing each edge u→v with one edge v→u):
    /// edges 1113, junctions 508, edges_with_reverse_by_junctions 990, two_way_pairs 495,
    /// one_way_streets 123, features 618, osm_ways 332.
    static let counted = (edges: 1113, junctions: 508, withReverse: 990, twoWay: 495, oneWay: 123, osmWays: 332)

    @Test func wholeRealNetworkImportsWithCountsMatchingAnIndependentScan() throws {
        let url = try TestFiles.source(TestFiles.realNetwork)
        let network = try SUMOReader.read(contentsOf: url)
        #expect(network.edges.count == Self.counted.edges)
        #expect(network.junctions.count == Self.counted.junctions)
        #expect(network.edges.allSatisfy { !$0.id.hasPrefix(":") })
        #expect(Set(network.edges.compactMap { SUMOEdgeID($0.id)?.osmWayID }).count == Self.counted.osmWays)

        let directed = Set(network.edges.map { "\($0.from)>\($0.to)" })
        #expect(network.edges.filter { directed.contains("\($0.to)>\($0.from)") }.count == Self.counted.withReverse)

        let (streets, report) = try SUMOImport.streets(fromNetworkAt: url)
        #expect(report.oneWayStreets == Self.counted.oneWay)
        #expect(report.twoWayStreets == Self.counted.twoWay)
        #expect(streets.count == Self.counted.oneWay + Self.counted.twoWay)
        // Every directed edge is stood for exactly once.
        #expect(streets.flatMap(\.edgeIDs).sorted() == network.edges.map(\.id).sorted())
        #expect(report.nonIntegerJunctionIDs.isEmpty)
        #expect(report.gridOperation?.contains("OSGB36 to WGS 84 (6)") == true)
    }

    /// A two-way street's reverse edge joins the same junctions the other way; a one-way street is drawn as driven.
    @Test func streetsJoinTheirEdgesJunctionsInDrivingDirection() throws {
        let url = try TestFiles.source(TestFiles.realNetwork)
        let network = try SUMOReader.read(contentsOf: url)
        let edges = Dictionary(network.edges.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let (streets, _) = try SUMOImport.streets(fromNetworkAt: url)
        for street in streets {
            let drawn = try #require(edges[street.edgeIDs[0]])
            #expect(drawn.from == street.fromJunction && drawn.to == street.toJunction)
            #expect(street.isOneWay == (street.edgeIDs.count == 1))
            if street.edgeIDs.count == 2 {
                let back = try #require(edges[street.edgeIDs[1]])
                #expect(back.from == drawn.to && back.to == drawn.from)
            }
            #expect(street.lengthMetres > 0)
            #expect(street.osmWayID > 0)
        }
    }

    /// From `python3 tools/sumo_junction_coords.py geodata/sources/southampton-centre_2018-08_sumo.net.xml`
    /// (pyproj 3.7.2, PROJ 9.5.1; BNG operation: Inverse of UTM zone 30N + axis order change (2D) +
    /// Inverse of OSGB36 to WGS 84 (6) + British National Grid).
    static let pyprojJunctions: [(id: String, lon: Double, lat: Double, easting: Double, northing: Double)] = [
        ("1015739562", -1.4022471, 50.9159146, 442117.316, 113109.063),
        ("1667585558", -1.4136165, 50.9151964, 441318.706, 113022.788),
        ("20957212", -1.4263269, 50.9168097, 440423.791, 113195.167),
        ("2331292036", -1.4107017, 50.9153113, 441523.509, 113037.192),
        ("29000963", -1.4083932, 50.9191635, 441682.361, 113466.874),
        ("3723904115", -1.4192698, 50.9102998, 440925.567, 112475.123),
        ("940492404", -1.4105756, 50.9101320, 441536.973, 112461.306),
        ("1072423928", -1.4352983, 50.9123746, 439796.906, 112697.108),
        ("1665479509", -1.3976281, 50.9168178, 442441.199, 113212.131),
    ]

    @Test(arguments: pyprojJunctions.map(\.id))
    func junctionPositionAgreesWithPyprojWithinHalfAMetre(id: String) throws {
        let expected = try #require(Self.pyprojJunctions.first { $0.id == id })
        let url = try TestFiles.source(TestFiles.realNetwork)
        let network = try SUMOReader.read(contentsOf: url)
        let junction = try #require(network.junctionsByID[id])
        let georeference = try SUMOGeoreference(network.location)
        let grid = try georeference.grid(junction.position)
        #expect(grid.distanceMetres(to: GridPoint(easting: expected.easting, northing: expected.northing)) < 0.5)
        let lonLat = try georeference.lonLat(junction.position)
        let metresEast = (lonLat.lon - expected.lon) * 111_320 * cos(expected.lat * .pi / 180)
        let metresNorth = (lonLat.lat - expected.lat) * 111_200
        #expect((metresEast * metresEast + metresNorth * metresNorth).squareRoot() < 0.5)
    }

    /// Transformations built once and shared by two georeferences (what the fuzz harness does) place every
    /// junction where pyproj does, and each georeference keeps its own netOffset.
    @Test func sharedProjectionsPlaceJunctionsAsPyprojDoes() throws {
        let network = try SUMOReader.read(contentsOf: try TestFiles.source(TestFiles.realNetwork))
        let projections = try SUMOProjections(projParameter: network.location.projParameter)
        var shifted = network.location
        shifted.netOffset = NetPoint(x: shifted.netOffset.x + 100, y: shifted.netOffset.y - 50)
        let original = SUMOGeoreference(network.location, projections: projections)
        let moved = SUMOGeoreference(shifted, projections: projections)
        for expected in Self.pyprojJunctions {
            let position = try #require(network.junctionsByID[expected.id]).position
            let grid = try original.grid(position)
            #expect(grid.distanceMetres(to: GridPoint(easting: expected.easting, northing: expected.northing)) < 0.5, "\(expected.id)")
            let same = try moved.grid(NetPoint(x: position.x + 100, y: position.y - 50))
            #expect(same.distanceMetres(to: grid) < 1e-6, "\(expected.id)")
        }
        #expect(throws: SUMOError.invalidNetwork(file: "x.net.xml", message: "projParameter is \"!\": the network has no projection, so it cannot be placed on a map")) {
            try SUMOProjections(projParameter: " ! ", fileName: "x.net.xml")
        }
    }

    /// The network's east edge reaches the origBoundary's east edge; a wrong netOffset sign would put it ~1,200 km away.
    @Test func netOffsetSignPutsTheNetworkInsideItsOrigBoundary() throws {
        let network = try SUMOReader.read(contentsOf: try TestFiles.source(TestFiles.realNetwork))
        let georeference = try SUMOGeoreference(network.location)
        let box = network.location.origBoundary
        let positions = try network.junctions.map { try georeference.lonLat($0.position) }
        #expect(positions.allSatisfy { $0.lon >= box[0] - 1e-5 && $0.lon <= box[2] + 1e-5 && $0.lat >= box[1] - 1e-5 && $0.lat <= box[3] + 1e-5 })
        let east = try #require(positions.map(\.lon).max())
        #expect(abs(east - box[2]) < 1e-5)
    }
}
