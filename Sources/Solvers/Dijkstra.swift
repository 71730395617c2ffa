import HeapModule

/// Shortest paths from one source over a graph given as adjacency lists of (neighbour, cost, element),
/// where `element` is the caller's edge or arc index (kept so paths can be rebuilt as element lists).
struct ShortestPathTree {
    var distance: [Double]
    /// For each node, the element used to reach it and the node it came from (-1 at the source or unreached).
    var viaElement: [Int]
    var viaNode: [Int]

    init(source: Int, adjacency: [[(to: Int, cost: Double, element: Int)]]) {
        let n = adjacency.count
        distance = [Double](repeating: .infinity, count: n)
        viaElement = [Int](repeating: -1, count: n)
        viaNode = [Int](repeating: -1, count: n)
        distance[source] = 0
        var heap = Heap<QueueEntry>()
        heap.insert(QueueEntry(distance: 0, node: source))
        while let top = heap.popMin() {
            if top.distance > distance[top.node] { continue }
            for (to, cost, element) in adjacency[top.node] {
                let d = top.distance + cost
                if d < distance[to] {
                    distance[to] = d
                    viaElement[to] = element
                    viaNode[to] = top.node
                    heap.insert(QueueEntry(distance: d, node: to))
                }
            }
        }
    }

    /// The elements from the source to `target`, in travel order, with the node each one enters.
    func path(to target: Int) -> [(element: Int, from: Int, to: Int)] {
        var steps: [(element: Int, from: Int, to: Int)] = []
        var v = target
        while viaNode[v] >= 0 {
            steps.append((viaElement[v], viaNode[v], v))
            v = viaNode[v]
        }
        return steps.reversed()
    }
}

struct QueueEntry: Comparable {
    var distance: Double
    var node: Int
    static func < (a: QueueEntry, b: QueueEntry) -> Bool {
        a.distance != b.distance ? a.distance < b.distance : a.node < b.node
    }
}
