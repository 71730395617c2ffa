import Geo
import Streets

/// The streets a patch asks the pair to cover: drivable edges whose middle lies inside the patch,
/// and scan-only paths (footpaths, alleys) inside it, each to be looked along from the nearest street.
public struct PatchStreets: Sendable {
    public let patchID: String
    public let requiredEdges: [Int]
    public let scanPaths: [Int]
    public let requiredLengthMetres: Double

    public var isEmpty: Bool { requiredEdges.isEmpty }

    public init(patchID: String, requiredEdges: [Int], scanPaths: [Int], requiredLengthMetres: Double) {
        self.patchID = patchID
        self.requiredEdges = requiredEdges
        self.scanPaths = scanPaths
        self.requiredLengthMetres = requiredLengthMetres
    }

    /// Selects by the middle point of each edge's geometry, so a street that only grazes the
    /// boundary is not swept and one that crosses it is swept once, by the patch holding most of it.
    public static func select(patch: Patch, network: StreetNetwork, projection: Projection, context: GEOSContext) throws -> PatchStreets {
        let outline = try patch.outline.geometry(using: projection, context: context)
        let prepared = try outline.prepared()
        let bounds = try outline.bounds()
        var required: [Int] = []
        var length = 0.0
        for edge in 0..<network.edgeCount {
            let points = network.geometry(ofEdge: edge)
            guard let middle = Polyline.midpoint(points), bounds.contains(middle), try prepared.contains(middle) else { continue }
            required.append(edge)
            length += network.edges[edge].lengthMetres
        }
        var scans: [Int] = []
        for (index, path) in network.scanPaths.enumerated() {
            guard let middle = Polyline.midpoint(path.geometry[...]), bounds.contains(middle), try prepared.contains(middle) else { continue }
            scans.append(index)
        }
        return PatchStreets(patchID: patch.id, requiredEdges: required, scanPaths: scans, requiredLengthMetres: length)
    }
}

enum Polyline {
    /// The point halfway along a polyline, by length.
    static func midpoint(_ points: ArraySlice<GridPoint>) -> GridPoint? {
        guard let first = points.first else { return nil }
        var total = 0.0
        var previous = first
        for point in points.dropFirst() {
            total += previous.distanceMetres(to: point)
            previous = point
        }
        var remaining = total / 2
        previous = first
        for point in points.dropFirst() {
            let step = previous.distanceMetres(to: point)
            if step >= remaining, step > 0 {
                let t = remaining / step
                return GridPoint(easting: previous.easting + t * (point.easting - previous.easting),
                                 northing: previous.northing + t * (point.northing - previous.northing))
            }
            remaining -= step
            previous = point
        }
        return previous
    }
}

extension StreetNetwork {
    /// A street's name for messages; an unnamed one is named by its OSM way, so a planner can find it.
    public func label(ofEdge edge: Int) -> String {
        let name = name(ofEdge: edge)
        return name.isEmpty ? "unnamed street (OSM way \(edges[edge].osmWayID))" : name
    }
}
