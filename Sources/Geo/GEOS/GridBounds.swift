import CGEOS

/// An axis-aligned box in British National Grid metres.
public struct GridBounds: Hashable, Sendable, CustomStringConvertible {
    public var minEasting: Double
    public var minNorthing: Double
    public var maxEasting: Double
    public var maxNorthing: Double

    public init(minEasting: Double, minNorthing: Double, maxEasting: Double, maxNorthing: Double) {
        self.minEasting = minEasting
        self.minNorthing = minNorthing
        self.maxEasting = maxEasting
        self.maxNorthing = maxNorthing
    }

    public var widthMetres: Double { maxEasting - minEasting }
    public var heightMetres: Double { maxNorthing - minNorthing }
    public var areaSquareMetres: Double { widthMetres * heightMetres }

    /// The box grown by `metres` on every side.
    public func expanded(byMetres metres: Double) -> GridBounds {
        GridBounds(minEasting: minEasting - metres, minNorthing: minNorthing - metres,
                   maxEasting: maxEasting + metres, maxNorthing: maxNorthing + metres)
    }

    public func contains(_ point: GridPoint) -> Bool {
        (minEasting...maxEasting).contains(point.easting) && (minNorthing...maxNorthing).contains(point.northing)
    }

    /// The closed counter-clockwise ring around the box.
    public var ring: [GridPoint] {
        [GridPoint(easting: minEasting, northing: minNorthing), GridPoint(easting: maxEasting, northing: minNorthing),
         GridPoint(easting: maxEasting, northing: maxNorthing), GridPoint(easting: minEasting, northing: maxNorthing),
         GridPoint(easting: minEasting, northing: minNorthing)]
    }

    public var description: String { "[E \(minEasting)…\(maxEasting), N \(minNorthing)…\(maxNorthing)]" }
}

extension Geometry {
    /// The bounding box; throws for an empty geometry, which has none.
    public func bounds() throws -> GridBounds {
        context.clearMessages()
        var minX = 0.0, minY = 0.0, maxX = 0.0, maxY = 0.0
        try context.status(GEOSGeom_getExtent_r(context.handle, raw, &minX, &minY, &maxX, &maxY), "bounds")
        return GridBounds(minEasting: minX, minNorthing: minY, maxEasting: maxX, maxNorthing: maxY)
    }

    /// The bounding box as a geometry (a point or polygon, as GEOS's envelope gives it).
    public func envelope() throws -> Geometry {
        context.clearMessages()
        return try context.own(GEOSEnvelope_r(context.handle, raw), "envelope")
    }
}
