/// What one label-setting search (node-based or arc-based) keeps per state between queries: cost,
/// predecessor, settled, and which states the last query touched, so a new query resets only those
/// instead of clearing arrays as long as the network.
struct SearchScratch {
    var distance: [Double]
    var predecessor: [Int32]
    var settled: [Bool]
    var touched: [Int32] = []

    init(stateCount: Int) {
        distance = [Double](repeating: .infinity, count: stateCount)
        predecessor = [Int32](repeating: -1, count: stateCount)
        settled = [Bool](repeating: false, count: stateCount)
    }

    /// Forgets the last query.
    mutating func reset() {
        for state in touched {
            distance[Int(state)] = .infinity
            predecessor[Int(state)] = -1
            settled[Int(state)] = false
        }
        touched.removeAll(keepingCapacity: true)
    }
}
