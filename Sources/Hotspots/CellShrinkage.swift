/// Empirical-Bayes shrinkage of cell counts toward a smoothed map (Poisson–gamma; Clayton and Kaldor 1987).
///
/// Cell i holds count yᵢ and the smoothed map expects μᵢ there (a kernel density times the cell's area). With
/// yᵢ | λᵢ ~ Poisson(λᵢ) and λᵢ ~ Gamma(shape αμᵢ, rate α), so E λᵢ = μᵢ and Var λᵢ = μᵢ/α, the posterior mean is
///
///     (yᵢ + α·μᵢ) / (1 + α)
///
/// α → 0 keeps the counts, α → ∞ keeps the smoothed map. α is fitted by the method of moments:
/// Var yᵢ = μᵢ + μᵢ²/α, so α = Σμᵢ² / Σ[(yᵢ − μᵢ)² − μᵢ]; when the counts scatter no more than Poisson noise
/// around the map (denominator ≤ 0) the counts carry no signal beyond it and α is capped at `maximumAlpha`.
/// A cell with one old stop where the map expects little stays small; a busy cell keeps most of its count.
public enum CellShrinkage {
    public static let maximumAlpha = 1e6

    public static func alphaByMoments(counts: [Double], expected: [Double]) -> Double {
        var numerator = 0.0, denominator = 0.0
        for (y, mu) in zip(counts, expected) {
            numerator += mu * mu
            denominator += (y - mu) * (y - mu) - mu
        }
        guard numerator > 0 else { return 0 }
        guard denominator > 0 else { return maximumAlpha }
        return min(maximumAlpha, numerator / denominator)
    }

    public static func posteriorMeans(counts: [Double], expected: [Double], alpha: Double) -> [Double] {
        zip(counts, expected).map { ($0.0 + alpha * $0.1) / (1 + alpha) }
    }
}
