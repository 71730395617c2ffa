import Foundation
import Geo

/// The kind of a turn from one arc into the next at their shared node.
public enum TurnKind: String, Sendable, Hashable, CaseIterable {
    case straight
    case left
    case right
    case uTurn = "u-turn"
}

/// Seconds added for each kind of turn. UK traffic drives on the left, so a right turn crosses the
/// oncoming lane and costs more than a left. A U-turn is expected only at a dead end; anywhere else it
/// costs `uTurnSeconds + uTurnNotAtDeadEndSeconds`, so a search takes one only when nothing else is possible.
public struct TurnPenalties: Sendable, Hashable {
    public var straightSeconds: Double
    public var leftSeconds: Double
    public var rightSeconds: Double
    public var uTurnSeconds: Double
    public var uTurnNotAtDeadEndSeconds: Double
    /// Turns within this many degrees of straight ahead count as straight.
    public var straightWithinDegrees: Double
    /// Turns sharper than this many degrees count as U-turns.
    public var uTurnBeyondDegrees: Double

    public init(straightSeconds: Double = 0, leftSeconds: Double = 2, rightSeconds: Double = 6,
                uTurnSeconds: Double = 30, uTurnNotAtDeadEndSeconds: Double = 600,
                straightWithinDegrees: Double = 30, uTurnBeyondDegrees: Double = 165) {
        self.straightSeconds = straightSeconds
        self.leftSeconds = leftSeconds
        self.rightSeconds = rightSeconds
        self.uTurnSeconds = uTurnSeconds
        self.uTurnNotAtDeadEndSeconds = uTurnNotAtDeadEndSeconds
        self.straightWithinDegrees = straightWithinDegrees
        self.uTurnBeyondDegrees = uTurnBeyondDegrees
    }

    public static let ukDefaults = TurnPenalties()
}

extension StreetNetwork {
    /// Direction of travel at the start (`atEnd == false`) or end of an arc, from its first or last
    /// segment of non-zero length; nil for an arc whose points all coincide.
    func heading(ofArc id: Int, atEnd: Bool) -> (dx: Double, dy: Double)? {
        let edge = Int(arcEdge[id])
        let forward = edges[edge].forwardArcRaw == Int32(id)
        let lower = Int(geometryStart[edge])
        let upper = Int(geometryStart[edge + 1]) - 1
        // Along the drawing direction, the arc's end is the geometry's end iff the arc is forward.
        let fromGeometryEnd = atEnd == forward
        if fromGeometryEnd {
            let last = geometryPoints[upper]
            var i = upper - 1
            while i >= lower {
                let p = geometryPoints[i]
                if p != last {
                    return forward ? (last.easting - p.easting, last.northing - p.northing)
                                   : (p.easting - last.easting, p.northing - last.northing)
                }
                i -= 1
            }
        } else {
            let first = geometryPoints[lower]
            var i = lower + 1
            while i <= upper {
                let p = geometryPoints[i]
                if p != first {
                    return forward ? (p.easting - first.easting, p.northing - first.northing)
                                   : (first.easting - p.easting, first.northing - p.northing)
                }
                i += 1
            }
        }
        return nil
    }

    /// Signed turn angle in degrees from `from` into `to`: positive turns left (anticlockwise), in (-180, 180].
    public func turnAngleDegrees(from: Int, to: Int) -> Double {
        TurnRule.angleDegrees(heading(ofArc: from, atEnd: true), heading(ofArc: to, atEnd: false))
    }

    /// How driving `from` and then `to` turns at their shared node. Driving back along the same edge is
    /// always a U-turn; otherwise the angle between the last segment of `from` and the first of `to` decides.
    public func turnKind(from: Int, to: Int, penalties: TurnPenalties = .ukDefaults) -> TurnKind {
        TurnRule.kind(angleDegrees: turnAngleDegrees(from: from, to: to), reversal: arcEdge[from] == arcEdge[to] && from != to,
                      penalties: penalties)
    }

    /// Seconds the turn from `from` into `to` costs. Turning back along the same edge away from a dead end
    /// carries the extra penalty; a hairpin into another street costs a plain U-turn.
    public func turnCost(from: Int, to: Int, penalties: TurnPenalties = .ukDefaults) -> Double {
        let reversal = arcEdge[from] == arcEdge[to] && from != to
        return TurnRule.cost(turnKind(from: from, to: to, penalties: penalties), reversal: reversal,
                             atDeadEnd: isDeadEnd(Int(arcHead[from])), penalties: penalties)
    }
}

/// The turn rules in one place, so cached and uncached callers agree to the last bit.
enum TurnRule {
    static func angleDegrees(_ a: (dx: Double, dy: Double)?, _ b: (dx: Double, dy: Double)?) -> Double {
        guard let a, let b else { return 0 }
        let cross = a.dx * b.dy - a.dy * b.dx
        let dot = a.dx * b.dx + a.dy * b.dy
        return atan2(cross, dot) * 180 / .pi
    }

    static func kind(angleDegrees angle: Double, reversal: Bool, penalties: TurnPenalties) -> TurnKind {
        if reversal { return .uTurn }
        if abs(angle) >= penalties.uTurnBeyondDegrees { return .uTurn }
        if abs(angle) <= penalties.straightWithinDegrees { return .straight }
        return angle > 0 ? .left : .right
    }

    static func cost(_ kind: TurnKind, reversal: Bool, atDeadEnd: Bool, penalties: TurnPenalties) -> Double {
        switch kind {
        case .straight: return penalties.straightSeconds
        case .left: return penalties.leftSeconds
        case .right: return penalties.rightSeconds
        case .uTurn:
            return reversal && !atDeadEnd ? penalties.uTurnSeconds + penalties.uTurnNotAtDeadEndSeconds
                                          : penalties.uTurnSeconds
        }
    }
}
