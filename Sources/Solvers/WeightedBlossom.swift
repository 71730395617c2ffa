/// Maximum-weight matching on a general graph: Edmonds' blossom algorithm with dual variables,
/// O(n³) with slack bookkeeping. Weights are integers so the dual updates (which halve) stay exact;
/// all labels are kept doubled. Vertices are 1...n inside; blossoms take indices n+1...2n.
/// A weight of 0 means "no edge".
struct WeightedBlossom {
    private let n: Int
    private let size: Int
    private var blossomCount: Int
    // Edge table over vertices and blossoms: for a blossom, the stored edge is the best real edge.
    private var edgeU: [Int]
    private var edgeV: [Int]
    private var edgeW: [Int]
    private var label: [Int]
    private var mate: [Int]
    private var slack: [Int]
    private var top: [Int]
    private var parent: [Int]
    private var flowerFrom: [Int]
    private var side: [Int]
    private var visitStamp: [Int]
    private var stamp = 0
    private var flower: [[Int]]
    private var queue: [Int] = []
    private var queueHead = 0

    /// `weights` is a flat 0-based n×n symmetric matrix; ≤ 0 means no edge.
    init(vertexCount: Int, weightMatrix: [Int]) {
        self.init(vertexCount: vertexCount, weights: [])
        for a in 0..<n {
            for b in 0..<n where a != b && weightMatrix[a * n + b] > 0 {
                edgeW[(a + 1) * size + b + 1] = weightMatrix[a * n + b]
            }
        }
    }

    /// Weighted pairs (0-based); ≤ 0 means no edge; parallel pairs keep the heaviest.
    init(vertexCount: Int, weights: [(Int, Int, Int)]) {
        n = vertexCount
        size = 2 * n + 1
        blossomCount = n
        edgeU = [Int](repeating: 0, count: size * size)
        edgeV = [Int](repeating: 0, count: size * size)
        edgeW = [Int](repeating: 0, count: size * size)
        for u in 1...max(n, 1) where u <= n {
            for v in 1...n {
                edgeU[u * size + v] = u
                edgeV[u * size + v] = v
            }
        }
        for (a, b, w) in weights where a != b && w > 0 {
            let u = a + 1, v = b + 1
            if w > edgeW[u * size + v] {
                edgeW[u * size + v] = w
                edgeW[v * size + u] = w
            }
        }
        label = [Int](repeating: 0, count: size)
        mate = [Int](repeating: 0, count: size)
        slack = [Int](repeating: 0, count: size)
        top = Array(0..<size)
        parent = [Int](repeating: 0, count: size)
        flowerFrom = [Int](repeating: 0, count: size * (n + 1))
        side = [Int](repeating: -1, count: size)
        visitStamp = [Int](repeating: 0, count: size)
        flower = [[Int]](repeating: [], count: size)
    }

    @inline(__always) private func delta(_ e: Int) -> Int {
        label[edgeU[e]] + label[edgeV[e]] - edgeW[e] * 2
    }

    @inline(__always) private func at(_ u: Int, _ v: Int) -> Int { u * size + v }

    private mutating func updateSlack(_ u: Int, _ x: Int) {
        if slack[x] == 0 || delta(at(u, x)) < delta(at(slack[x], x)) { slack[x] = u }
    }

    private mutating func setSlack(_ x: Int) {
        slack[x] = 0
        for u in 1...n where edgeW[at(u, x)] > 0 && top[u] != x && side[top[u]] == 0 {
            updateSlack(u, x)
        }
    }

    private mutating func push(_ x: Int) {
        if x <= n {
            queue.append(x)
        } else {
            for child in flower[x] { push(child) }
        }
    }

    private mutating func setTop(_ x: Int, _ b: Int) {
        top[x] = b
        if x > n {
            for child in flower[x] { setTop(child, b) }
        }
    }

