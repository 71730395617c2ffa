/// Empirical-Bayes Poisson–gamma shrinkage of rates (stops per patrol-hour).
///
/// Each place i has count yᵢ in exposure eᵢ hours; its rate λᵢ ~ Gamma(α, β) across the patch and
/// yᵢ | λᵢ ~ Poisson(λᵢ eᵢ). The posterior mean is (α + yᵢ) / (β + eᵢ): a place seen for few hours
/// stays near the patch mean α/β, a place seen often keeps its own rate. α and β come from the moments of
/// the raw rates (Marshall 1991): mean m = Σy / Σe, weighted variance s² = Σ eᵢ(rᵢ − m)² / Σe, prior
/// variance A = s² − m / ē (ē the mean exposure), floored at a small positive fraction of m² so that a
/// patch with no spread beyond Poisson noise shrinks strongly instead of dividing by zero.
public enum Shrinkage {
    public struct Prior: Hashable, Sendable {
        public var alpha: Double
        public var beta: Double
        public var mean: Double { alpha / beta }
    }

    public static func prior(counts: [Double], exposures: [Double]) -> Prior? {
        let pairs = zip(counts, exposures).filter { $0.1 > 0 }
        let totalExposure = pairs.reduce(0) { $0 + $1.1 }
        guard !pairs.isEmpty, totalExposure > 0 else { return nil }
        let mean = pairs.reduce(0) { $0 + $1.0 } / totalExposure
        guard mean > 0 else { return nil }
        let variance = pairs.reduce(0) { sum, pair in
            let rate = pair.0 / pair.1
            return sum + pair.1 * (rate - mean) * (rate - mean)
        } / totalExposure
        let meanExposure = totalExposure / Double(pairs.count)
        let priorVariance = max(variance - mean / meanExposure, 0.01 * mean * mean)
        let beta = mean / priorVariance
        return Prior(alpha: mean * beta, beta: beta)
    }

    /// Posterior mean rates; with no usable prior (no exposure or no stops) the raw rates, 0 where unseen.
    public static func shrunkRates(counts: [Double], exposures: [Double]) -> [Double] {
        guard let prior = prior(counts: counts, exposures: exposures) else {
            return zip(counts, exposures).map { $0.1 > 0 ? $0.0 / $0.1 : 0 }
        }
        return zip(counts, exposures).map { (prior.alpha + $0.0) / (prior.beta + $0.1) }
    }
}
