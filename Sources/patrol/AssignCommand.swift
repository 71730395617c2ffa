import ArgumentParser
import Foundation
import Geo
import Planner
import Streets

struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Give patches to pairs so that the longest expected day is as short as possible.",
        discussion: """
        Each pair's expected day comes from the coverage solver (the sweep) plus the drive from its base, \
        the hotspot watches and the drive home. Small cases are solved exactly (branch and bound over every \
        assignment); a patch too big for any one pair's window is split in two with balanced sweeps. A pair \
        with preferred_patches in pairs.json only takes those.

        Example:
          patrol assign --data geodata/southampton
        """
    )

    @Option(help: "The area folder.") var data: String = "geodata/southampton"
    @Option(help: "The day, YYYY-MM-DD (default: tomorrow in the UK); hotspot weights are as of this day.") var date: String?

    func validate() throws {
        if let date, PlanDate(date) == nil { throw ValidationError("--date must be YYYY-MM-DD, got \(date)") }
    }

    func run() throws {
        var area = try Area.load(from: URL(fileURLWithPath: data))
        let day = date.flatMap(PlanDate.init) ?? PlanDate.tomorrowInUK(nowSecondsSince1970: Date().timeIntervalSince1970)
        _ = try HotspotWeights.apply(to: &area, store: nil, date: day, projection: Projection.bng())
        let network = area.hasStreets ? try StreetNetwork.load(contentsOf: area.streetsURL) : nil
        let (plan, _) = try DayPlanner(area: area, network: network, options: PlanOptions(date: day)).plan()
        print(AssignmentTable.text(plan))
    }
}
