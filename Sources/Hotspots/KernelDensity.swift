import Geo

/// Quartic (biweight) kernel density in BNG metres: K(d) = 3 / (π h²) · (1 − d²/h²)² for d < h, else 0.
/// It integrates to 1 over the plane, so the intensity (weighted points per m²) integrates to the total weight.
///
/// Bandwidth rule: a fixed h, 300 m by default, about twice the default cell and a four-minute walk: the
/// distance a child seen at a shop would cover before a pair reaches them. A fixed rule keeps maps of
/// different months comparable, which a data-driven rule (Silverman's) would not.
public enum KernelDensity {
    public static let defaultBandwidthMetres = 300.0

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
