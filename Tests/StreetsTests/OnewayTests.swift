import Base
import Geo
import Testing
@testable import Streets

@Suite struct OnewayTests {
    /// Checks every arc of a route against the segment it came from, by OSM node ids.
    func drivesOnlyAllowedDirections(_ route: Route, _ network: StreetNetwork, _ segments: [StreetSegment]) -> Bool {
        route.arcs.allSatisfy { arc in
            let segment = segments[Int(network.edges[network.edge(ofArc: arc)].osmWayID) - 1]
            let tailID = network.nodeOSMIDs[network.tail(ofArc: arc)]
            let headID = network.nodeOSMIDs[network.head(ofArc: arc)]
            switch segment.oneway {
            case .yes: return tailID == segment.fromNode && headID == segment.toNode
            case .reverse: return tailID == segment.toNode && headID == segment.fromNode
            case .no: return Set([tailID, headID]) == Set([segment.fromNode, segment.toNode])
            }
        }
    }

    @Test func noPathEverDrivesAOnewayBackwards() throws {
        let segments = TestNetworks.randomSegments(nodeCount: 200, edgeCount: 500, onewayShare: 0.6, seed: 99)
        let network = try StreetNetwork(segments: segments)
        let search = PathSearch(network: network)
        let turns = TurnAwareSearch(network: network)
        var random = SplitMix64(seed: 5)
        var found = 0
        for _ in 0..<300 {
            let s = Int(random.next() % UInt64(network.nodeCount)), t = Int(random.next() % UInt64(network.nodeCount))
            for route in [search.path(from: s, to: t), search.aStarPath(from: s, to: t), turns.path(from: s, to: t)] {
                guard let route else { continue }
                found += 1
                #expect(drivesOnlyAllowedDirections(route, network, segments))
            }
        }
        #expect(found > 300)
    }

    @Test func arcsFollowTheOnewayTag() throws {
        let points: [Int64: (Double, Double)] = [1: (0, 0), 2: (100, 0)]
        for (oneway, forward, backward) in [(Oneway.no, true, true), (.yes, true, false), (.reverse, false, true)] {
            let network = try StreetNetwork(segments: [TestNetworks.street(1, 2, points, oneway: oneway)])
            #expect((network.arc(1, 2) != nil) == forward)
            #expect((network.arc(2, 1) != nil) == backward)
            #expect(network.arcCount == (forward ? 1 : 0) + (backward ? 1 : 0))
            if backward, let arc = network.arc(2, 1) {
                // The backward arc's geometry runs against the drawing direction.
                #expect(network.geometry(ofArc: arc).first == GridPoint(easting: 100, northing: 0))
            }
        }
    }
}
