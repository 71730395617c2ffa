import ArgumentParser

@main
struct PatrolBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patrol-bench",
        abstract: "Run the Solvers module on published benchmark instances.",
        discussion: """
            Each subcommand reads one published instance format and prints one JSON object per
            instance, then a summary line. Instances live in ../shared/bench/ (see its README).

              patrol-bench urpp ../shared/bench/urpp/UR* --check
              patrol-bench tsp ../shared/bench/tsp/*.tsp --check
              patrol-bench op ../shared/bench/op/*.txt --check
            """,
        subcommands: [URPPBench.self, TSPBench.self, OPBench.self]
    )
}
