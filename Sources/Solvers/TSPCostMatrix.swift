/// A dense cost matrix in one flat array, so the inner loops of the searches index without
/// double indirection.
struct TSPCostMatrix {
    let count: Int
    private(set) var values: [Double]
    let isSymmetric: Bool

    init(validating rows: [[Double]]) throws {
        let n = rows.count
        guard n > 0 else { throw TSPError.emptyMatrix }
        var values = [Double]()
        values.reserveCapacity(n * n)
        for (i, row) in rows.enumerated() {
            guard row.count == n else { throw TSPError.notSquare(row: i, count: row.count, expected: n) }
            for (j, value) in row.enumerated() where !value.isFinite {
                throw TSPError.invalidCost(from: i, to: j, value: value)
            }
            values.append(contentsOf: row)
        }
        self.init(count: n, values: values)
    }

    init(count: Int, values: [Double]) {
        self.count = count
        self.values = values
        var symmetric = true
        outer: for i in 0..<count {
            for j in (i + 1)..<max(i + 1, count) where values[i * count + j] != values[j * count + i] {
                symmetric = false
                break outer
            }
        }
        isSymmetric = symmetric
    }

    @inline(__always)
    subscript(from: Int, to: Int) -> Double {
        values[from * count + to]
    }

    /// The matrix with one extra node tied to `start` and `end` at zero cost and far from every
    /// other node: an optimal closed tour of it is an optimal start→end path followed by the
    /// extra node. The penalty exceeds any tour of real edges, so no improving move ever
    /// breaks the two ties.
    func withPathAnchor(start: Int, end: Int) -> TSPCostMatrix {
        let n = count
        let largest = values.reduce(0) { max($0, abs($1)) }
        let penalty = (largest + 1) * Double(n + 2) * 4
        let m = n + 1
        var augmented = [Double](repeating: penalty, count: m * m)
        for i in 0..<n {
            for j in 0..<n {
                augmented[i * m + j] = values[i * n + j]
            }
        }
        augmented[n * m + n] = 0
        augmented[end * m + n] = 0
        augmented[n * m + start] = 0
        if isSymmetric {
            augmented[n * m + end] = 0
            augmented[start * m + n] = 0
        }
        return TSPCostMatrix(count: m, values: augmented)
    }

    func closedCost(_ tour: [Int]) -> Double {
        guard let first = tour.first, let last = tour.last else { return 0 }
        return openCost(tour) + self[last, first]
    }

    func openCost(_ path: [Int]) -> Double {
        var total = 0.0
        for k in 0..<max(0, path.count - 1) {
            total += self[path[k], path[k + 1]]
        }
        return total
    }
}