    /// Position of `xr` in blossom `b`, reorienting the cycle so that the position is even.
    private mutating func evenPosition(_ b: Int, _ xr: Int) -> Int {
        let pr = flower[b].firstIndex(of: xr)!
        if pr % 2 == 1 {
            flower[b][1...].reverse()
            return flower[b].count - pr
        }
        return pr
    }

    private mutating func setMatch(_ u: Int, _ v: Int) {
        mate[u] = edgeV[at(u, v)]
        if u > n {
            let e = at(u, v)
            let xr = flowerFrom[u * (n + 1) + edgeU[e]]
            let pr = evenPosition(u, xr)
            for i in 0..<pr { setMatch(flower[u][i], flower[u][i ^ 1]) }
            setMatch(xr, v)
            flower[u] = Array(flower[u][pr...] + flower[u][..<pr])
        }
    }

    private mutating func augment(_ start: Int, _ to: Int) {
        var u = start, v = to
        while true {
            let xnv = top[mate[u]]
            setMatch(u, v)
            if xnv == 0 { return }
            setMatch(xnv, top[parent[xnv]])
            u = top[parent[xnv]]
            v = xnv
        }
    }

    private mutating func lowestCommonAncestor(_ a: Int, _ b: Int) -> Int {
        stamp += 1
        var u = a, v = b
        while u != 0 || v != 0 {
            if u != 0 {
                if visitStamp[u] == stamp { return u }
                visitStamp[u] = stamp
                u = top[mate[u]]
                if u != 0 { u = top[parent[u]] }
            }
            swap(&u, &v)
        }
        return 0
    }

    private mutating func addBlossom(_ u: Int, _ lca: Int, _ v: Int) {
        var b = n + 1
        while b <= blossomCount && top[b] != 0 { b += 1 }
        if b > blossomCount { blossomCount += 1 }
        label[b] = 0
        side[b] = 0
        mate[b] = mate[lca]
        var cycle = [lca]
        var x = u
        while x != lca {
            cycle.append(x)
            let y = top[mate[x]]
            cycle.append(y)
            push(y)
            x = top[parent[y]]
        }
        cycle[1...].reverse()
        x = v
        while x != lca {
            cycle.append(x)
            let y = top[mate[x]]
            cycle.append(y)
            push(y)
            x = top[parent[y]]
        }
        flower[b] = cycle
        setTop(b, b)
        for x in 1...blossomCount {
            edgeW[at(b, x)] = 0
            edgeW[at(x, b)] = 0
        }
        for x in 1...n { flowerFrom[b * (n + 1) + x] = 0 }
        for xs in cycle {
            for x in 1...blossomCount
            where edgeW[at(b, x)] == 0 || delta(at(xs, x)) < delta(at(b, x)) {
                let e = at(xs, x), f = at(x, xs)
                edgeU[at(b, x)] = edgeU[e]; edgeV[at(b, x)] = edgeV[e]; edgeW[at(b, x)] = edgeW[e]
                edgeU[at(x, b)] = edgeU[f]; edgeV[at(x, b)] = edgeV[f]; edgeW[at(x, b)] = edgeW[f]
            }
            for x in 1...n where flowerFrom[xs * (n + 1) + x] != 0 {
                flowerFrom[b * (n + 1) + x] = xs
            }
        }
        setSlack(b)
    }

    private mutating func expandBlossom(_ b: Int) {
        for child in flower[b] { setTop(child, child) }
        let xr = flowerFrom[b * (n + 1) + edgeU[at(b, parent[b])]]
        let pr = evenPosition(b, xr)
        var i = 0
        while i < pr {
            let xs = flower[b][i], xns = flower[b][i + 1]
            parent[xs] = edgeU[at(xns, xs)]
            side[xs] = 1
            side[xns] = 0
            slack[xs] = 0
            setSlack(xns)
            push(xns)
            i += 2
        }
        side[xr] = 1
        parent[xr] = parent[b]
        for j in (pr + 1)..<flower[b].count {
            let xs = flower[b][j]
            side[xs] = -1
            setSlack(xs)
        }
        top[b] = 0
    }

