import Base

/// What keeping only the largest strongly connected component removed.
public struct ComponentReport: Sendable, Hashable {
    public let keptNodeCount: Int
    public let keptEdgeCount: Int
    public let droppedNodeCount: Int
    public let droppedEdgeCount: Int
    public let droppedLengthMetres: Double
    /// Distinct names of dropped streets, sorted; unnamed segments are counted but not listed.
    public let droppedStreetNames: [String]
    /// Indices, in the original network, of the edges dropped.
    public let droppedEdges: [Int]

    public var droppedKilometres: Double { droppedLengthMetres / 1000 }
}

extension StreetNetwork {
    /// The strongly connected component of each node (ids 0..<count, in the order Tarjan closes them).
    public func stronglyConnectedComponents() -> (component: [Int], count: Int) {
        let components = StrongComponents(successorStart: outStart, successors: outArcs.map { arcHead[Int($0)] })
        return (components.component, components.count)
    }

    /// The network restricted to its largest strongly connected component (ties: the component holding
    /// the lowest node index), with a report of what was dropped. Scan-only paths are all kept: they are
    /// scanned from the nearest drivable point, wherever that is.
    public func largestStronglyConnectedComponent() -> (network: StreetNetwork, report: ComponentReport) {
        let (component, count) = stronglyConnectedComponents()
        var size = [Int](repeating: 0, count: count)
        for c in component { size[c] += 1 }
        var largest = -1
        for node in 0..<nodeCount where largest < 0 || size[component[node]] > size[largest] {
            largest = component[node]
        }
        var builder = NetworkBuilder(capacity: edgeCount)
        var dropped: [Int] = []
        var droppedLength = 0.0
        var droppedNames = Set<String>()
        for (e, edge) in edges.enumerated() {
            if component[edge.fromNode] == largest && component[edge.toNode] == largest {
                builder.addEdge(osmWayID: edge.osmWayID, featureIndex: Int(edge.featureIndexRaw),
                                fromOSM: nodeOSMIDs[edge.fromNode], toOSM: nodeOSMIDs[edge.toNode],
                                name: names[edge.nameID], highway: highways[edge.highwayID], oneway: edge.oneway,
                                lengthMetres: edge.lengthMetres, speedKmPerHour: edge.speedKmPerHour,
                                geometry: geometry(ofEdge: e))
            } else {
                dropped.append(e)
                droppedLength += edge.lengthMetres
                let name = names[edge.nameID]
                if !name.isEmpty { droppedNames.insert(name) }
            }
        }
        let keptScans = scanPaths.map { path in
            ScanPath(osmWayID: path.osmWayID, featureIndex: path.featureIndex, fromOSMNode: path.fromOSMNode,
                     toOSMNode: path.toOSMNode, fromNode: builder.nodeIndex[path.fromOSMNode].map(Int.init),
                     toNode: builder.nodeIndex[path.toOSMNode].map(Int.init), name: path.name,
                     highway: path.highway, lengthMetres: path.lengthMetres, geometry: path.geometry)
        }
        let kept = StreetNetwork(builder: builder, profile: profile, scanPaths: keptScans)
        let report = ComponentReport(keptNodeCount: kept.nodeCount, keptEdgeCount: kept.edgeCount,
                                     droppedNodeCount: nodeCount - kept.nodeCount, droppedEdgeCount: dropped.count,
                                     droppedLengthMetres: droppedLength, droppedStreetNames: droppedNames.sorted(),
                                     droppedEdges: dropped)
        return (kept, report)
    }
}
