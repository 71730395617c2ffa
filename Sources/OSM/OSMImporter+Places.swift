import Geo

/// Where a school or place is put: a node where it is, an area at the centroid of its ring, or of a
/// multipolygon's outer rings.
extension OSMImporter {
    /// Each school and place at a point: tagged nodes where they are, areas at their centroid; those
    /// outside the bounding box dropped; nodes first, then ways, then relations, each by id.
    func locatePlaces(ways: KeptWays, nodes: KeptNodes) -> [OSMPlace] {
        let coordinates = nodes.coordinates
        func points(_ refs: [Int64]) -> [LonLat] {
            refs.compactMap { ref in coordinates[ref].map { LonLat(lon: $0.lon, lat: $0.lat) } }
        }
        func isClosed(_ refs: [Int64]) -> Bool { refs.count >= 4 && refs.first == refs.last }

        var located: [OSMPlace] = nodes.pointPlaces
        for area in ways.areas {
            guard let centre = Self.centroid(points(area.refs), closed: isClosed(area.refs)) else { continue }
            located.append(OSMPlace(source: .way, id: area.id, position: centre, tags: area.tags))
        }
        for area in ways.relations {
            let rings = area.outerWays.compactMap { ways.outerWayRefs[$0] }.map { refs in
                (points: points(refs), closed: isClosed(refs))
            }
            guard let centre = Self.centroid(rings: rings) else { continue }
            located.append(OSMPlace(source: .relation, id: area.id, position: centre, tags: area.tags))
        }
        if let bbox = options.bbox {
            located.removeAll { !bbox.contains(lon: $0.position.lon, lat: $0.position.lat) }
        }
        located.sort { ($0.source.order, $0.id) < ($1.source.order, $1.id) }
        return located
    }

    /// The area-weighted centroid of a multipolygon's closed outer rings; the mean of every point
    /// when no ring is closed by itself (rings made of several ways).
    static func centroid(rings: [(points: [LonLat], closed: Bool)]) -> LonLat? {
        var weight = 0.0
        var lon = 0.0
        var lat = 0.0
        for ring in rings where ring.closed && ring.points.count >= 4 {
            guard let centre = centroid(ring.points, closed: true) else { continue }
            let area = abs(signedArea(ring.points))
            weight += area
            lon += centre.lon * area
            lat += centre.lat * area
        }
        if weight > 0 { return LonLat(lon: lon / weight, lat: lat / weight) }
        return centroid(rings.flatMap(\.points), closed: false)
    }

    static func signedArea(_ ring: [LonLat]) -> Double {
        guard let origin = ring.first, ring.count >= 4 else { return 0 }
        var sum = 0.0
        for index in 0..<(ring.count - 1) {
            let x0 = ring[index].lon - origin.lon, y0 = ring[index].lat - origin.lat
            let x1 = ring[index + 1].lon - origin.lon, y1 = ring[index + 1].lat - origin.lat
            sum += x0 * y1 - x1 * y0
        }
        return sum / 2
    }

    /// The area centroid of a closed ring (shoelace, in degrees: the areas are small, so the
    /// skew is negligible), else the mean of the points.
    static func centroid(_ points: [LonLat], closed: Bool) -> LonLat? {
        guard let origin = points.first else { return nil }
        if closed, points.count >= 4 {
            var area2 = 0.0
            var cx = 0.0
            var cy = 0.0
            for index in 0..<(points.count - 1) {
                // Relative to the first vertex, for precision.
                let x0 = points[index].lon - origin.lon, y0 = points[index].lat - origin.lat
                let x1 = points[index + 1].lon - origin.lon, y1 = points[index + 1].lat - origin.lat
                let cross = x0 * y1 - x1 * y0
                area2 += cross
                cx += (x0 + x1) * cross
                cy += (y0 + y1) * cross
            }
            if abs(area2) > 1e-18 {
                return LonLat(lon: origin.lon + cx / (3 * area2), lat: origin.lat + cy / (3 * area2))
            }
        }
        let count = Double(points.count)
        return LonLat(lon: points.reduce(0) { $0 + $1.lon } / count, lat: points.reduce(0) { $0 + $1.lat } / count)
    }
}
