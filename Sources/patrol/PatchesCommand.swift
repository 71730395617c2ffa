import ArgumentParser
import Base
import Foundation
import Geo
import Planner
import Streets

struct PatchesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patches",
        abstract: "Build patch polygons around schools from their street catchments, or check hand-edited patches.",
        discussion: """
        Each drivable street goes to the school (or group of schools) nearest to it by travel time, \
        within --max-minutes. A patch is the band around its streets, smoothed, with small holes \
        dropped; later patches are clipped by earlier ones so none overlap. \
        Without --schools, the area's patches.geojson is checked instead: validity, overlaps not \
        listed in overlap_allowed, and patches with no streets inside.

        Examples:
          patrol patches --data geodata/southampton --schools "Wordsworth Primary School;Oakwood Primary School" --out patches.geojson
          patrol patches --data geodata/southampton --schools "Newlands Primary School" \\
            --group "shirley=Foundry Lane Primary School,Regents Park Community College" --out patches.geojson
          patrol patches --data geodata/southampton
        """
    )

    @Option(help: "The area folder (streets.geojson and schools.geojson).") var data: String = "geodata/southampton"
    @Option(help: "School names separated by \";\"; each becomes its own patch unless grouped.") var schools: String?
    @Option(name: .customLong("group"), help: "A patch around several schools: \"patch-id=School 1,School 2\" (repeatable).")
    var groups: [String] = []
    @Option(help: "Streets farther than this many minutes' drive from every chosen school are left out.") var maxMinutes: Double = 8
    @Option(help: "Where to write the patches (RFC 7946 GeoJSON).") var out: String?

    func validate() throws {
        if !(maxMinutes > 0 && maxMinutes <= 60) { throw ValidationError("--max-minutes must be more than 0 and at most 60") }
        if schools == nil, groups.isEmpty, out != nil { throw ValidationError("--out needs --schools or --group to build from") }
        if schools != nil || !groups.isEmpty, out == nil { throw ValidationError("--out is needed when building patches") }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: data)
        guard schools != nil || !groups.isEmpty else {
            try check(folder)
            return
        }
        let names = (schools ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let patchGroups = try PatchGroup.groups(schools: names, explicit: groups)
        let streetsURL = folder.appendingPathComponent("streets.geojson")
        guard FileManager.default.fileExists(atPath: streetsURL.path) else {
            throw AreaError(file: streetsURL.path, message: "missing", hint: "patches are built from the streets; import them first", exitCode: .noInput)
        }
        let network = try StreetNetwork.load(contentsOf: streetsURL).largestStronglyConnectedComponent().network
        var options = PatchBuildOptions()
        options.maxMinutes = maxMinutes
        let builder = PatchBuilder(network: network, projection: try Projection.bng(), context: try GEOSContext())
        let built = try builder.build(groups: patchGroups, schools: try PatchBuilder.schools(in: folder), options: options)
        let collection = PatchBuilder.featureCollection(built.map(\.patch))
        try AtomicFile.write(GeoJSONWriter.string(collection), to: URL(fileURLWithPath: out ?? "patches.geojson"))
        for patch in built {
            let kilometres = patch.catchmentEdges.reduce(0.0) { $0 + network.edges[$1].lengthMetres } / 1000
            print("\(patch.patch.id): \(patch.catchmentEdges.count) street segments, \(String(format: "%.1f", kilometres)) km, schools: \(patch.patch.schools.joined(separator: ", "))")
        }
        print("Wrote \(out ?? "patches.geojson").")
    }

    private func check(_ folder: URL) throws {
        let problems = AreaValidation.checkPatches(folder: folder, displayFolder: data)
        for problem in problems { print(problem) }
        let errors = problems.filter { $0.severity == .error }.count
        print("checked \(data)/patches.geojson: \(errors) error\(errors == 1 ? "" : "s"), \(problems.count - errors) warning\(problems.count - errors == 1 ? "" : "s")")
        if errors > 0 { throw ExitCode(1) }
    }
}
