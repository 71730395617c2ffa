import Geo

/// Quartic (biweight) kernel density in BNG metres: K(d) = 3 / (π h²) · (1 − d²/h²)² for d < h, else 0.
/// It integrates to 1 over the plane, so the intensity (weighted points per m²) integrates to the total weight.
///
/// Bandwidth rule: h = the hex cell size (150 m by default), fixed rather than data-driven so that maps of
/// different months stay comparable (Silverman's rule would change h with every month's spread). It is the
/// smallest h for which every point reaches the centre of its own hexagon (a hexagon's corners are 0.577 h
/// from its centre) while the surface still stays local: stops cluster tightly at shops and parks. On the real
/// police.uk points (Feb–May map, Jun–Jul events, 150 m hexes) PAI at 5 % of area was 11.9 for h = 100 m,
/// 11.3 for 150 m, 10.8 for 200 m and 10.1 for 300 m; see tools/validate-police-uk.
public enum KernelDensity {
    public static func bandwidthMetres(cellSizeMetres: Double) -> Double { cellSizeMetres }

    public static func quartic(distanceMetres d: Double, bandwidthMetres h: Double) -> Double {
        guard d < h else { return 0 }
        let u = 1 - (d * d) / (h * h)
        return 3 / (Double.pi * h * h) * u * u
    }

    /// Intensity at each location from weighted points, with a bucket grid of cell h for the search.
    public static func intensity(at locations: [GridPoint], points: [GridPoint], weights: [Double],
                                 bandwidthMetres h: Double) -> [Double] {
        struct Bucket: Hashable { var i: Int; var j: Int }
        func bucket(_ p: GridPoint) -> Bucket {
            Bucket(i: Int((p.easting / h).rounded(.down)), j: Int((p.northing / h).rounded(.down)))
        }
        var buckets: [Bucket: [Int]] = [:]
        for (index, point) in points.enumerated() { buckets[bucket(point), default: []].append(index) }
        return locations.map { location in
            let b = bucket(location)
            var sum = 0.0
            for di in -1...1 {
                for dj in -1...1 {
                    for index in buckets[Bucket(i: b.i + di, j: b.j + dj)] ?? [] {
                        sum += weights[index] * quartic(distanceMetres: points[index].distanceMetres(to: location),
                                                        bandwidthMetres: h)
                    }
                }
            }
            return sum
        }
    }
}
