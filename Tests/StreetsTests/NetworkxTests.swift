import Foundation
import Testing
@testable import Streets

/// Shortest travel times equal networkx's, computed by `tools/peers/shortest_paths_networkx.py FILE OUT PAIRS SEED`
/// (networkx 3.6.1) on two fixtures:
/// - `southampton-centre.streets.geojson`: a real extract, a copy of geodata/southampton/streets.geojson
///   (OpenStreetMap via SUMO netconvert, made by `patrol import-sumo`), 100 pairs, seed 11;
/// - `newport-sample.streets.geojson`: hand-made (tools/peers/make_streets_fixture.py) with scan-only paths,
///   both kinds of one-way, maxspeeds and an unknown highway class, 60 pairs, seed 7.
@Suite struct NetworkxTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let streets: String
        let reference: String
        let pairs: Int
        let reachableAtLeast: Int
        var testDescription: String { streets }
    }

    @Test(arguments: [
        Case(streets: "southampton-centre.streets.geojson", reference: "southampton-centre.networkx.json", pairs: 100, reachableAtLeast: 90),
        Case(streets: "newport-sample.streets.geojson", reference: "newport-sample.networkx.json", pairs: 60, reachableAtLeast: 50),
    ])
    func travelTimesEqualNetworkx(_ fixture: Case) throws {
        let network = try StreetNetwork.load(contentsOf: TestNetworks.fixtureURL(fixture.streets))
        let reference = try JSONSerialization.jsonObject(
            with: Data(contentsOf: TestNetworks.fixtureURL(fixture.reference))) as! [String: Any]
        let pairs = reference["pairs"] as! [[String: Any]]
        #expect(pairs.count == fixture.pairs)
        let search = PathSearch(network: network)
        var reachable = 0
        for pair in pairs {
            let from = try #require(network.node(osmID: (pair["from"] as! NSNumber).int64Value))
            let to = try #require(network.node(osmID: (pair["to"] as! NSNumber).int64Value))
            let dijkstra = search.cost(from: from, to: to)
            let aStar = search.aStarPath(from: from, to: to)?.cost ?? .infinity
            if let seconds = (pair["seconds"] as? NSNumber)?.doubleValue {
                reachable += 1
                #expect(TestNetworks.relativelyEqual(dijkstra, seconds, tolerance: 1e-6), "\(pair)")
                #expect(TestNetworks.relativelyEqual(aStar, seconds, tolerance: 1e-6), "\(pair)")
            } else {
                #expect(dijkstra == .infinity, "\(pair)")
                #expect(aStar == .infinity, "\(pair)")
            }
        }
        #expect(reachable >= fixture.reachableAtLeast)
    }
}
