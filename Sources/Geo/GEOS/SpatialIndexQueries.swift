import CGEOS

/// What the nearest-item distance callback needs: the items and the query, reached through userdata.
final class NearestSearch {
    let handle: GEOSContextHandle_t
    let items: [OpaquePointer]
    let query: OpaquePointer
    /// The tag position that stands for the query itself (one past the last item).
    var queryPosition: Int { items.count }

    init(handle: GEOSContextHandle_t, items: [OpaquePointer], query: OpaquePointer) {
        self.handle = handle
        self.items = items
        self.query = query
    }

    func geometry(_ tag: UnsafeRawPointer) -> OpaquePointer? {
        let position = SpatialIndex.position(tag)
        if position == queryPosition { return query }
        return items.indices.contains(position) ? items[position] : nil
    }
}

/// GEOSDistanceCallback: the exact distance between two tagged items. GEOS 3.11 treats a
/// non-zero return as success (its header comment says the opposite; the code decides).
func itemDistance(_ first: UnsafeRawPointer?, _ second: UnsafeRawPointer?,
                  _ distance: UnsafeMutablePointer<Double>?, _ userData: UnsafeMutableRawPointer?) -> Int32 {
    guard let first, let second, let distance, let userData else { return 0 }
    let search = Unmanaged<NearestSearch>.fromOpaque(userData).takeUnretainedValue()
    guard let a = search.geometry(first), let b = search.geometry(second) else { return 0 }
    return GEOSDistance_r(search.handle, a, b, distance)
}

extension SpatialIndex {
    /// The item closest to `query` by exact geometry distance, or nil for an empty index.
    /// Among items at exactly the same distance, any one may be returned.
    public func nearest(to query: Geometry) throws -> SpatialIndexHit? {
        if count == 0 { return nil }
        try context.require(query, "nearest")
        if try query.isEmpty() {
            throw GeometryError.unexpectedType(operation: "nearest", expected: "a non-empty query", found: "an empty one")
        }
        let search = NearestSearch(handle: context.handle, items: rawItems, query: query.raw)
        guard let position = try treeNearest(query, search: search), geometries.indices.contains(position) else {
            throw GeometryError.operationFailed(operation: "STRtree nearest", message: "the tree returned an unknown item")
        }
        return SpatialIndexHit(id: ids[position], distanceMetres: try geometries[position].distanceMetres(to: query))
    }

    public func nearest(to point: GridPoint) throws -> SpatialIndexHit? {
        try nearest(to: Geometry.point(point, context: context))
    }

    /// Every item within `metres` of `query` (distance ≤ metres), nearest first, ties by id.
    /// The tree narrows the search to envelopes within reach; exact distances decide.
    public func within(metres: Double, of query: Geometry) throws -> [SpatialIndexHit] {
        try context.require(query, "within distance")
        guard metres >= 0, metres.isFinite else {
            throw GeometryError.operationFailed(operation: "within distance", message: "distance must be finite and ≥ 0, got \(metres)")
        }
        if count == 0 { return [] }
        if try query.isEmpty() { return [] }
        var hits: [SpatialIndexHit] = []
        for position in try candidatePositions(query.bounds().expanded(byMetres: metres)) {
            let distance = try geometries[position].distanceMetres(to: query)
            if distance <= metres { hits.append(SpatialIndexHit(id: ids[position], distanceMetres: distance)) }
        }
        return hits.sorted { ($0.distanceMetres, $0.id) < ($1.distanceMetres, $1.id) }
    }

    public func within(metres: Double, of point: GridPoint) throws -> [SpatialIndexHit] {
        try within(metres: metres, of: Geometry.point(point, context: context))
    }
}