    /// Returns true when an augmentation happened.
    private mutating func onTightEdge(_ e: Int) -> Bool {
        let u = top[edgeU[e]], v = top[edgeV[e]]
        if side[v] == -1 {
            parent[v] = edgeU[e]
            side[v] = 1
            let nu = top[mate[v]]
            slack[v] = 0
            slack[nu] = 0
            side[nu] = 0
            push(nu)
        } else if side[v] == 0 {
            let lca = lowestCommonAncestor(u, v)
            if lca == 0 {
                augment(u, v)
                augment(v, u)
                return true
            }
            addBlossom(u, lca, v)
        }
        return false
    }

    private mutating func phase() -> Bool {
        for x in 1...blossomCount {
            side[x] = -1
            slack[x] = 0
        }
        queue.removeAll(keepingCapacity: true)
        queueHead = 0
        for x in 1...blossomCount where top[x] == x && mate[x] == 0 {
            parent[x] = 0
            side[x] = 0
            push(x)
        }
        if queue.isEmpty { return false }
        while true {
            while queueHead < queue.count {
                let u = queue[queueHead]
                queueHead += 1
                if side[top[u]] == 1 { continue }
                let row = u * size
                for v in 1...n {
                    let w = edgeW[row + v]
                    if w <= 0 { continue }
                    let tv = top[v]
                    if top[u] == tv { continue }
                    // Real vertices: the stored edge is (u, v) itself.
                    let d = label[u] + label[v] - 2 * w
                    if d == 0 {
                        if onTightEdge(row + v) { return true }
                    } else {
                        let s = slack[tv]
                        if s == 0 || d < delta(at(s, tv)) { slack[tv] = u }
                    }
                }
            }
            var d = Int.max
            if blossomCount > n {
                for b in (n + 1)...blossomCount where top[b] == b && side[b] == 1 {
                    d = min(d, label[b] / 2)
                }
            }
            for x in 1...blossomCount where top[x] == x && slack[x] != 0 {
                if side[x] == -1 {
                    d = min(d, delta(at(slack[x], x)))
                } else if side[x] == 0 {
                    d = min(d, delta(at(slack[x], x)) / 2)
                }
            }
            // Nothing left to tighten: no augmenting path exists.
            if d == Int.max { return false }
            for u in 1...n {
                if side[top[u]] == 0 {
                    if label[u] <= d { return false }
                    label[u] -= d
                } else if side[top[u]] == 1 {
                    label[u] += d
                }
            }
            if blossomCount > n {
                for b in (n + 1)...blossomCount where top[b] == b {
                    if side[b] == 0 {
                        label[b] += d * 2
                    } else if side[b] == 1 {
                        label[b] -= d * 2
                    }
                }
            }
            queue.removeAll(keepingCapacity: true)
            queueHead = 0
            for x in 1...blossomCount
            where top[x] == x && slack[x] != 0 && top[slack[x]] != x && delta(at(slack[x], x)) == 0 {
                if onTightEdge(at(slack[x], x)) { return true }
            }
            if blossomCount > n {
                for b in (n + 1)...blossomCount where top[b] == b && side[b] == 1 && label[b] == 0 {
                    expandBlossom(b)
                }
            }
        }
    }

    /// Runs the algorithm; returns the 0-based mate of every vertex (-1 when unmatched).
    mutating func solve() -> [Int] {
        if n == 0 { return [] }
        var maxWeight = 0
        for u in 1...n {
            for v in 1...n {
                flowerFrom[u * (n + 1) + v] = u == v ? u : 0
                maxWeight = max(maxWeight, edgeW[at(u, v)])
            }
        }
        for u in 1...n { label[u] = maxWeight }
        while phase() {}
        return (1...n).map { mate[$0] == 0 ? -1 : mate[$0] - 1 }
    }
}
