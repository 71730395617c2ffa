import ArgumentParser
import Foundation
import SUMO

struct ImportSUMOCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-sumo",
        abstract: "Import a SUMO road network (.net.xml) as an area's streets.geojson.",
        discussion: """
        Reads a network that SUMO's netconvert made from OpenStreetMap, places it on the map from its \
        own <location> (projParameter and netOffset, through PROJ), and writes DIR/streets.geojson in the \
        same schema as import-osm (docs/data-formats.md), plus a README with the attribution and counts. \
        Internal edges are left out. A street is two-way when an edge runs the other way between the same \
        two junctions; one-way streets are drawn in their driving direction.

        SUMO networks carry no street names. With --name-from, names are inferred from police.uk \
        street-level crime CSV map points ("On or near Shirley High Street") within 20 m of each OSM way, \
        where one name has a clear majority; such names carry name_source "police.uk map points".

        Example:
          patrol import-sumo geodata/sources/southampton-centre_2018-08_sumo.net.xml \\
            --out geodata/southampton --readme README-streets.md \\
            --name-from geodata/sources/police-uk_hampshire-street_2017-02_to_2017-07_southampton-bbox.csv
        """
    )

    @Argument(help: "The SUMO network file (.net.xml).")
    var network: String

    @Option(name: .long, help: "The area folder to write streets.geojson and the README into.")
    var out: String

    @Option(name: .customLong("name-from"), help: "A police.uk street-level crime CSV to infer street names from.")
    var nameFrom: String?

    @Option(name: .long, help: "The README's file name inside --out (keep an area's own README.md by naming another).")
    var readme: String = "README.md"

    func validate() throws {
        guard FileManager.default.isReadableFile(atPath: network) else {
            throw ValidationError("cannot read the network file \(network)")
        }
        if let nameFrom, !FileManager.default.isReadableFile(atPath: nameFrom) {
            throw ValidationError("cannot read the police.uk CSV \(nameFrom)")
        }
        guard !readme.isEmpty, !readme.contains("/"), readme != "streets.geojson" else {
            throw ValidationError("--readme must be a plain file name other than streets.geojson")
        }
    }

    func run() throws {
        let started = Date()
        // Errors are UserFacingError: ErrorReporting prints one line and a hint and exits with their code.
        let report = try SUMOImport.run(input: URL(fileURLWithPath: network), outputDirectory: URL(fileURLWithPath: out),
                                        nameFrom: nameFrom.map { URL(fileURLWithPath: $0) }, readmeName: readme,
                                        commandLine: commandLine)
        print("\(report.edges) edges, \(report.junctions) junctions → \(report.streets) streets "
            + "(\(report.twoWayStreets) two-way, \(report.oneWayStreets) one-way) from \(report.osmWays) OSM ways")
        if !report.nonIntegerJunctionIDs.isEmpty {
            print("\(report.nonIntegerJunctionIDs.count) junction ids are not OSM node ids and got stable negative numbers")
        }
        if !report.skippedEdgeIDs.isEmpty {
            print("\(report.skippedEdgeIDs.count) edges left out: their type is not highway.*")
        }
        if let naming = report.naming {
            print("names: \(naming.waysNamed) of \(naming.ways) OSM ways named from police.uk map points "
                + "(\(naming.waysAmbiguous) without a clear majority, \(naming.waysWithoutNamedPoints) with no named point nearby)")
        }
        for file in report.writtenFiles { print("wrote \(file)") }
        printError(String(format: "import took %.2f s", Date().timeIntervalSince(started)))
    }

    /// This command as typed, with the program called plain `patrol`, for the README.
    private var commandLine: String {
        var parts = ["patrol", "import-sumo", network, "--out", out]
        if let nameFrom { parts += ["--name-from", nameFrom] }
        if readme != "README.md" { parts += ["--readme", readme] }
        return parts.joined(separator: " ")
    }

    private func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
