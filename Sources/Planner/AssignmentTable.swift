import Foundation
/// `patrol assign`'s table: which pair sweeps which patch, and the expected day of each.
public enum AssignmentTable {
    public static func text(_ plan: DayPlan) -> String {
        var rows = [["pair", "patches", "expected min", "window min", "slack min", "sweep"]]
        for pairPlan in plan.pairPlans {
            let expected = Int(((pairPlan.endSeconds - Double(pairPlan.pair.windowStartSeconds)) / 60).rounded())
            rows.append([pairPlan.pair.id, pairPlan.patches.joined(separator: ", "), "\(expected)",
                         "\(pairPlan.pair.windowSeconds / 60)", "\(Int((pairPlan.slackSeconds / 60).rounded()))",
                         pairPlan.fullSweep ? "full" : "budgeted"])
        }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }
        lines.insert(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "), at: 1)
        if let longest = plan.pairPlans.map({ $0.endSeconds - Double($0.pair.windowStartSeconds) }).max() {
            lines.append("longest day: \(Int((longest / 60).rounded())) min")
        }
        for notice in plan.notices where notice.message.contains("no streets") || notice.message.contains("split") {
            lines.append("note: \(notice.subject): \(notice.message)")
        }
        return lines.joined(separator: "\n")
    }
}
