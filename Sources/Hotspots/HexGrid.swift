import Foundation
import Geo

/// A pointy-top hexagonal grid in British National Grid metres. `cellSizeMetres` is the distance between
/// the centres of neighbouring cells (the hexagon's width across its flat sides); each cell's area is
/// (√3/2)·cellSize². Row r sits at y₀ + 1.5·R·r with R = cellSize/√3, odd rows shifted half a cell east.
public struct HexGrid: Hashable, Sendable {
    public var cellSizeMetres: Double
    public var origin: GridPoint
    public var columns: Int
    public var rows: Int

    public var circumradiusMetres: Double { cellSizeMetres / 3.0.squareRoot() }
    public var cellAreaSquareMetres: Double { 3.0.squareRoot() / 2 * cellSizeMetres * cellSizeMetres }
    public var count: Int { columns * rows }

    public init(cellSizeMetres: Double, origin: GridPoint, columns: Int, rows: Int) {
        self.cellSizeMetres = cellSizeMetres
        self.origin = origin
        self.columns = columns
        self.rows = rows
    }

    /// The smallest grid whose cells cover the box around `points` widened by `paddingMetres`.
    public init(covering points: [GridPoint], cellSizeMetres: Double, paddingMetres: Double) {
        let xs = points.map(\.easting), ys = points.map(\.northing)
        let minX = (xs.min() ?? 0) - paddingMetres, maxX = (xs.max() ?? 0) + paddingMetres
        let minY = (ys.min() ?? 0) - paddingMetres, maxY = (ys.max() ?? 0) + paddingMetres
        let rowStep = 1.5 * cellSizeMetres / 3.0.squareRoot()
        let columns = Int(((maxX - minX) / cellSizeMetres).rounded(.up)) + 2
        let rows = Int(((maxY - minY) / rowStep).rounded(.up)) + 2
        self.init(cellSizeMetres: cellSizeMetres, origin: GridPoint(easting: minX, northing: minY),
                  columns: columns, rows: rows)
    }

    public func centre(_ index: Int) -> GridPoint {
        centre(column: index % columns, row: index / columns)
    }

    func centre(column: Int, row: Int) -> GridPoint {
        let shift = row % 2 == 1 ? cellSizeMetres / 2 : 0
        return GridPoint(easting: origin.easting + Double(column) * cellSizeMetres + shift,
                         northing: origin.northing + Double(row) * 1.5 * circumradiusMetres)
    }

    /// The cell whose hexagon holds the point (the nearest centre), or nil outside the grid.
    public func cell(containing point: GridPoint) -> Int? {
        let rowStep = 1.5 * circumradiusMetres
        let guessRow = Int(((point.northing - origin.northing) / rowStep).rounded())
        var best: (index: Int, distance: Double)?
        for row in (guessRow - 1)...(guessRow + 1) where row >= 0 && row < rows {
            let shift = row % 2 == 1 ? cellSizeMetres / 2 : 0
            let guessColumn = Int(((point.easting - origin.easting - shift) / cellSizeMetres).rounded())
            for column in (guessColumn - 1)...(guessColumn + 1) where column >= 0 && column < columns {
                let d = centre(column: column, row: row).distanceMetres(to: point)
                if best == nil || d < best!.distance { best = (row * columns + column, d) }
            }
        }
        // A point beyond the outer half-cell belongs to a hexagon outside the grid.
        guard let best, best.distance <= circumradiusMetres * (1 + 1e-9) else { return nil }
        return best.index
    }

    /// Corner points of a cell, counter-clockwise from the top (pointy-top), ring closed.
    public func corners(_ index: Int) -> [GridPoint] {
        let c = centre(index)
        let r = circumradiusMetres
        var ring: [GridPoint] = []
        for k in 0..<6 {
            let angle = Double.pi / 2 + Double(k) * Double.pi / 3
            ring.append(GridPoint(easting: c.easting + r * cos(angle), northing: c.northing + r * sin(angle)))
        }
        ring.append(ring[0])
        return ring
    }

    /// Cells whose centres lie within `distanceMetres` of cell `index`'s centre, itself included.
    public func neighbours(of index: Int, withinMetres distanceMetres: Double) -> [Int] {
        let c = centre(index)
        let column = index % columns, row = index / columns
        let rowSpan = Int((distanceMetres / (1.5 * circumradiusMetres)).rounded(.up)) + 1
        let columnSpan = Int((distanceMetres / cellSizeMetres).rounded(.up)) + 1
        var out: [Int] = []
        for r in max(0, row - rowSpan)...min(rows - 1, row + rowSpan) {
            for q in max(0, column - columnSpan)...min(columns - 1, column + columnSpan)
            where centre(column: q, row: r).distanceMetres(to: c) <= distanceMetres {
                out.append(r * columns + q)
            }
        }
        return out
    }
}
