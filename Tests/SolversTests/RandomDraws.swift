import Base

extension SplitMix64 {
    /// Uniform in `range`, through the standard library's `Int.random(in:using:)` (its own stream of draws,
    /// not `below(_:)`'s): the random instances of these tests were drawn this way.
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
}
