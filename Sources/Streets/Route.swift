import Geo

/// What a search minimises.
public enum Metric: Sendable, Hashable {
    case durationSeconds
    case lengthMetres
}

/// A path through the network: arcs in driving order, with its geometry and the streets it uses.
public struct Route: Sendable, Hashable {
    /// Node where the path starts and node where it ends.
    public let source: Int
    public let target: Int
    /// Arc ids in driving order (empty when source == target).
    public let arcs: [Int]
    /// The value the search minimised: seconds (travel plus turns) or metres.
    public let cost: Double
    public let lengthMetres: Double
    /// Travel time on the arcs, without turn penalties.
    public let durationSeconds: Double
    /// Turn penalties on the way (turn-aware searches only; 0 otherwise).
    public let turnSeconds: Double
    /// The kind of each turn taken, in order (turn-aware searches only).
    public let turns: [TurnKind]
    /// BNG polyline of the whole path; shared joints appear once.
    public let geometry: [GridPoint]
    /// Street names in driving order, consecutive repeats merged and unnamed segments left out.
    public let streetNames: [String]
}

extension StreetNetwork {
    /// Builds a `Route` for a sequence of arcs.
    public func route(arcs: [Int], source: Int, target: Int, cost: Double? = nil, turns: [TurnKind] = [],
                      turnSeconds: Double = 0) -> Route {
        var length = 0.0
        var duration = 0.0
        var geometry: [GridPoint] = []
        var streetNames: [String] = []
        for arc in arcs {
            length += arcLength[arc]
            duration += arcTime[arc]
            let points = self.geometry(ofArc: arc)
            if let last = geometry.last, last == points.first {
                geometry.append(contentsOf: points.dropFirst())
            } else {
                geometry.append(contentsOf: points)
            }
            let name = names[Int(edges[Int(arcEdge[arc])].nameIDRaw)]
            if !name.isEmpty, streetNames.last != name { streetNames.append(name) }
        }
        if geometry.isEmpty { geometry = [nodePoints[source]] }
        return Route(source: source, target: target, arcs: arcs, cost: cost ?? duration + turnSeconds,
                     lengthMetres: length, durationSeconds: duration, turnSeconds: turnSeconds, turns: turns,
                     geometry: geometry, streetNames: streetNames)
    }
}
