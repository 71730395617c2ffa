import CGEOS

/// One answer from a `SpatialIndex`: which item, and how far it is from the query.
public struct SpatialIndexHit: Hashable, Sendable {
    public var id: Int
    public var distanceMetres: Double

    public init(id: Int, distanceMetres: Double) {
        self.id = id
        self.distanceMetres = distanceMetres
    }
}

/// A GEOS STRtree over geometries named by Int ids, e.g. street segments for snapping points.
///
/// Built once from all its items (an STRtree cannot take more after its first query). It keeps the
/// item geometries alive as long as it lives, because the exact-distance callbacks read them.
/// Not Sendable: it belongs to the task whose `GEOSContext` made it.
public final class SpatialIndex {
    public let context: GEOSContext
    private let tree: OpaquePointer
    /// The items, in insertion order; the tree stores `position + 1` as each item's pointer.
    let geometries: [Geometry]
    /// The same items' GEOS pointers, made once so that a query does not rebuild them.
    let rawItems: [OpaquePointer]
    let ids: [Int]

    /// - Parameter nodeCapacity: children per tree node; GEOS's usual 10 suits thousands of segments.
    public init(items: [(id: Int, geometry: Geometry)], context: GEOSContext, nodeCapacity: Int = 10) throws {
        for (position, item) in items.enumerated() {
            try context.require(item.geometry, "spatial index item \(position) (id \(item.id))")
            if try item.geometry.isEmpty() {
                throw GeometryError.unexpectedType(operation: "spatial index item \(position) (id \(item.id))",
                                                   expected: "a non-empty geometry", found: "an empty one")
            }
        }
        context.clearMessages()
        guard let tree = GEOSSTRtree_create_r(context.handle, max(2, nodeCapacity)) else {
            throw context.failure("STRtree")
        }
        self.context = context
        self.tree = tree
        self.geometries = items.map(\.geometry)
        self.rawItems = geometries.map(\.raw)
        self.ids = items.map(\.id)
        for (position, geometry) in geometries.enumerated() {
            // The tree copies the envelope; the pointer it stores is only a position tag.
            GEOSSTRtree_insert_r(context.handle, tree, geometry.raw, Self.tag(position))
        }
        if !context.errors.isEmpty { throw context.failure("STRtree insert") }
    }

    deinit {
        GEOSSTRtree_destroy_r(context.handle, tree)
    }

    public var count: Int { ids.count }

    /// The item position stored in the tree, offset by one so that no item is a null pointer.
    static func tag(_ position: Int) -> UnsafeMutableRawPointer {
        UnsafeMutableRawPointer(bitPattern: position + 1)!
    }

    static func position(_ tag: UnsafeRawPointer) -> Int {
        Int(bitPattern: tag) - 1
    }

    /// Positions of the items whose envelopes meet `bounds` (a fast filter, not an exact test).
    func candidatePositions(_ bounds: GridBounds) throws -> [Int] {
        let window = try Geometry.rectangle(bounds, context: context)
        let collector = PositionCollector()
        context.clearMessages()
        withExtendedLifetime(collector) {
            GEOSSTRtree_query_r(context.handle, tree, window.raw, collectPosition,
                                Unmanaged.passUnretained(collector).toOpaque())
        }
        if !context.errors.isEmpty { throw context.failure("STRtree query") }
        return collector.positions
    }

    /// Ids of the items whose envelopes meet `bounds`, in insertion order.
    public func candidates(intersecting bounds: GridBounds) throws -> [Int] {
        try candidatePositions(bounds).sorted().map { ids[$0] }
    }

    func treeNearest(_ query: Geometry, search: NearestSearch) throws -> Int? {
        context.clearMessages()
        let found = withExtendedLifetime(search) {
            GEOSSTRtree_nearest_generic_r(context.handle, tree, Self.tag(search.queryPosition), query.raw,
                                          itemDistance, Unmanaged.passUnretained(search).toOpaque())
        }
        guard let found else { throw context.failure("STRtree nearest") }
        return Self.position(found)
    }
}

/// Gathers the item positions an STRtree query visits.
final class PositionCollector {
    var positions: [Int] = []
}

private func collectPosition(_ item: UnsafeMutableRawPointer?, _ userData: UnsafeMutableRawPointer?) {
    guard let item, let userData else { return }
    Unmanaged<PositionCollector>.fromOpaque(userData).takeUnretainedValue()
        .positions.append(SpatialIndex.position(item))
}
