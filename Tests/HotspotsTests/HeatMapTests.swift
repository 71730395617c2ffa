import Base
import Foundation
import Geo
import Testing
@testable import Hotspots

@Suite struct HeatMapTests {
    /// (cell size, bandwidth): a fine grid, and the default rule (bandwidth = cell size).
    @Test(arguments: [(50.0, 300.0 as Double?), (150.0, nil)])
    func kdeIntegratesToTheNumberOfPointsOnALargeGrid(cell: Double, bandwidth: Double?) {
        var random = SplitMix64(seed: 3)
        let points = (0..<500).map { _ in
            GridPoint(easting: 440_000 + random.unit() * 3000, northing: 110_000 + random.unit() * 3000)
        }
        var options = HeatMapOptions()
        options.cellSizeMetres = cell
        options.bandwidthMetres = bandwidth
        let heat = HeatMap(points: points, weights: Array(repeating: 1, count: points.count), extent: [], options: options)
        // Intensity is per km²; each hexagon has the grid's cell area.
        let total = heat.kdePerSquareKm.reduce(0, +) / 1e6 * heat.grid.cellAreaSquareMetres
        #expect(abs(total - 500) / 500 < 0.01, "KDE integrates to \(total)")
        #expect(heat.counts.reduce(0, +) == 500)
    }

    @Test func quarticKernelHasUnitMassByQuadrature() {
        // Independent check of the kernel's constant: ∫ K 2πr dr over [0, h] by the midpoint rule.
        let h = 300.0
        let steps = 100_000
        var mass = 0.0
        for i in 0..<steps {
            let r = (Double(i) + 0.5) * h / Double(steps)
            mass += KernelDensity.quartic(distanceMetres: r, bandwidthMetres: h) * 2 * Double.pi * r * h / Double(steps)
        }
        #expect(abs(mass - 1) < 1e-6)
    }

    @Test func giStarOnAPlantedClusterGivesPlusThreeThereAndZeroElsewhere() {
        var options = HeatMapOptions()
        options.cellSizeMetres = 100
        options.bandwidthMetres = 100
        let grid = HexGrid(covering: [GridPoint(easting: 0, northing: 0), GridPoint(easting: 4000, northing: 4000)],
                           cellSizeMetres: 100, paddingMetres: 0)
        let centreCell = grid.cell(containing: GridPoint(easting: 2000, northing: 2000))!
        let cluster = grid.neighbours(of: centreCell, withinMetres: 101)
        #expect(cluster.count == 7)
        var values = [Double](repeating: 0, count: grid.count)
        for cell in cluster { values[cell] = 10 }
        let neighbours = (0..<grid.count).map { grid.neighbours(of: $0, withinMetres: 101) }
        let bins = GetisOrd.zScores(values: values, neighbours: neighbours).map(GetisOrd.bin)
        for cell in cluster { #expect(bins[cell] == 3) }
        // Cells whose neighbourhoods touch the cluster share some of its mass; beyond that ring, nothing is significant.
        let centre = grid.centre(centreCell)
        let far = (0..<grid.count).filter { grid.centre($0).distanceMetres(to: centre) > 350 }
        #expect(far.count > 1500)
        #expect(far.allSatisfy { bins[$0] == 0 })
    }

    @Test func giStarMatchesTheFormulaByHandOnFourCells() {
        // Values 1, 2, 3, 10 on a line, each cell with itself and its line neighbours.
        let values = [1.0, 2, 3, 10]
        let neighbours = [[0, 1], [0, 1, 2], [1, 2, 3], [2, 3]]
        // x̄ = 4, S = √(114/4 − 16) = √12.5; for cell 3: (13 − 8) / (√12.5 · √((8 − 4)/3)).
        let expected = 5 / (12.5.squareRoot() * (4.0 / 3).squareRoot())
        let z = GetisOrd.zScores(values: values, neighbours: neighbours)
        #expect(abs(z[3] - expected) < 1e-12)
        // Cell 1: (6 − 12) / (√12.5 · √((12 − 9)/3)).
        #expect(abs(z[1] - (-6 / 12.5.squareRoot())) < 1e-12)
    }

    @Test func paiByHandOnATinyExample() {
        // 20 cells; the map ranks cell 0 best, then 1. Events: 3 in cell 0, 1 in cell 1, 6 elsewhere.
        var scores = [Double](repeating: 0, count: 20)
        scores[0] = 5
        scores[1] = 4
        var events = [Int](repeating: 0, count: 20)
        events[0] = 3
        events[1] = 1
        events[7] = 6
        // 5 % of 20 cells = 1 cell: hit rate 3/10 = 30 %, area 5 %, PAI 6.
        let five = PAI.evaluate(scores: scores, eventsPerCell: events, areaFraction: 0.05)
        #expect(five.cellsSelected == 1 && five.hits == 3 && abs(five.pai - 6) < 1e-12)
        // 10 % = 2 cells: hit rate 40 %, area 10 %, PAI 4.
        let ten = PAI.evaluate(scores: scores, eventsPerCell: events, areaFraction: 0.10)
        #expect(ten.cellsSelected == 2 && ten.hits == 4 && abs(ten.pai - 4) < 1e-12)
    }

    @Test func everyPointFallsInTheHexagonOfItsNearestCentre() {
        let grid = HexGrid(covering: [GridPoint(easting: 0, northing: 0), GridPoint(easting: 1000, northing: 1000)],
                           cellSizeMetres: 150, paddingMetres: 200)
        var random = SplitMix64(seed: 9)
        for _ in 0..<2000 {
            let p = GridPoint(easting: random.unit() * 1000, northing: random.unit() * 1000)
            let cell = grid.cell(containing: p)
            let brute = (0..<grid.count).min { grid.centre($0).distanceMetres(to: p) < grid.centre($1).distanceMetres(to: p) }
            #expect(cell == brute)
        }
        #expect(abs(grid.cellAreaSquareMetres - 3.0.squareRoot() / 2 * 22_500) < 1e-9)
    }
}
