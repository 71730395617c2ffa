import Geo
import Testing
@testable import Streets

@Suite struct TurnTests {
    /// A crossroads at 0 with arms to the north (1), east (2), south (3) and west (4).
    func crossroads() throws -> StreetNetwork {
        let points: [Int64: (Double, Double)] = [0: (0, 0), 1: (0, 100), 2: (100, 0), 3: (0, -100), 4: (-100, 0)]
        return try StreetNetwork(segments: [1, 2, 3, 4].map { TestNetworks.street(0, $0, points) })
    }

    @Test func ukTurnsAreClassifiedByAngleLeftBeingAnticlockwise() throws {
        let network = try crossroads()
        let northbound = try network.requireArc(3, 0)
        #expect(network.turnKind(from: northbound, to: try network.requireArc(0, 1)) == .straight)
        #expect(network.turnKind(from: northbound, to: try network.requireArc(0, 4)) == .left)
        #expect(network.turnKind(from: northbound, to: try network.requireArc(0, 2)) == .right)
        #expect(network.turnKind(from: northbound, to: try network.requireArc(0, 3)) == .uTurn)
        let penalties = TurnPenalties.ukDefaults
        #expect(network.turnCost(from: northbound, to: try network.requireArc(0, 2)) == penalties.rightSeconds)
        #expect(network.turnCost(from: northbound, to: try network.requireArc(0, 4)) == penalties.leftSeconds)
        // Turning back at a crossroads is not at a dead end: it carries the extra penalty.
        #expect(network.turnCost(from: northbound, to: try network.requireArc(0, 3))
            == penalties.uTurnSeconds + penalties.uTurnNotAtDeadEndSeconds)
        // At the end of an arm (a dead end) the U-turn costs the plain penalty.
        let toNorthEnd = try network.requireArc(0, 1)
        #expect(network.turnCost(from: toNorthEnd, to: try network.requireArc(1, 0)) == penalties.uTurnSeconds)
    }

    /// A block 1-2-3-4 with a stub 0-1 leading in: driving east along 1→2, the way back out to 0 goes
    /// round the block, never a U-turn.
    @Test func noUTurnWhereTheBlockCanBeDrivenRound() throws {
        let points: [Int64: (Double, Double)] = [0: (-100, 0), 1: (0, 0), 2: (100, 0), 3: (100, 100), 4: (0, 100)]
        let network = try StreetNetwork(segments: [
            TestNetworks.street(0, 1, points), TestNetworks.street(1, 2, points), TestNetworks.street(2, 3, points),
            TestNetworks.street(3, 4, points), TestNetworks.street(4, 1, points),
        ])
        let search = TurnAwareSearch(network: network)
        let route = try #require(search.path(afterArc: try network.requireArc(1, 2), toArc: try network.requireArc(1, 0)))
        #expect(!route.turns.contains(.uTurn))
        #expect(route.arcs == [network.arc(2, 3), network.arc(3, 4), network.arc(4, 1)].compactMap { $0 })
        // Three left turns round the block, then straight on out of it towards 0? 4→1 heads south, 1→0 west: right.
        #expect(route.turns == [.left, .left, .left, .right])
        let expected = 3 * 100 / (25 / 3.6) + 3 * TurnPenalties.ukDefaults.leftSeconds + TurnPenalties.ukDefaults.rightSeconds
        #expect(abs(route.cost - expected) < 1e-9)
    }

    /// A cul-de-sac 1-0 off a through road: having driven into it, the only way out is a U-turn at its end.
    @Test func uTurnTakenAtADeadEnd() throws {
        let points: [Int64: (Double, Double)] = [0: (0, 100), 1: (0, 0), 2: (-100, 0), 3: (100, 0)]
        let network = try StreetNetwork(segments: [
            TestNetworks.street(1, 0, points, name: "Close"), TestNetworks.street(2, 1, points), TestNetworks.street(1, 3, points),
        ])
        let search = TurnAwareSearch(network: network)
        let into = try network.requireArc(1, 0)
        let route = try #require(search.path(afterArc: into, toArc: try network.requireArc(1, 3)))
        #expect(route.arcs == [network.arc(0, 1)!])
        #expect(route.turns == [.uTurn, .left])
        let expected = TurnPenalties.ukDefaults.uTurnSeconds + 100 / (25 / 3.6) + TurnPenalties.ukDefaults.leftSeconds
        #expect(abs(route.cost - expected) < 1e-9)
    }

    /// Node 1 has a two-way street to 0 and a one-way street arriving from 2 only: after driving 0→1 the
    /// only way back is a U-turn at 1, which is not a dead end, so it costs the big penalty but is taken.
    @Test func uTurnAwayFromADeadEndOnlyWhenNoOtherWayExists() throws {
        let points: [Int64: (Double, Double)] = [0: (0, 0), 1: (100, 0), 2: (200, 0)]
        let network = try StreetNetwork(segments: [
            TestNetworks.street(0, 1, points), TestNetworks.street(2, 1, points, oneway: .yes),
        ])
        #expect(!network.isDeadEnd(network.node(osmID: 1)!))
        let search = TurnAwareSearch(network: network)
        let route = try #require(search.path(afterArc: try network.requireArc(0, 1), toArc: try network.requireArc(1, 0)))
        #expect(route.arcs.isEmpty)
        #expect(route.turns == [.uTurn])
        #expect(route.cost == TurnPenalties.ukDefaults.uTurnSeconds + TurnPenalties.ukDefaults.uTurnNotAtDeadEndSeconds)
    }

    /// Turn-aware costs equal Floyd–Warshall on the line graph (states = arcs, steps = turn + next arc).
    @Test(arguments: [UInt64(31), 32, 33])
    func turnAwareSearchEqualsFloydWarshallOnArcs(seed: UInt64) throws {
        let segments = TestNetworks.randomSegments(nodeCount: 14, edgeCount: 28, onewayShare: 0.3, seed: seed)
        let network = try StreetNetwork(segments: segments)
        let m = network.arcCount
        var d = [[Double]](repeating: [Double](repeating: .infinity, count: m), count: m)
        for a in 0..<m {
            for b in network.outgoingArcs(of: network.head(ofArc: a)) {
                d[a][b] = min(d[a][b], network.turnCost(from: a, to: b) + network.durationSeconds(ofArc: b))
            }
        }
        for k in 0..<m {
            for i in 0..<m where d[i][k] < .infinity {
                for j in 0..<m where d[i][k] + d[k][j] < d[i][j] { d[i][j] = d[i][k] + d[k][j] }
            }
        }
        let search = TurnAwareSearch(network: network)
        for a in 0..<m {
            let targets = Array(0..<m)
            let costs = search.costs(afterArc: a, toArcs: targets)
            for b in 0..<m {
                // Reaching and turning into b = (cost of having driven b) − b's own time.
                let expected = d[a][b] - network.durationSeconds(ofArc: b)
                #expect(TestNetworks.relativelyEqual(costs[b], expected, tolerance: 1e-9), "\(a)→\(b)")
            }
            let b = (a * 7 + 3) % m
            if let route = search.path(afterArc: a, toArc: b) {
                #expect(TestNetworks.relativelyEqual(route.cost, d[a][b] - network.durationSeconds(ofArc: b)))
                #expect(TestNetworks.relativelyEqual(route.durationSeconds + route.turnSeconds, route.cost))
            } else {
                #expect(d[a][b] == .infinity)
            }
        }
    }
}
