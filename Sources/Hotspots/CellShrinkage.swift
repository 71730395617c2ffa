/// Empirical-Bayes shrinkage of cell counts toward a smoothed map (Poisson–gamma; Clayton and Kaldor 1987).
///
/// Cell i holds count yᵢ and the smoothed map expects μᵢ there (a kernel density times the cell's area). With
/// yᵢ | λᵢ ~ Poisson(λᵢ) and λᵢ ~ Gamma(shape ν, rate ν/μᵢ), so E λᵢ = μᵢ and Var λᵢ = μᵢ²/ν, the posterior mean is
///
///     (yᵢ + ν) / (1 + ν/μᵢ)  =  wᵢ·yᵢ + (1 − wᵢ)·μᵢ,   wᵢ = μᵢ / (μᵢ + ν)
///
/// that is (count + αᵢ·prior) / (1 + αᵢ) with αᵢ = ν/μᵢ. A cell where the map expects little (one old stop, quiet
/// surroundings) moves to the map; a busy cell keeps most of its count. ν → 0 keeps the counts, ν → ∞ keeps the
/// map. ν (the strength, in stops) is fitted by the method of moments: Var yᵢ = μᵢ + μᵢ²/ν, so
/// ν = Σμᵢ² / Σ[(yᵢ − μᵢ)² − μᵢ]; when the counts scatter no more than Poisson noise around the map
/// (denominator ≤ 0) the counts carry nothing beyond it and ν is capped at `maximumStrength`.
public enum CellShrinkage {
    public static let maximumStrength = 1e6

    public static func strengthByMoments(counts: [Double], expected: [Double]) -> Double {
        var numerator = 0.0, denominator = 0.0
        for (y, mu) in zip(counts, expected) {
            numerator += mu * mu
            denominator += (y - mu) * (y - mu) - mu
        }
        guard numerator > 0 else { return 0 }
        guard denominator > 0 else { return maximumStrength }
        return min(maximumStrength, numerator / denominator)
    }

    /// Where the map expects nothing (μ = 0) the posterior is 0: no smoothed mass, no hotspot.
    public static func posteriorMeans(counts: [Double], expected: [Double], strength nu: Double) -> [Double] {
        zip(counts, expected).map { y, mu in
            guard mu > 0 else { return 0 }
            let w = mu / (mu + nu)
            return w * y + (1 - w) * mu
        }
    }
}
