import Foundation
import Testing

/// The times in plan.geojson read as any other tool reads them: a leg leaves its first coordinate at `etd` and
/// reaches its last at `eta`; a watch arrives at `eta` and leaves at `etd`. Read with Foundation's JSON parser and
/// date parser, not patrol's own.
@Suite struct PlanTimesTests {
    struct Timed {
        var seq: Int
        var layer: String
        var departure: Date
        var arrival: Date
    }

    @Test func legsLeaveBeforeTheyArriveJoinUpAndStayInsideTheWindow() throws {
        let features = try Self.plannedSouthampton()
        let byPair = Dictionary(grouping: try features.compactMap(Self.timed), by: \.pair)
        #expect(byPair.count >= 2, "both routable patches are planned: \(byPair.keys.sorted())")
        let windowStart = try Self.date("2026-11-25T10:00:00+00:00")
        let windowEnd = try Self.date("2026-11-25T12:30:00+00:00")
        for (pair, items) in byPair {
            let steps = items.map(\.step).sorted { $0.seq < $1.seq }
            #expect(steps.filter { $0.layer == "route" }.count > 10, "\(pair) has a route")
            for step in steps {
                #expect(step.departure <= step.arrival || step.layer == "hotspot", "\(pair) leg \(step.seq) arrives before it leaves")
            }
            for (previous, next) in zip(steps, steps.dropFirst()) {
                let previousEnd = previous.layer == "hotspot" ? previous.departure : previous.arrival
                let nextStart = next.layer == "hotspot" ? next.arrival : next.departure
                // Joined end to start, or later where the car stands; never earlier. One second covers rounding.
                #expect(nextStart.timeIntervalSince(previousEnd) > -1,
                        "\(pair): step \(next.seq) starts at \(nextStart) before step \(previous.seq) ends at \(previousEnd)")
            }
            let first = try #require(steps.first), last = try #require(steps.last)
            #expect((first.layer == "hotspot" ? first.arrival : first.departure) >= windowStart)
            #expect((last.layer == "hotspot" ? last.departure : last.arrival) <= windowEnd)
        }
    }

    /// A watch: arrival `eta`, departure `etd`, and `etd - eta` is its dwell.
    @Test func watchesLeaveTheirDwellAfterTheyArrive() throws {
        let watches = try Self.plannedSouthampton()
            .filter { $0["layer"] as? String == "hotspot" }
        #expect(!watches.isEmpty)
        for watch in watches {
            let arrival = try Self.date(try #require(watch["eta"] as? String))
            let departure = try Self.date(try #require(watch["etd"] as? String))
            let dwellMinutes = try #require(watch["dwell_min"] as? Double)
            #expect(abs(departure.timeIntervalSince(arrival) - dwellMinutes * 60) <= 6, "\(watch)")
        }
    }

    /// The properties of every feature of the Southampton demo plan for 2026-11-25, planned by the built binary.
    static func plannedSouthampton() throws -> [[String: Any]] {
        let binary = try #require(PatrolRun.patrol, "build patrol first (swift build); it is looked for at .build/debug/patrol")
        let folder = try ScratchFolder("plan-times")
        let data = try folder.copyArea("southampton")
        let result = try PatrolRun.run(binary, ["plan", "--data", data.path, "--date", "2026-11-25", "--out", "out"], in: folder.url)
        #expect(result.status == 0, "\(result.combined)")
        return try features(folder.url.appendingPathComponent("out/plan.geojson"))
    }

    static func features(_ url: URL) throws -> [[String: Any]] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let features = try #require(json["features"] as? [[String: Any]])
        return features.compactMap { $0["properties"] as? [String: Any] }
    }

    /// A route leg or a watch with its pair, in plan order; other layers give nil.
    static func timed(_ properties: [String: Any]) throws -> (pair: String, step: Timed)? {
        guard let layer = properties["layer"] as? String, layer == "route" || layer == "hotspot" else { return nil }
        let pair = try #require(properties["pair"] as? String)
        let seq = try #require(properties["seq"] as? Double)
        // For a leg etd is the departure; for a watch etd is also its departure and eta its arrival.
        let departure = try date(try #require(properties["etd"] as? String, "\(properties)"))
        let arrival = try date(try #require(properties["eta"] as? String, "\(properties)"))
        return (pair, Timed(seq: Int(seq), layer: layer, departure: departure, arrival: arrival))
    }

    static func date(_ text: String) throws -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return try #require(formatter.date(from: text), "not ISO 8601 with an offset: \(text)")
    }
}
