/// Strongly connected components (Kosaraju, iterative). Returns a component id per node.
func strongComponents(nodeCount n: Int, arcs: [(Int, Int)]) -> [Int] {
    var out = [[Int]](repeating: [], count: n)
    var inc = [[Int]](repeating: [], count: n)
    for (u, v) in arcs {
        out[u].append(v)
        inc[v].append(u)
    }
    var order: [Int] = []
    order.reserveCapacity(n)
    var seen = [Bool](repeating: false, count: n)
    for s in 0..<n where !seen[s] {
        seen[s] = true
        var stack: [(Int, Int)] = [(s, 0)]
        while let (v, i) = stack.last {
            if i < out[v].count {
                stack[stack.count - 1].1 += 1
                let w = out[v][i]
                if !seen[w] {
                    seen[w] = true
                    stack.append((w, 0))
                }
            } else {
                stack.removeLast()
                order.append(v)
            }
        }
    }
    var component = [Int](repeating: -1, count: n)
    var count = 0
    for s in order.reversed() where component[s] < 0 {
        component[s] = count
        var stack = [s]
        while let v = stack.popLast() {
            for w in inc[v] where component[w] < 0 {
                component[w] = count
                stack.append(w)
            }
        }
        count += 1
    }
    return component
}
