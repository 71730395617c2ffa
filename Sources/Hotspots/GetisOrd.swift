/// Getis–Ord Gi* (Ord and Getis 1995) with binary weights: cell j counts for cell i when their centres
/// are within the distance band (self included).
///
/// Gi* = (Σⱼ wᵢⱼxⱼ − x̄ Σⱼ wᵢⱼ) / (S √[(n Σⱼ wᵢⱼ² − (Σⱼ wᵢⱼ)²) / (n − 1)]), with x̄ and S the mean and
/// standard deviation of x over all n cells. Bins follow ArcGIS's Hot Spot Analysis: ±3 for |z| ≥ 2.576
/// (99 %), ±2 for ≥ 1.960 (95 %), ±1 for ≥ 1.645 (90 %), else 0.
public enum GetisOrd {
    public static func zScores(values: [Double], neighbours: [[Int]]) -> [Double] {
        let n = Double(values.count)
        guard values.count > 1 else { return Array(repeating: 0, count: values.count) }
        let mean = values.reduce(0, +) / n
        let variance = values.reduce(0) { $0 + $1 * $1 } / n - mean * mean
        guard variance > 0 else { return Array(repeating: 0, count: values.count) }
        let s = variance.squareRoot()
        return neighbours.map { list in
            let w = Double(list.count)
            let local = list.reduce(0) { $0 + values[$1] }
            let denominator = s * ((n * w - w * w) / (n - 1)).squareRoot()
            guard denominator > 0 else { return 0 }
            return (local - mean * w) / denominator
        }
    }

    public static func bin(_ z: Double) -> Int {
        let magnitude = abs(z)
        let level = magnitude >= 2.576 ? 3 : magnitude >= 1.960 ? 2 : magnitude >= 1.645 ? 1 : 0
        return z < 0 ? -level : level
    }
}
