import Geo

/// A map method fitted on every stop before a time: the surface the hotspot map draws and ranks by.
public struct FittedMap: Sendable {
    public var method: MapMethod
    public var grid: HexGrid
    public var scores: [Double]

    public init(method: MapMethod, grid: HexGrid, scores: [Double]) {
        self.method = method
        self.grid = grid
        self.scores = scores
    }

    /// Fits on the stops strictly before `asOf`, weighted as of then, over `grid`.
    public static func fit(_ method: MapMethod, stops: [Stop], asOf: LocalDateTime, grid: HexGrid,
                           reasonWeights: ReasonWeights, network: StreetGraph?) -> FittedMap {
        let surface = MapSurface(method: method, grid: grid, stops: stops, asOf: asOf, reasonWeights: reasonWeights, network: network)
        return FittedMap(method: method, grid: grid, scores: surface.scores(method))
    }

    /// A grid of the method's hex size over the points, with a cell (or a bandwidth, if wider) of margin.
    public static func grid(for method: MapMethod, covering points: [GridPoint]) -> HexGrid {
        HexGrid(covering: points, cellSizeMetres: method.cellSizeMetres,
                paddingMetres: max(method.cellSizeMetres, method.bandwidthMetres ?? 0))
    }

    /// The share of the area (1, 5 or 10 %) whose top cells hold this cell, or nil below the top 10 %.
    public func topShares() -> [Int: Double] {
        var out: [Int: Double] = [:]
        for fraction in MapSelection.reportedAreaFractions.reversed() {
            let count = PAI.cellsSelected(cellCount: grid.count, areaFraction: fraction)
            for cell in PAI.topCells(scores: scores, count: count) where scores[cell] > 0 { out[cell] = fraction }
        }
        return out
    }
}
