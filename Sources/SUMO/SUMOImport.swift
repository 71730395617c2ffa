import Base
import Foundation
import Geo

/// `patrol import-sumo`: a SUMO network into an area folder's `streets.geojson` and a README.
public enum SUMOImport {
    public static let attribution = "© OpenStreetMap contributors, ODbL 1.0; converted by SUMO netconvert"

    public struct Report: Hashable, Sendable {
        /// Non-internal edges and junctions read.
        public var edges: Int
        public var junctions: Int
        public var streets: Int
        public var oneWayStreets: Int
        public var twoWayStreets: Int
        public var osmWays: Int
        public var skippedEdgeIDs: [String]
        public var nonIntegerJunctionIDs: [String]
        public var naming: StreetNameInference.Summary?
        public var gridOperation: String?
        public var writtenFiles: [String]
    }

    /// Reads the network, builds the streets and names them from `nameFrom` (a police.uk CSV) if given.
    public static func streets(fromNetworkAt input: URL, nameFrom: URL? = nil,
                               inference: StreetNameInference = StreetNameInference()) throws -> (streets: [SUMOStreet], report: Report) {
        let network = try SUMOReader.read(contentsOf: input)
        let georeference = try SUMOGeoreference(network.location, fileName: input.path)
        let built = try SUMOStreetBuilder.build(network, georeference: georeference, fileName: input.path)
        var streets = built.streets
        var naming: StreetNameInference.Summary?
        if let nameFrom {
            let points = try PoliceMapPoints.read(contentsOf: nameFrom)
            naming = try inference.apply(to: &streets, mapPoints: points)
        }
        let oneWay = streets.filter(\.isOneWay).count
        let report = Report(
            edges: network.edges.count, junctions: network.junctions.count, streets: streets.count,
            oneWayStreets: oneWay, twoWayStreets: streets.count - oneWay,
            osmWays: Set(streets.map(\.osmWayID)).count,
            skippedEdgeIDs: built.skippedEdgeIDs, nonIntegerJunctionIDs: built.nonIntegerJunctionIDs,
            naming: naming, gridOperation: georeference.gridOperationName, writtenFiles: []
        )
        return (streets, report)
    }

    public static func featureCollection(_ streets: [SUMOStreet]) -> FeatureCollection {
        FeatureCollection(features: streets.map(\.feature), foreignMembers: ["attribution": .string(attribution)])
    }

    /// Writes `streets.geojson` and the README (`readmeName`, README.md by default) into `outputDirectory`,
    /// each whole or not at all.
    @discardableResult
    /// `commandLine`, when given, is written into the README so the folder says how to make it again.
    public static func run(input: URL, outputDirectory: URL, nameFrom: URL? = nil, readmeName: String = "README.md",
                           inference: StreetNameInference = StreetNameInference(), commandLine: String? = nil) throws -> Report {
        let result = try streets(fromNetworkAt: input, nameFrom: nameFrom, inference: inference)
        var report = result.report
        let streetsURL = outputDirectory.appendingPathComponent("streets.geojson")
        try AtomicFile.write(GeoJSONWriter.string(featureCollection(result.streets)), to: streetsURL)
        let readmeURL = outputDirectory.appendingPathComponent(readmeName)
        try AtomicFile.write(readme(input: input, nameFrom: nameFrom, report: report, inference: inference,
                                    commandLine: commandLine), to: readmeURL)
        report.writtenFiles = [streetsURL.path, readmeURL.path]
        return report
    }

    /// The README: attribution, the source, the rules used and the counts; nothing that changes between runs.
    public static func readme(input: URL, nameFrom: URL?, report: Report, inference: StreetNameInference,
                              commandLine: String? = nil) -> String {
        var lines = [
            "# streets.geojson from a SUMO network",
            "",
            "Map data \(attribution). https://www.openstreetmap.org/copyright",
            "",
            "- Source: `\(input.lastPathComponent)`, a SUMO road network that netconvert made from OpenStreetMap.",
            "- Made by `patrol import-sumo`. Positions: the file's `projParameter` and `netOffset`, through PROJ, to WGS84 and British National Grid"
                + (report.gridOperation.map { " (BNG operation: \($0))" } ?? "") + ".",
            "- \(report.edges) directed edges (internal edges left out) and \(report.junctions) junctions became \(report.streets) street segments"
                + " from \(report.osmWays) OSM ways: \(report.twoWayStreets) two-way, \(report.oneWayStreets) one-way.",
            "- A street is two-way when an edge runs the other way between the same two junctions; one-way streets are drawn in their driving direction.",
            "- `from_node`/`to_node` are the junction ids, which are OSM node ids. A junction id that is not a number (`cluster_…`, `gneJ…`) gets a stable negative number (FNV-1a hash of the id); "
                + (report.nonIntegerJunctionIDs.isEmpty ? "this network has none." : "this network has \(report.nonIntegerJunctionIDs.count): \(report.nonIntegerJunctionIDs.joined(separator: ", ")).") ,
            "- `maxspeed` is given only where a lane's speed differs from netconvert's default for the road class, i.e. where OSM had a `maxspeed` tag.",
            "- A car network: `scan_only` is false everywhere, and there are no footways, alleys or service roads.",
        ]
        if let commandLine {
            lines.append("- Made again, from the repository root, with `\(commandLine)`.")
        }
        if !report.skippedEdgeIDs.isEmpty {
            lines.append("- \(report.skippedEdgeIDs.count) edges whose type is not `highway.*` were left out.")
        }
        if let naming = report.naming, let nameFrom {
            lines += [
                "",
                "## Street names (inferred)",
                "",
                "The network has no street names. They were inferred from police.uk street-level crime map points in `\(nameFrom.lastPathComponent)`"
                    + " (Contains public sector information licensed under the Open Government Licence v3.0).",
                "Each distinct map point votes for the street its location names (\"On or near …\") on the OSM way nearest to it, within \(Int(inference.radiusMetres)) m;"
                    + " place categories such as \"Shopping Area\" or \"Park/Open Space\" do not vote. A way takes its top name when no other name ties with it,"
                    + " it has at least \(Int((inference.minimumShare * 100).rounded())) % of the way's votes, and it has at least \(inference.minimumPoints) points"
                    + " or one point within \(Int(inference.onStreetMetres)) m of the way; otherwise the name is empty.",
                "Inferred names carry `name_source: \"\(SUMOStreet.inferredNameSource)\"`.",
                "",
                "- \(naming.mapPoints) distinct map points read, \(naming.streetMapPoints) of them naming a street.",
                "- \(naming.waysNamed) of \(naming.ways) OSM ways named (\(naming.streetsNamed) street segments); \(naming.waysAmbiguous) ways left unnamed for want of a clear majority,"
                    + " \(naming.waysWithoutNamedPoints) with no named point near them.",
            ]
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }
}
