import ArgumentParser
import Foundation
import Geo
import Hotspots

/// For tools/validate-police-uk: a map from one period scored on the next.
struct EvaluateMapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate-map",
        abstract: "PAI at 5 % and 10 % of area of the KDE, Gi* and count maps of one period on the stops of a later one.",
        discussion: """
            The map uses stops with train-from <= time < test-from, weighted as of test-from; the test stops are those \
            with test-from <= time < test-to. The "selected" map is chosen by prediction on the training stops alone \
            (their last quarter held out), then refitted on all of them. Prints JSON.

              patrol evaluate-map --db /tmp/police.sqlite --train-from 2017-02-01 --test-from 2017-06-01 --test-to 2017-08-01
            """,
        shouldDisplay: false
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var map: MapOptions

    @Option(name: .customLong("train-from")) var trainFrom: String
    @Option(name: .customLong("test-from")) var testFrom: String
    @Option(name: .customLong("test-to")) var testTo: String

    func run() throws {
        let projection = try Projection.bng()
        let opened = try store.openStore()
        let trainStart = try parseDate(trainFrom, option: "train-from")
        let testStart = try parseDate(testFrom, option: "test-from")
        let testEnd = try parseDate(testTo, option: "test-to")
        let stops = try opened.stops(from: trainStart, before: testEnd)
        let training = stops.filter { $0.time < testStart }
        let test = stops.filter { $0.time >= testStart }
        let built = try HotspotMap.build(stops: training, gazetteer: try store.gazetteer(projection: projection),
                                         visits: try opened.visits(), asOf: testStart, weightOptions: try map.weightOptions(),
                                         heatOptions: map.heatOptions,
                                         extent: stops.map { GridPoint(easting: $0.easting, northing: $0.northing) },
                                         projection: projection)
        var evaluation = MapEvaluation.evaluate(map: built, test: test, heatOptions: map.heatOptions,
                                                trainingStops: training.count)
        evaluation.addChosenMap(stops: training, asOf: testStart, test: test,
                                extent: stops.map { GridPoint(easting: $0.easting, northing: $0.northing) },
                                reasonWeights: try map.weightOptions().reasonWeights, cellSizeMetres: map.cell,
                                network: try StreetGraph.load(dataDirectory: URL(fileURLWithPath: store.data), projection: projection))
        print(try jsonText(evaluation))
    }
}
