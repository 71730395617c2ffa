import CGEOS

extension Geometry {
    /// The Voronoi cell of each site, clipped to `bounds`: `result[i]` is the cell of `sites[i]`
    /// (sites at the same place share a cell). GEOS extends the diagram past the sites and does not
    /// clip it, and returns cells in its own order, so each cell is matched to the site it covers
    /// and then intersected with the bounds.
    public static func voronoiCells(sites: [GridPoint], clippedTo bounds: GridBounds,
                                    context: GEOSContext) throws -> [Geometry] {
        let clip = try Geometry.rectangle(bounds, context: context)
        if sites.isEmpty { return [] }
        if Set(sites).count == 1 { return try sites.map { _ in try clip.clone() } }
        let siteGeometry = try Geometry(.multiPoint(sites), context: context)
        context.clearMessages()
        let diagram = try context.own(GEOSVoronoiDiagram_r(context.handle, siteGeometry.raw, clip.raw, 0, 0),
                                      "Voronoi diagram")
        let cells = try diagram.parts()
        let cellBounds = try cells.map { try $0.bounds() }
        let prepared = try cells.map { try $0.prepared() }
        return try sites.enumerated().map { index, site in
            let point = try Geometry.point(site, context: context)
            for (cell, box) in cellBounds.enumerated() where box.contains(site) {
                if try prepared[cell].covers(point) { return try cells[cell].intersection(clip) }
            }
            throw GeometryError.operationFailed(operation: "Voronoi diagram",
                                                message: "no cell covers site \(index) at \(site)")
        }
    }
}
