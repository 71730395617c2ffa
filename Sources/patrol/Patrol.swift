import ArgumentParser
import Geo

@main
struct Patrol: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patrol",
        abstract: "Plan truancy sweeps: patches, pairs, hotspots and coverage routes.",
        version: "0.1.0",
        subcommands: [ImportOSM.self]
    )
}
