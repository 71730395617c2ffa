import Geo

/// The part of the British National Grid the map shows and its pixel scale. One scale for both axes:
/// a kilometre east is as long on the page as a kilometre north.
struct MapFrame {
    var minEasting: Double
    var maxNorthing: Double
    var pixelsPerMetre: Double
    var width: Double
    var height: Double

    var maxEasting: Double { minEasting + width / pixelsPerMetre }
    var minNorthing: Double { maxNorthing - height / pixelsPerMetre }

    func x(_ easting: Double) -> Double { (easting - minEasting) * pixelsPerMetre }
    func y(_ northing: Double) -> Double { (maxNorthing - northing) * pixelsPerMetre }

    /// Frames the points with a margin, within `maxWidth` × `maxHeight` pixels, never narrower than
    /// `minimumMetres` (one hotspot alone still gets a readable neighbourhood) nor smaller than the minimum page.
    init(fitting points: [GridPoint], maxWidth: Double, maxHeight: Double, minWidth: Double, minHeight: Double,
         marginFraction: Double = 0.06, minimumMetres: Double = 800) {
        var minE = Double.infinity, maxE = -Double.infinity, minN = Double.infinity, maxN = -Double.infinity
        for point in points {
            minE = min(minE, point.easting); maxE = max(maxE, point.easting)
            minN = min(minN, point.northing); maxN = max(maxN, point.northing)
        }
        let centreE = (minE + maxE) / 2, centreN = (minN + maxN) / 2
        let spanE = max(maxE - minE, minimumMetres) * (1 + 2 * marginFraction)
        let spanN = max(maxN - minN, minimumMetres) * (1 + 2 * marginFraction)
        let scale = min(maxWidth / spanE, maxHeight / spanN)
        width = max(spanE * scale, minWidth).rounded()
        height = max(spanN * scale, minHeight).rounded()
        pixelsPerMetre = scale
        minEasting = centreE - width / scale / 2
        maxNorthing = centreN + height / scale / 2
    }

    /// True when the box (in metres) touches the frame, with `slackMetres` around it.
    func touches(minE: Double, minN: Double, maxE: Double, maxN: Double, slackMetres: Double = 0) -> Bool {
        maxE >= minEasting - slackMetres && minE <= maxEasting + slackMetres
            && maxN >= minNorthing - slackMetres && minN <= maxNorthing + slackMetres
    }
}

/// Lon/lat to page pixels through PROJ (WGS84 → EPSG:27700) and the frame.
final class PageProjector {
    let projection: Projection
    var frame: MapFrame

    init(projection: Projection, frame: MapFrame) {
        self.projection = projection
        self.frame = frame
    }

    func xy(_ point: LonLat) throws -> (x: Double, y: Double) {
        let grid = try projection.grid(point)
        return (frame.x(grid.easting), frame.y(grid.northing))
    }

    func xy(_ points: [LonLat]) throws -> [(x: Double, y: Double)] {
        var out: [(x: Double, y: Double)] = []
        out.reserveCapacity(points.count)
        for point in points { out.append(try xy(point)) }
        return out
    }

    /// A lon/lat box sure to contain everything in the frame, for cheap rejection before projecting:
    /// the frame's corners and edge midpoints, padded by a tenth.
    func lonLatBounds() throws -> (minLon: Double, minLat: Double, maxLon: Double, maxLat: Double) {
        let f = frame
        let midE = (f.minEasting + f.maxEasting) / 2, midN = (f.minNorthing + f.maxNorthing) / 2
        let corners = [
            GridPoint(easting: f.minEasting, northing: f.minNorthing), GridPoint(easting: f.maxEasting, northing: f.minNorthing),
            GridPoint(easting: f.minEasting, northing: f.maxNorthing), GridPoint(easting: f.maxEasting, northing: f.maxNorthing),
            GridPoint(easting: midE, northing: f.minNorthing), GridPoint(easting: midE, northing: f.maxNorthing),
            GridPoint(easting: f.minEasting, northing: midN), GridPoint(easting: f.maxEasting, northing: midN),
        ]
        let lonLats = try projection.lonLat(corners)
        let lons = lonLats.map(\.lon), lats = lonLats.map(\.lat)
        let padLon = (lons.max()! - lons.min()!) * 0.1, padLat = (lats.max()! - lats.min()!) * 0.1
        return (lons.min()! - padLon, lats.min()! - padLat, lons.max()! + padLon, lats.max()! + padLat)
    }
}
