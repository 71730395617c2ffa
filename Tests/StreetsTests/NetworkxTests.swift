import Foundation
import Testing
@testable import Streets

/// Shortest travel times on the fixture network equal networkx's, computed by
/// `tools/peers/shortest_paths_networkx.py Tests/StreetsTests/Fixtures/newport-sample.streets.geojson
///  Tests/StreetsTests/Fixtures/newport-sample.networkx.json 60 7` (networkx 3.6.1).
@Suite struct NetworkxTests {
    @Test func travelTimesEqualNetworkxOnTheFixture() throws {
        let network = try StreetNetwork.load(contentsOf: TestNetworks.fixtureURL("newport-sample.streets.geojson"))
        let reference = try JSONSerialization.jsonObject(
            with: Data(contentsOf: TestNetworks.fixtureURL("newport-sample.networkx.json"))) as! [String: Any]
        let pairs = reference["pairs"] as! [[String: Any]]
        #expect(pairs.count == 60)
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
        #expect(reachable >= 50)
    }
}
