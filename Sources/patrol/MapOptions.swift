import ArgumentParser
import Foundation
import Hotspots

/// The weighting and heat-map flags of `hotspots` and `review`.
struct MapOptions: ParsableArguments {
    @Option(help: "Snap stops to a known hotspot within this many metres.")
    var radius: Double = 150

    @Option(help: "DBSCAN neighbourhood in metres for proposing new hotspots.")
    var eps: Double = 150

    @Option(name: .customLong("min-pts"), help: "DBSCAN minimum stops for a proposed hotspot.")
    var minPoints: Int = 4

    @Option(name: .customLong("half-life"), help: "Half-life of a stop's weight, in days.")
    var halfLifeDays: Double = 90

    @Option(name: .customLong("reason-weights"), help: "JSON file of reason weights, e.g. {\"truanting\": 1.0}.")
    var reasonWeights: String?

    @Option(help: "Hexagon size (distance between neighbouring centres), metres.")
    var cell: Double = 150

    @Option(help: "Quartic kernel bandwidth, metres. Default: the cell size (see docs/hotspots.md).")
    var bandwidth: Double?

    @Option(name: .customLong("gi-distance"), help: "Gi* distance band, metres. Default: the cell and its six neighbours.")
    var giDistance: Double?

    func validate() throws {
        for (name, value) in [("radius", radius), ("eps", eps), ("half-life", halfLifeDays), ("cell", cell), ("bandwidth", bandwidth ?? cell)]
        where !(value.isFinite && value > 0) {
            throw ValidationError("--\(name) must be a positive number of \(name == "half-life" ? "days" : "metres")")
        }
        if minPoints < 1 { throw ValidationError("--min-pts must be at least 1") }
        if let giDistance, !(giDistance.isFinite && giDistance > 0) { throw ValidationError("--gi-distance must be positive") }
    }

    func weightOptions() throws -> WeightOptions {
        var options = WeightOptions()
        options.snapRadiusMetres = radius
        options.clusterEpsMetres = eps
        options.clusterMinPoints = minPoints
        options.decay = Decay(halfLifeDays: halfLifeDays)
        if let reasonWeights { options.reasonWeights = try ReasonWeights.read(contentsOf: URL(fileURLWithPath: reasonWeights)) }
        return options
    }

    var heatOptions: HeatMapOptions {
        var options = HeatMapOptions()
        options.cellSizeMetres = cell
        options.bandwidthMetres = bandwidth
        options.giDistanceMetres = giDistance
        return options
    }
}
