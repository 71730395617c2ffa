import ArgumentParser
import Foundation
import Planner

struct DirectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "directions",
        abstract: "Print one pair's turn-by-turn directions from a saved plan.",
        discussion: """
        Reads the route legs of a plan.geojson written by `patrol plan` (each leg's maneuver, \
        instruction, departure time and distance) and its hotspot watches, and prints them numbered, in \
        the order driven. The area's data are not needed.

        Example:
          patrol plan --out out/
          patrol directions --plan out/plan.geojson --pair pair-1
        """
    )

    @Option(help: "The plan.geojson written by `patrol plan`.") var plan: String = "out/plan.geojson"
    @Option(help: "The pair id, as in pairs.json (e.g. pair-1).") var pair: String

    func run() throws {
        let lines = try SavedDirections.read(planAt: URL(fileURLWithPath: plan), pair: pair, shownAs: plan)
        print(SavedDirections.text(lines, pair: pair), terminator: "")
    }
}
