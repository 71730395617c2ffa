import Base
import Geo
import Testing
@testable import Streets

@Suite struct SnappingTests {
    @Test(arguments: [UInt64(51), 52, 53])
    func gridSnapEqualsBruteForceOnRandomPoints(seed: UInt64) throws {
        let network = try StreetNetwork(segments: TestNetworks.randomSegments(nodeCount: 150, edgeCount: 300, onewayShare: 0.3, seed: seed))
        let snapper = StreetSnapper(network: network)
        var random = SplitMix64(seed: seed &* 7)
        for _ in 0..<2000 {
            // Inside the network's square and well outside it.
            let point = GridPoint(easting: 449_000 + random.unit() * 3000, northing: 89_000 + random.unit() * 3000)
            let fast = try #require(snapper.snap(point))
            let brute = try #require(snapper.snapByScanningEverySegment(point))
            #expect(fast.distanceMetres == brute.distanceMetres)
            #expect(fast.edge == brute.edge || fast.distanceMetres == brute.distanceMetres)
            // The snapped point is where the offset says along the edge's geometry.
            let geometry = Array(network.geometry(ofEdge: fast.edge))
            #expect(pointAlong(geometry, metres: fast.offsetMetres).distanceMetres(to: fast.point) < 1e-6)
            #expect(abs(fast.point.distanceMetres(to: point) - fast.distanceMetres) < 1e-9)
            #expect((0...1).contains(fast.fraction))
        }
    }

    @Test func snapsOntoTheRightSpotOfAHandMadeStreet() throws {
        let network = try StreetNetwork(segments: [
            StreetSegment(fromNode: 1, toNode: 2, name: "Bent Lane", oneway: .reverse, geometry: [
                GridPoint(easting: 0, northing: 0), GridPoint(easting: 100, northing: 0), GridPoint(easting: 100, northing: 100),
            ]),
            StreetSegment(fromNode: 3, toNode: 4, geometry: [GridPoint(easting: 300, northing: 0), GridPoint(easting: 300, northing: 100)]),
        ])
        let snap = try #require(StreetSnapper(network: network).snap(GridPoint(easting: 130, northing: 40)))
        #expect(snap.edge == 0)
        #expect(snap.point == GridPoint(easting: 100, northing: 40))
        #expect(abs(snap.offsetMetres - 140) < 1e-9)
        #expect(abs(snap.fraction - 0.7) < 1e-12)
        #expect(abs(snap.distanceMetres - 30) < 1e-12)
        // The edge may only be driven backwards, so the snap names the backward arc.
        #expect(snap.arc == network.edges[0].backwardArc)
    }

    func pointAlong(_ geometry: [GridPoint], metres: Double) -> GridPoint {
        var left = metres
        for i in 0..<(geometry.count - 1) {
            let length = geometry[i].distanceMetres(to: geometry[i + 1])
            if left <= length || i == geometry.count - 2 {
                let t = length > 0 ? left / length : 0
                return GridPoint(easting: geometry[i].easting + t * (geometry[i + 1].easting - geometry[i].easting),
                                 northing: geometry[i].northing + t * (geometry[i + 1].northing - geometry[i].northing))
            }
            left -= length
        }
        return geometry[0]
    }
}
