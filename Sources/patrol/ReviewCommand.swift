import ArgumentParser
import Foundation
import Geo
import Hotspots

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Planned against found for a swept day: visits, dosage, stops per hour, PAI, new hotspots.",
        discussion: """
            The PAI is that of the map made before the day (stops before it), scored on the day's stops, at the top \
            5 % and 10 % of the area, for the KDE, Gi* and raw-count surfaces. With --plan, the plan's hotspot visits \
            are recorded in the store's visits table: they are the exposure (patrol-hours) behind later weights.

              patrol review --date 2026-11-23 --plan out/plan.geojson --out out/
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var map: MapOptions

    @Option(help: "The swept day.")
    var date: String

    @Option(help: "The day's plan.geojson (hotspot features with visit_seq, eta, dwell_min, pair).")
    var plan: String?

    @Option(help: "Output folder for review-<date>.geojson and review-<date>.md.")
    var out: String = "out"

    @Flag(name: .customLong("no-record"), help: "Do not record the plan's visits in the store.")
    var noRecord = false

    func run() throws {
        let day = try parseDate(date, option: "date")
        let projection = try Projection.bng()
        let opened = try store.openStore()
        let gazetteer = try store.gazetteer(projection: projection)
        let weightOptions = try map.weightOptions()
        var planned: [PlannedVisit]?
        if let plan {
            let visits = try PlannedVisit.read(planAt: URL(fileURLWithPath: plan), gazetteer: gazetteer, projection: projection,
                                               snapRadiusMetres: weightOptions.snapRadiusMetres)
            planned = visits
            if !noRecord {
                let source = (plan as NSString).lastPathComponent
                let added = try opened.recordVisits(visits.map { $0.visit(date: day, source: source) })
                standardError("\(plan): \(visits.count) planned visits, \(added) newly recorded")
            }
        }
        let review = try Review.build(date: day, stops: try opened.allStops(), gazetteer: gazetteer, visits: try opened.visits(),
                                      plan: planned, weightOptions: weightOptions, heatOptions: map.heatOptions,
                                      network: try StreetGraph.load(dataDirectory: URL(fileURLWithPath: store.data), projection: projection),
                                      projection: projection)
        let base = (out as NSString).appendingPathComponent("review-\(day.dateString)")
        try writeOutput(GeoJSONWriter.string(review.featureCollection()), to: base + ".geojson")
        let markdown = review.markdown()
        try writeOutput(markdown, to: base + ".md")
        print(markdown)
    }
}
