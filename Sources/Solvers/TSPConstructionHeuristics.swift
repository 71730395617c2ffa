/// First tours for the local search. Each returns a permutation of `0..<costs.count`.
enum TSPConstructionHeuristics {
    static func build(_ method: TSPConstruction, costs: TSPCostMatrix) -> [Int] {
        switch method {
        case .nearestNeighbour: return nearestNeighbour(costs)
        case .greedyEdge: return greedyEdge(costs)
        case .cheapestInsertion: return cheapestInsertion(costs)
        }
    }

    static func nearestNeighbour(_ costs: TSPCostMatrix) -> [Int] {
        let n = costs.count
        var visited = [Bool](repeating: false, count: n)
        var tour = [0]
        tour.reserveCapacity(n)
        visited[0] = true
        var current = 0
        for _ in 1..<max(1, n) {
            var best = -1
            var bestCost = Double.infinity
            for j in 0..<n where !visited[j] && (best < 0 || costs[current, j] < bestCost) {
                best = j
                bestCost = costs[current, j]
            }
            visited[best] = true
            tour.append(best)
            current = best
        }
        return tour
    }

    /// Takes arcs cheapest first while every node keeps at most one arc out and one in and no arc
    /// closes a cycle early; the surviving fragments end up as one Hamiltonian path. On a
    /// symmetric matrix an undirected edge may be used in either direction, so fragments are
    /// joined by degree instead.
    static func greedyEdge(_ costs: TSPCostMatrix) -> [Int] {
        let n = costs.count
        if n <= 2 { return Array(0..<n) }
        var arcs = [(Double, Int, Int)]()
        arcs.reserveCapacity(costs.isSymmetric ? n * (n - 1) / 2 : n * (n - 1))
        for i in 0..<n {
            for j in 0..<n where i != j && (!costs.isSymmetric || i < j) {
                arcs.append((costs[i, j], i, j))
            }
        }
        // Ties break on the node numbers so the order never depends on the sort's stability.
        arcs.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        var fragment = UnionFind(count: n)
        var taken = 0
        if costs.isSymmetric {
            var adjacent = [[Int]](repeating: [], count: n)
            for (_, i, j) in arcs where taken < n - 1 {
                if adjacent[i].count < 2, adjacent[j].count < 2, fragment.union(i, j) {
                    adjacent[i].append(j)
                    adjacent[j].append(i)
                    taken += 1
                }
            }
            let first = (0..<n).first { adjacent[$0].count < 2 } ?? 0
            var tour = [first]
            var previous = -1
            var current = first
            while tour.count < n {
                let next = adjacent[current].first { $0 != previous }!
                tour.append(next)
                previous = current
                current = next
            }
            return rotated(tour, toStartAt: 0)
        }
        var successor = [Int](repeating: -1, count: n)
        var hasPredecessor = [Bool](repeating: false, count: n)
        for (_, i, j) in arcs where taken < n - 1 {
            if successor[i] < 0, !hasPredecessor[j], fragment.union(i, j) {
                successor[i] = j
                hasPredecessor[j] = true
                taken += 1
            }
        }
        var current = (0..<n).first { !hasPredecessor[$0] } ?? 0
        var tour = [current]
        while successor[current] >= 0 {
            current = successor[current]
            tour.append(current)
        }
        return rotated(tour, toStartAt: 0)
    }

    /// Grows a tour from node 0 by always inserting the outside node whose cheapest insertion is
    /// cheapest. Each outside node remembers its best insertion arc, so only nodes whose arc was
    /// just broken are rescanned.
    static func cheapestInsertion(_ costs: TSPCostMatrix) -> [Int] {
        let n = costs.count
        if n <= 2 { return Array(0..<n) }
        var successor = [Int](repeating: -1, count: n)
        successor[0] = 0
        var inside = [0]
        var isInside = [Bool](repeating: false, count: n)
        isInside[0] = true
        var bestFrom = [Int](repeating: 0, count: n)
        var bestDelta = [Double](repeating: 0, count: n)
        for x in 1..<n {
            bestDelta[x] = costs[0, x] + costs[x, 0] - costs[0, 0]
        }
        for _ in 1..<n {
            var pick = -1
            for x in 0..<n where !isInside[x] && (pick < 0 || bestDelta[x] < bestDelta[pick]) {
                pick = x
            }
            let from = bestFrom[pick]
            let to = successor[from]
            successor[from] = pick
            successor[pick] = to
            isInside[pick] = true
            inside.append(pick)
            for x in 0..<n where !isInside[x] {
                if bestFrom[x] == from {
                    var best = Double.infinity
                    for u in inside {
                        let delta = costs[u, x] + costs[x, successor[u]] - costs[u, successor[u]]
                        if delta < best {
                            best = delta
                            bestFrom[x] = u
                        }
                    }
                    bestDelta[x] = best
                } else {
                    for u in [from, pick] {
                        let delta = costs[u, x] + costs[x, successor[u]] - costs[u, successor[u]]
                        if delta < bestDelta[x] {
                            bestDelta[x] = delta
                            bestFrom[x] = u
                        }
                    }
                }
            }
        }
        var tour = [0]
        var current = successor[0]
        while current != 0 {
            tour.append(current)
            current = successor[current]
        }
        return tour
    }

    static func rotated(_ tour: [Int], toStartAt node: Int) -> [Int] {
        guard let index = tour.firstIndex(of: node) else { return tour }
        return Array(tour[index...] + tour[..<index])
    }
}
