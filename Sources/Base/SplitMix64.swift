/// SplitMix64 (Steele, Lea and Flood 2014): seeded shuffles inside the solvers, seeded benchmark instances
/// and every randomised test, the same on every machine. Ours rather than the standard library's, so that
/// a seed gives the same route on every platform and Swift version.
///
/// Inlinable, so the solvers' inner loops draw without a call across modules.
@frozen
public struct SplitMix64: RandomNumberGenerator, Sendable {
    @usableFromInline var state: UInt64

    @inlinable public init(seed: UInt64) { state = seed }

    @inlinable public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1), from the top 53 bits.
    @inlinable public mutating func unit() -> Double { Double(next() >> 11) / Double(UInt64(1) << 53) }

    /// Uniform in `0..<bound`; `bound` must be positive. The modulo bias is below 2⁻³² for the small
    /// bounds the tour searches use, which does not matter for a search heuristic. Not the standard
    /// library's `Int.random(in:using:)`, which draws a different stream.
    @inlinable public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
