/// DBSCAN (Ester et al. 1996) on points in metres, with a uniform grid of cell `eps` so neighbour
/// queries look at 9 cells. Returns a cluster label per point, or nil for noise.
public enum DBSCAN {
    public static func labels(_ points: [(x: Double, y: Double)], eps: Double, minPoints: Int) -> [Int?] {
        guard eps > 0, !points.isEmpty else { return Array(repeating: nil, count: points.count) }
        struct Cell: Hashable { var i: Int; var j: Int }
        func cell(_ p: (x: Double, y: Double)) -> Cell { Cell(i: Int((p.x / eps).rounded(.down)), j: Int((p.y / eps).rounded(.down))) }
        var grid: [Cell: [Int]] = [:]
        for (index, point) in points.enumerated() { grid[cell(point), default: []].append(index) }
        let eps2 = eps * eps
        func neighbours(_ index: Int) -> [Int] {
            let p = points[index]
            let c = cell(p)
            var out: [Int] = []
            for di in -1...1 {
                for dj in -1...1 {
                    for other in grid[Cell(i: c.i + di, j: c.j + dj)] ?? [] {
                        let dx = points[other].x - p.x, dy = points[other].y - p.y
                        if dx * dx + dy * dy <= eps2 { out.append(other) }
                    }
                }
            }
            return out
        }
        var labels = [Int?](repeating: nil, count: points.count)
        var visited = [Bool](repeating: false, count: points.count)
        var next = 0
        for index in points.indices where !visited[index] {
            visited[index] = true
            let seeds = neighbours(index)
            guard seeds.count >= minPoints else { continue }
            let label = next
            next += 1
            labels[index] = label
            var queue = seeds
            var head = 0
            while head < queue.count {
                let q = queue[head]
                head += 1
                if labels[q] == nil { labels[q] = label }
                if visited[q] { continue }
                visited[q] = true
                let more = neighbours(q)
                if more.count >= minPoints { queue.append(contentsOf: more) }
            }
        }
        return labels
    }
}
