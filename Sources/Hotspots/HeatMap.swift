import Geo

public struct HeatMapOptions: Hashable, Sendable {
    public var cellSizeMetres: Double = 150
    /// Quartic kernel bandwidth; nil follows the bandwidth rule of `KernelDensity` (h = cell size).
    public var bandwidthMetres: Double? = nil
    /// Gi* distance band; the default takes each cell and its six neighbours.
    public var giDistanceMetres: Double? = nil

    public init() {}

    public var effectiveBandwidthMetres: Double { bandwidthMetres ?? KernelDensity.bandwidthMetres(cellSizeMetres: cellSizeMetres) }

    public var effectiveGiDistanceMetres: Double { giDistanceMetres ?? cellSizeMetres * 1.01 }
}

/// Surfaces over a hex grid: weighted stop counts, quartic KDE intensity (weighted stops per km²) and Gi*.
public struct HeatMap: Sendable {
    public var grid: HexGrid
    public var counts: [Int]
    public var weights: [Double]
    /// Weighted stops per km².
    public var kdePerSquareKm: [Double]
    public var giZ: [Double]
    public var giBins: [Int]

    /// `points` with `weights` make the surfaces; `extent` (points in BNG) fixes the grid, padded by the bandwidth.
    public init(points: [GridPoint], weights: [Double], extent: [GridPoint], options: HeatMapOptions) {
        grid = HexGrid(covering: extent + points, cellSizeMetres: options.cellSizeMetres, paddingMetres: options.effectiveBandwidthMetres)
        var counts = [Int](repeating: 0, count: grid.count)
        var cellWeights = [Double](repeating: 0, count: grid.count)
        for (point, weight) in zip(points, weights) {
            guard let cell = grid.cell(containing: point) else { continue }
            counts[cell] += 1
            cellWeights[cell] += weight
        }
        self.counts = counts
        self.weights = cellWeights
        let centres = (0..<grid.count).map(grid.centre)
        kdePerSquareKm = KernelDensity.intensity(at: centres, points: points, weights: weights,
                                                 bandwidthMetres: options.effectiveBandwidthMetres).map { $0 * 1e6 }
        let band = options.effectiveGiDistanceMetres
        let grid = grid
        let neighbours = (0..<grid.count).map { grid.neighbours(of: $0, withinMetres: band) }
        giZ = GetisOrd.zScores(values: cellWeights, neighbours: neighbours)
        giBins = giZ.map(GetisOrd.bin)
    }

    /// Hexagon polygons in lon/lat with `kde_per_km2`, `stops`, `weight`, `gi_z`, `gi_bin` and simplestyle fill.
    /// Only cells with some intensity or a non-zero bin are written; Gi* still uses every cell.
    /// A `fitted` map on this grid adds its `score` and `top_pct` (1, 5 or 10: the area share whose top cells
    /// hold the cell), and its score sets the opacity of cells with no Gi* bin.
    public func features(projection: Projection, fitted: FittedMap? = nil) throws -> [Feature] {
        let fitted = fitted?.grid == grid ? fitted : nil
        // Shade by the map the planner is sent by: the chosen method's score when there is one, else the KDE.
        let shade = fitted?.scores.map { max(0, $0) } ?? kdePerSquareKm
        let peak = shade.max() ?? 0
        let shares = fitted?.topShares() ?? [:]
        var out: [Feature] = []
        for index in 0..<grid.count
        where kdePerSquareKm[index] > 0 || giBins[index] != 0 || counts[index] > 0 || (fitted?.scores[index] ?? 0) > 0 {
            let ring = try projection.lonLat(grid.corners(index))
            let bin = giBins[index]
            out.append(Feature(geometry: GeoJSONGeometry.polygon([ring]).withRFC7946Winding, properties: [
                "layer": "hex",
                "cell": .number(Double(index)),
                "stops": .number(Double(counts[index])),
                "weight": .number(rounded(weights[index], 4)),
                "kde_per_km2": .number(rounded(kdePerSquareKm[index], 3)),
                "gi_z": .number(rounded(giZ[index], 3)),
                "gi_bin": .number(Double(bin)),
                "fill": .string(Self.binColour(bin)),
                "fill-opacity": .number(bin == 0 ? rounded(0.5 * (peak > 0 ? shade[index] / peak : 0), 3) : 0.6),
                "stroke-width": .number(0),
            ].merging(Self.fittedProperties(fitted, shares, index)) { $1 }))
        }
        return out
    }

    static func fittedProperties(_ fitted: FittedMap?, _ shares: [Int: Double], _ index: Int) -> [String: JSONValue] {
        guard let fitted else { return [:] }
        return [
            "score": .number(rounded(fitted.scores[index], 5)),
            "top_pct": shares[index].map { .number(($0 * 100).rounded()) } ?? .null,
        ]
    }

    /// ColorBrewer RdBu, as ArcGIS's hot spot maps: red hot, blue cold, grey for no significance.
    public static func binColour(_ bin: Int) -> String {
        switch bin {
        case 3: "#b2182b"
        case 2: "#ef8a62"
        case 1: "#fddbc7"
        case -1: "#d1e5f0"
        case -2: "#67a9cf"
        case -3: "#2166ac"
        default: "#bdbdbd"
        }
    }
}

func rounded(_ value: Double, _ decimals: Int) -> Double {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    return (value * scale).rounded() / scale
}
