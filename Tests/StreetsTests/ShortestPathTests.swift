import Geo
import Testing
@testable import Streets

@Suite struct ShortestPathTests {
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func dijkstraAndAStarEqualFloydWarshallOnRandomOnewayGraphs(seed: UInt64) throws {
        let segments = TestNetworks.randomSegments(nodeCount: 30, edgeCount: 70, onewayShare: 0.4, seed: seed)
        let network = try StreetNetwork(segments: segments)
        let ids = network.nodeOSMIDs
        let reference = TestNetworks.floydWarshall(segments, ids: ids)
        let search = PathSearch(network: network)
        for s in 0..<network.nodeCount {
            let all = search.distances(from: s)
            for t in 0..<network.nodeCount {
                let expected = reference[s][t]
                #expect(TestNetworks.relativelyEqual(all[t], expected), "distances \(s)→\(t)")
                let path = search.path(from: s, to: t)
                let star = search.aStarPath(from: s, to: t)
                if expected == .infinity {
                    #expect(path == nil && star == nil)
                    continue
                }
                let dijkstra = try #require(path)
                let aStar = try #require(star)
                #expect(TestNetworks.relativelyEqual(dijkstra.cost, expected))
                #expect(TestNetworks.relativelyEqual(aStar.cost, expected))
                // The arcs really join up from s to t, and their times add up to the cost.
                var at = s
                for arc in aStar.arcs {
                    #expect(network.tail(ofArc: arc) == at)
                    at = network.head(ofArc: arc)
                }
                #expect(at == t)
                #expect(TestNetworks.relativelyEqual(aStar.durationSeconds, expected))
            }
        }
    }

    @Test func lengthMetricEqualsFloydWarshallOnLengths() throws {
        let segments = TestNetworks.randomSegments(nodeCount: 25, edgeCount: 60, onewayShare: 0.3, seed: 11)
        let network = try StreetNetwork(segments: segments)
        let reference = TestNetworks.floydWarshall(segments, ids: network.nodeOSMIDs, length: true)
        let search = PathSearch(network: network, metric: .lengthMetres)
        for s in 0..<network.nodeCount {
            for t in 0..<network.nodeCount {
                #expect(TestNetworks.relativelyEqual(search.cost(from: s, to: t), reference[s][t]))
                if let route = search.aStarPath(from: s, to: t) {
                    #expect(TestNetworks.relativelyEqual(route.lengthMetres, reference[s][t]))
                }
            }
        }
    }

    @Test func oneToManyAndMatrixEqualFloydWarshall() throws {
        let segments = TestNetworks.randomSegments(nodeCount: 40, edgeCount: 90, onewayShare: 0.5, seed: 21)
        let network = try StreetNetwork(segments: segments)
        let reference = TestNetworks.floydWarshall(segments, ids: network.nodeOSMIDs)
        let chosen = [3, 17, 0, 25, 39, 8]
        let matrix = network.distanceMatrix(nodes: chosen)
        let search = PathSearch(network: network)
        for (i, s) in chosen.enumerated() {
            let routes = search.paths(from: s, to: chosen)
            for (j, t) in chosen.enumerated() {
                #expect(TestNetworks.relativelyEqual(matrix[i][j], reference[s][t]))
                #expect(TestNetworks.relativelyEqual(routes[j]?.cost ?? .infinity, reference[s][t]))
            }
        }
    }

    @Test func routeCarriesGeometryAndMergedStreetNames() throws {
        let points: [Int64: (Double, Double)] = [1: (0, 0), 2: (100, 0), 3: (200, 0), 4: (200, 100), 5: (300, 100)]
        let network = try StreetNetwork(segments: [
            TestNetworks.street(1, 2, points, name: "Pyle Street"),
            TestNetworks.street(2, 3, points, name: "Pyle Street"),
            TestNetworks.street(3, 4, points, name: ""),
            TestNetworks.street(4, 5, points, name: "Quay Street"),
        ])
        let route = try #require(network.shortestPath(from: network.node(osmID: 1)!, to: network.node(osmID: 5)!))
        #expect(route.streetNames == ["Pyle Street", "Quay Street"])
        #expect(route.geometry == [(0.0, 0.0), (100, 0), (200, 0), (200, 100), (300, 100)].map {
            GridPoint(easting: $0.0, northing: $0.1)
        })
        #expect(abs(route.lengthMetres - 400) < 1e-9)
        #expect(abs(route.durationSeconds - 400 / (25 / 3.6)) < 1e-9)
    }
}
