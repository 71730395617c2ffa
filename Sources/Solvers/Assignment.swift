/// Minimum-cost assignment on a square cost matrix (Hungarian method with potentials, O(k³)).
/// Returns the column assigned to each row.
enum Assignment {
    static func solve(_ cost: [[Double]]) -> [Int] {
        let k = cost.count
        if k == 0 { return [] }
        var u = [Double](repeating: 0, count: k + 1)
        var v = [Double](repeating: 0, count: k + 1)
        var rowOf = [Int](repeating: 0, count: k + 1)
        var way = [Int](repeating: 0, count: k + 1)
        for i in 1...k {
            rowOf[0] = i
            var j0 = 0
            var minv = [Double](repeating: .infinity, count: k + 1)
            var used = [Bool](repeating: false, count: k + 1)
            repeat {
                used[j0] = true
                let i0 = rowOf[j0]
                var delta = Double.infinity
                var j1 = 0
                for j in 1...k where !used[j] {
                    let reduced = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if reduced < minv[j] {
                        minv[j] = reduced
                        way[j] = j0
                    }
                    if minv[j] < delta {
                        delta = minv[j]
                        j1 = j
                    }
                }
                for j in 0...k {
                    if used[j] {
                        u[rowOf[j]] += delta
                        v[j] -= delta
                    } else {
                        minv[j] -= delta
                    }
                }
                j0 = j1
            } while rowOf[j0] != 0
            repeat {
                let j1 = way[j0]
                rowOf[j0] = rowOf[j1]
                j0 = j1
            } while j0 != 0
        }
        var columnOf = [Int](repeating: 0, count: k)
        for j in 1...k { columnOf[rowOf[j] - 1] = j - 1 }
        return columnOf
    }
}
