import Geo

/// The surfaces of the map methods over one hex grid, from one set of weighted stops. Kernel surfaces are
/// kept by bandwidth, because many candidate methods share them.
public final class MapSurface {
    public let grid: HexGrid
    public let points: [GridPoint]
    public let weights: [Double]
    public let network: StreetGraph?
    /// Weighted stops per cell.
    public let weightedCounts: [Double]
    private var planar: [Double: [Double]] = [:]
    private var alongStreets: [Double: [Double]] = [:]

    public init(grid: HexGrid, points: [GridPoint], weights: [Double], network: StreetGraph?) {
        self.grid = grid
        self.points = points
        self.weights = weights
        self.network = network
        var counts = [Double](repeating: 0, count: grid.count)
        for (point, weight) in zip(points, weights) {
            if let cell = grid.cell(containing: point) { counts[cell] += weight }
        }
        weightedCounts = counts
    }

    /// The stops before `asOf`, weighted by the method's decay and reasons as of then.
    public convenience init(method: MapMethod, grid: HexGrid, stops: [Stop], asOf: LocalDateTime,
                            reasonWeights: ReasonWeights, network: StreetGraph?) {
        let before = stops.filter { $0.time < asOf }
        let decay = Decay(halfLifeDays: method.halfLifeDays ?? .infinity)
        let weights = before.map { stop in
            decay.factor(at: stop.time, asOf: asOf) * (method.uniformReasons ? 1 : reasonWeights[stop.reason])
        }
        self.init(grid: grid, points: before.map { GridPoint(easting: $0.easting, northing: $0.northing) },
                  weights: weights, network: network)
    }

    /// The cell scores of a method (its grid and weighting are this surface's).
    public func scores(_ method: MapMethod) -> [Double] {
        let h = method.bandwidthMetres ?? grid.cellSizeMetres
        switch method.kind {
        case .counts: return weightedCounts
        case .kde: return planarExpected(bandwidthMetres: h)
        case .networkKDE: return networkExpected(bandwidthMetres: h)
        case .gi: return giZ()
        case .shrunk: return shrunk(toward: planarExpected(bandwidthMetres: h), strength: method.shrinkageStrength)
        case .shrunkNetwork: return shrunk(toward: networkExpected(bandwidthMetres: h), strength: method.shrinkageStrength)
        }
    }

    /// Planar quartic KDE as weighted stops expected per cell (intensity at the centre × cell area).
    public func planarExpected(bandwidthMetres h: Double) -> [Double] {
        if let known = planar[h] { return known }
        let centres = (0..<grid.count).map(grid.centre)
        let area = grid.cellAreaSquareMetres
        let surface = KernelDensity.intensity(at: centres, points: points, weights: weights, bandwidthMetres: h).map { $0 * area }
        planar[h] = surface
        return surface
    }

    /// Network KDE mass per cell. Stops with no known street within the snap distance (the area's streets may
    /// cover only the patches) spread on the plane instead, so the surface still holds every stop; without a
    /// street network it is the planar KDE.
    public func networkExpected(bandwidthMetres h: Double) -> [Double] {
        if let known = alongStreets[h] { return known }
        guard let network else { return planarExpected(bandwidthMetres: h) }
        let result = NetworkKernelDensity.massPerCell(grid: grid, network: network, points: points, weights: weights, bandwidthMetres: h)
        let offStreets = result.unsnapped
        let centres = (0..<grid.count).map(grid.centre)
        let area = grid.cellAreaSquareMetres
        let planar = offStreets.isEmpty ? [] : KernelDensity.intensity(at: centres, points: offStreets.map { points[$0] },
                                                                       weights: offStreets.map { weights[$0] }, bandwidthMetres: h)
        let surface = planar.isEmpty ? result.massPerCell : zip(result.massPerCell, planar).map { $0 + $1 * area }
        alongStreets[h] = surface
        return surface
    }

    public func strength(toward expected: [Double]) -> Double {
        CellShrinkage.strengthByMoments(counts: weightedCounts, expected: expected)
    }

    func shrunk(toward expected: [Double], strength: Double?) -> [Double] {
        CellShrinkage.posteriorMeans(counts: weightedCounts, expected: expected, strength: strength ?? self.strength(toward: expected))
    }

    func giZ() -> [Double] {
        let grid = grid
        let band = grid.cellSizeMetres * 1.01
        return GetisOrd.zScores(values: weightedCounts, neighbours: (0..<grid.count).map { grid.neighbours(of: $0, withinMetres: band) })
    }
}
