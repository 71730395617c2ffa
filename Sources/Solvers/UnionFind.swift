/// Disjoint sets with path halving and union by size.
struct UnionFind {
    private var parent: [Int]
    private var size: [Int]
    private(set) var setCount: Int

    init(count: Int) {
        parent = Array(0..<count)
        size = [Int](repeating: 1, count: count)
        setCount = count
    }

    mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    @discardableResult
    mutating func union(_ a: Int, _ b: Int) -> Bool {
        var ra = find(a), rb = find(b)
        if ra == rb { return false }
        if size[ra] < size[rb] { swap(&ra, &rb) }
        parent[rb] = ra
        size[ra] += size[rb]
        setCount -= 1
        return true
    }

    mutating func reset() {
        for i in parent.indices {
            parent[i] = i
            size[i] = 1
        }
        setCount = parent.count
    }
}
