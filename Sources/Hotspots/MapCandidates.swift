import Geo

extension MapSelection {
    public static let candidateCellSizesMetres: [Double] = [100, 150, 200]
    public static let candidateBandwidthsMetres: [Double] = [100, 150, 200, 300]
    public static let candidatePriorBandwidthsMetres: [Double] = [150, 300]
    /// Nil is no decay.
    public static let candidateHalfLivesDays: [Double?] = [nil, 90, 30]
    /// Nil fits ν by moments; the fixed values (in stops) span nearly-counts to mostly-smoothed.
    public static let candidateStrengths: [Double?] = [nil, 0.1, 0.5, 2, 10]
    /// The network kernel is offered when this share of the training stops lies within 100 m of a street (the
    /// rest spread on the plane, see `MapSurface.networkExpected`).
    public static let networkCoverageNeeded = 0.1

    /// Every combination of hex size, half-life, reason weighting (only when the stops have more than one
    /// reason) and surface: counts, planar KDE, Gi*, counts shrunk toward planar KDE, and, when the streets
    /// cover the stops, network KDE and counts shrunk toward it. Simpler methods come first, so they win ties.
    public static func candidates(for split: TimeSplit, context: Context) -> [MapMethod] {
        let reasonsVary = Set(split.training.map(\.reason)).count > 1
        let points = split.training.map { GridPoint(easting: $0.easting, northing: $0.northing) }
        let networkUsable = context.network.map {
            NetworkKernelDensity.coverage(network: $0, points: points) >= networkCoverageNeeded
        } ?? false
        var out: [MapMethod] = []
        for cell in candidateCellSizesMetres {
            for halfLife in candidateHalfLivesDays {
                for uniform in reasonsVary ? [false, true] : [true] {
                    func method(_ kind: MapMethod.Kind, _ h: Double? = nil, _ strength: Double? = nil) -> MapMethod {
                        MapMethod(kind: kind, cellSizeMetres: cell, bandwidthMetres: h, halfLifeDays: halfLife,
                                  uniformReasons: uniform, shrinkageStrength: strength)
                    }
                    out.append(method(.counts))
                    out += candidateBandwidthsMetres.map { method(.kde, $0) }
                    out.append(method(.gi))
                    for h in candidatePriorBandwidthsMetres { out += candidateStrengths.map { method(.shrunk, h, $0) } }
                    if networkUsable {
                        out += candidateBandwidthsMetres.map { method(.networkKDE, $0) }
                        out += candidateStrengths.map { method(.shrunkNetwork, 200, $0) }
                    }
                }
            }
        }
        return out
    }
}
