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
    /// Iterative, so a million-node chain does not overflow the stack.
    public func stronglyConnectedComponents() -> (component: [Int], count: Int) {
        let n = nodeCount
        var index = [Int32](repeating: -1, count: n)
        var lowLink = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var component = [Int](repeating: -1, count: n)
        var stack: [Int32] = []
        // The explicit call stack: node and the next out-arc slot to look at.
        var frames: [(node: Int32, slot: Int32)] = []
        var nextIndex: Int32 = 0
        var count = 0
        for root in 0..<n where index[root] < 0 {
            index[root] = nextIndex
            lowLink[root] = nextIndex
            nextIndex += 1
            stack.append(Int32(root))
            onStack[root] = true
            frames.append((Int32(root), outStart[root]))
            while let frame = frames.last {
                let v = Int(frame.node)
                let slot = Int(frame.slot)
                if slot < Int(outStart[v + 1]) {
                    frames[frames.count - 1].slot += 1
                    let w = Int(arcHead[Int(outArcs[slot])])
                    if index[w] < 0 {
                        index[w] = nextIndex
                        lowLink[w] = nextIndex
                        nextIndex += 1
                        stack.append(Int32(w))
                        onStack[w] = true
                        frames.append((Int32(w), outStart[w]))
                    } else if onStack[w] {
                        lowLink[v] = min(lowLink[v], index[w])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last {
                    let p = Int(parent.node)
                    lowLink[p] = min(lowLink[p], lowLink[v])
                }
                if lowLink[v] == index[v] {
                    while let w = stack.popLast() {
                        onStack[Int(w)] = false
                        component[Int(w)] = count
                        if Int(w) == v { break }
                    }
                    count += 1
                }
            }
        }
        return (component, count)
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
