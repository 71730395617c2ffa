import Geo
import Testing
@testable import Streets

@Suite struct ComponentTests {
    /// A two-way block (1-2-3-4), a one-way spur 3→5 with no way back, a detached lane 6-7, and a footpath.
    @Test func largestComponentDropsSpurAndIslandAndReportsThem() throws {
        let points: [Int64: (Double, Double)] = [1: (0, 0), 2: (100, 0), 3: (100, 100), 4: (0, 100), 5: (250, 100),
                                                  6: (500, 500), 7: (500, 620), 8: (-50, -50)]
        let network = try StreetNetwork(segments: [
            TestNetworks.street(1, 2, points, name: "Pyle Street"), TestNetworks.street(2, 3, points, name: "Node Hill"),
            TestNetworks.street(3, 4, points, name: "Pyle Street"), TestNetworks.street(4, 1, points),
            TestNetworks.street(3, 5, points, name: "Lost Lane", oneway: .yes),
            TestNetworks.street(6, 7, points, name: "Island Farm Road"),
            TestNetworks.street(1, 8, points, name: "Church Path", highway: "footway", scanOnly: true),
        ])
        let (kept, report) = network.largestStronglyConnectedComponent()
        #expect(report.keptEdgeCount == 4)
        #expect(report.keptNodeCount == 4)
        #expect(report.droppedEdgeCount == 2)
        #expect(report.droppedNodeCount == 3)
        #expect(abs(report.droppedLengthMetres - 270) < 1e-9)
        #expect(report.droppedStreetNames == ["Island Farm Road", "Lost Lane"])
        #expect(Set(report.droppedEdges.map { network.name(ofEdge: $0) }) == ["Island Farm Road", "Lost Lane"])
        #expect(Set(kept.nodeOSMIDs) == [1, 2, 3, 4])
        #expect(kept.arcCount == 8)
        // The footpath stays, attached to node 1 of the kept network.
        #expect(kept.scanPaths.count == 1)
        #expect(kept.scanPaths[0].fromNode == kept.node(osmID: 1))
        #expect(kept.scanPaths[0].toNode == nil)
    }

    /// Components equal mutual reachability computed by transitive closure.
    @Test(arguments: [UInt64(41), 42, 43, 44])
    func componentsEqualMutualReachability(seed: UInt64) throws {
        let network = try StreetNetwork(segments: TestNetworks.randomSegments(nodeCount: 40, edgeCount: 55, onewayShare: 0.7, seed: seed))
        let n = network.nodeCount
        var reach = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
        for v in 0..<n {
            reach[v][v] = true
            for arc in network.outgoingArcs(of: v) { reach[v][network.head(ofArc: arc)] = true }
        }
        for k in 0..<n { for i in 0..<n where reach[i][k] { for j in 0..<n where reach[k][j] { reach[i][j] = true } } }
        let (component, count) = network.stronglyConnectedComponents()
        #expect(Set(component).count == count)
        for i in 0..<n {
            for j in 0..<n {
                #expect((component[i] == component[j]) == (reach[i][j] && reach[j][i]))
            }
        }
        let (kept, report) = network.largestStronglyConnectedComponent()
        let sizes = Dictionary(grouping: 0..<n, by: { component[$0] }).mapValues(\.count)
        #expect(kept.nodeCount == sizes.values.max())
        #expect(report.keptEdgeCount + report.droppedEdgeCount == network.edgeCount)
        // Every kept node reaches every other kept node.
        let distances = kept.distances(from: 0)
        #expect(distances.allSatisfy { $0.isFinite })
    }

    @Test func iterativeTarjanHandlesALongChain() throws {
        // A one-way chain of 200,000 nodes closed into a ring: recursion this deep would overflow.
        let count = 200_000
        let segments = (0..<count).map { i in
            StreetSegment(fromNode: Int64(i), toNode: Int64((i + 1) % count), oneway: .yes,
                          geometry: [GridPoint(easting: Double(i), northing: 0), GridPoint(easting: Double(i + 1), northing: 1)])
        }
        let network = try StreetNetwork(segments: segments)
        #expect(network.stronglyConnectedComponents().count == 1)
        let open = try StreetNetwork(segments: Array(segments.dropLast()))
        #expect(open.stronglyConnectedComponents().count == count)
    }
}
