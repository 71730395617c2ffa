import ArgumentParser
import Geo

@main
struct Patrol: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patrol",
        abstract: "Plan truancy sweeps: patches, pairs, hotspots and coverage routes.",
        discussion: """
        Start with `patrol validate --data geodata/southampton`, then `patrol plan --out out/`.
        Every command has --help with an example.
        """,
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self, PatchesCommand.self, PlanCommand.self, AssignCommand.self, RouteCommand.self, MapCommand.self,
            ImportOSMCommand.self, ImportSUMOCommand.self, DirectionsCommand.self,
            StopsCommand.self, HotspotsCommand.self, ReviewCommand.self, EvaluateMapCommand.self, DbCommand.self,
        ]
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            ErrorReporting.run(&command)
        } catch {
            exit(withError: error)
        }
    }
}
