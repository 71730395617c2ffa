/// A way to make the hotspot map, with its parameters. `MapSelection` chooses one by how well it predicts.
public struct MapMethod: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Weighted stops per cell.
        case counts
        /// Planar quartic kernel density at the cell centres.
        case kde
        /// Quartic kernel density along streets, summed per cell.
        case networkKDE = "network_kde"
        /// Getis–Ord Gi* z-score of the weighted counts.
        case gi
        /// Weighted counts shrunk toward the planar KDE (empirical Bayes, `CellShrinkage`).
        case shrunk
        /// Weighted counts shrunk toward the network KDE.
        case shrunkNetwork = "shrunk_network"
    }

    public var kind: Kind
    public var cellSizeMetres: Double
    /// The kernel's bandwidth for the KDE kinds and for the smoothed map the shrunk kinds lean on.
    public var bandwidthMetres: Double?
    /// Nil: stops do not decay.
    public var halfLifeDays: Double?
    /// Every reason weighs 1 instead of the reason weights.
    public var uniformReasons: Bool
    /// The shrunk kinds' prior strength ν, in stops (`CellShrinkage`); nil fits it by the method of moments.
    public var shrinkageStrength: Double?

    public init(kind: Kind, cellSizeMetres: Double, bandwidthMetres: Double? = nil, halfLifeDays: Double? = nil,
                uniformReasons: Bool = false, shrinkageStrength: Double? = nil) {
        self.kind = kind
        self.cellSizeMetres = cellSizeMetres
        self.bandwidthMetres = bandwidthMetres
        self.halfLifeDays = halfLifeDays
        self.uniformReasons = uniformReasons
        self.shrinkageStrength = shrinkageStrength
    }

    /// The map when the history is too short to choose: planar KDE with h = cell size and a 90-day half-life,
    /// as `patrol hotspots` drew it before it chose.
    public static func fallback(cellSizeMetres: Double = 150) -> MapMethod {
        MapMethod(kind: .kde, cellSizeMetres: cellSizeMetres, bandwidthMetres: cellSizeMetres, halfLifeDays: 90)
    }

    public var usesNetwork: Bool { kind == .networkKDE || kind == .shrunkNetwork }

    /// One line for a planner, e.g. `shrunk toward KDE h 300 m (ν fitted), 150 m hexes, half-life 30 d`.
    public var description: String {
        let h = bandwidthMetres.map { "h \(formatFixed($0, decimals: 0)) m" } ?? ""
        let strength = shrinkageStrength.map { "ν \(formatFixed($0, decimals: 2))" } ?? "ν fitted"
        var text: String
        switch kind {
        case .counts: text = "counts"
        case .kde: text = "KDE \(h)"
        case .networkKDE: text = "network KDE \(h)"
        case .gi: text = "Gi*"
        case .shrunk: text = "counts shrunk toward KDE \(h) (\(strength))"
        case .shrunkNetwork: text = "counts shrunk toward network KDE \(h) (\(strength))"
        }
        text += ", \(formatFixed(cellSizeMetres, decimals: 0)) m hexes"
        text += halfLifeDays.map { ", half-life \(formatFixed($0, decimals: 0)) d" } ?? ", no decay"
        if uniformReasons { text += ", reasons equal" }
        return text
    }
}
