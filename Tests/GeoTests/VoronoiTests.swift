import Base
import Testing
@testable import Geo

@Suite struct VoronoiTests {
    @Test func threeCellsFillTheEnvelopeAndEachHoldsItsSite() throws {
        let context = try GEOSContext()
        let bounds = Shapes.bounds(width: 1000, height: 800)
        let sites = [Shapes.point(200, 200), Shapes.point(800, 300), Shapes.point(500, 700)]
        let cells = try Geometry.voronoiCells(sites: sites, clippedTo: bounds, context: context)
        #expect(cells.count == 3)
        let total = try cells.reduce(0.0) { try $0 + $1.areaSquareMetres() }
        #expect(abs(total - bounds.areaSquareMetres) < 1e-6)
        for (site, cell) in zip(sites, cells) {
            #expect(try cell.contains(Geometry.point(site, context: context)))
            let box = try cell.bounds()
            #expect(box.minEasting >= bounds.minEasting && box.maxEasting <= bounds.maxEasting)
            #expect(box.minNorthing >= bounds.minNorthing && box.maxNorthing <= bounds.maxNorthing)
        }
        // Cells only touch: their pairwise overlaps have no area.
        for i in 0..<3 {
            for j in (i + 1)..<3 {
                #expect(try cells[i].intersection(cells[j]).areaSquareMetres() < 1e-6)
            }
        }
    }

    @Test func everySampledPointLiesInTheCellOfItsNearestSite() throws {
        let context = try GEOSContext()
        var generator = SplitMix64(seed: 99)
        let bounds = Shapes.bounds(width: 2000, height: 1500)
        let sites = (0..<25).map { _ in Shapes.randomPoint(&generator, in: bounds) }
        let cells = try Geometry.voronoiCells(sites: sites, clippedTo: bounds, context: context)
        let prepared = try cells.map { try $0.prepared() }
        var checked = 0
        for _ in 0..<500 {
            let sample = Shapes.randomPoint(&generator, in: bounds)
            let distances = sites.map { $0.distanceMetres(to: sample) }.sorted()
            // Skip samples too close to a cell border for the answer to be clear-cut.
            guard distances[1] - distances[0] > 1e-3 else { continue }
            let nearest = sites.indices.min { sites[$0].distanceMetres(to: sample) < sites[$1].distanceMetres(to: sample) }!
            #expect(try prepared[nearest].contains(sample))
            checked += 1
        }
        #expect(checked > 450)
        let total = try cells.reduce(0.0) { try $0 + $1.areaSquareMetres() }
        #expect(abs(total - bounds.areaSquareMetres) < 1e-3)
    }

    @Test func collinearSitesGiveStripsSplitHalfwayBetweenNeighbours() throws {
        let context = try GEOSContext()
        let bounds = Shapes.bounds(width: 1000, height: 500)
        // Borders at x = 200 and x = 500, so the strips are 200, 300 and 500 m wide.
        let sites = [Shapes.point(700, 250), Shapes.point(100, 250), Shapes.point(300, 250)]
        let cells = try Geometry.voronoiCells(sites: sites, clippedTo: bounds, context: context)
        let areas = try cells.map { try $0.areaSquareMetres() }
        for (area, expected) in zip(areas, [500.0 * 500, 200.0 * 500, 300.0 * 500] as [Double]) {
            #expect(abs(area - expected) < 1e-6)
        }
    }

    @Test func oneSiteGetsTheWholeEnvelopeAndNoSitesGetNothing() throws {
        let context = try GEOSContext()
        let bounds = Shapes.bounds(width: 100, height: 50)
        let single = try Geometry.voronoiCells(sites: [Shapes.point(10, 10)], clippedTo: bounds, context: context)
        #expect(try single.map { try $0.areaSquareMetres() } == [5000])
        #expect(try Geometry.voronoiCells(sites: [], clippedTo: bounds, context: context).isEmpty)
    }
}
