import Streets

/// A closed drive over the network from a start node back to it, covering a patch's streets.
public struct SweepTour: Sendable, Hashable {
    public let startNode: Int
    /// Network arc ids in driving order.
    public let arcs: [Int]
    /// True where the arc's traversal is the one that covers a required street (its first pass).
    public let services: [Bool]
    public let lengthMetres: Double
    /// Driving time plus the real time turns take (not the routing penalties that steer away from U-turns).
    public let durationSeconds: Double
    public let turnCounts: [String: Int]
    /// Required edges that could not be covered from the start and back (reported, never silently dropped).
    public let unreachableEdges: [Int]

    public static func empty(at node: Int) -> SweepTour {
        SweepTour(startNode: node, arcs: [], services: [], lengthMetres: 0, durationSeconds: 0, turnCounts: [:], unreachableEdges: [])
    }
}

/// Real seconds a turn takes, apart from the penalties that shape the route.
enum TurnTime {
    static func seconds(_ kind: Streets.TurnKind, penalties: TurnPenalties) -> Double {
        switch kind {
        case .straight: penalties.straightSeconds
        case .left: penalties.leftSeconds
        case .right: penalties.rightSeconds
        case .uTurn: penalties.uTurnSeconds
        }
    }
}
