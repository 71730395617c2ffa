import ArgumentParser

@main
struct PatrolBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patrol-bench",
        abstract: "Run the Solvers module on published benchmark instances, and the budgeted sweep against its optimum.",
        discussion: """
            Each subcommand reads one published instance format and prints one JSON object per
            instance, then a summary line. Instances live in bench/ (see its README).

              patrol-bench urpp bench/urpp/UR* --check
              patrol-bench tsp bench/tsp/*.tsp --check
              patrol-bench op bench/op/*.txt --check
              patrol-bench budgeted --instances 50 --seed 1 --max-groups 12
            """,
        subcommands: [URPPBench.self, TSPBench.self, OPBench.self, BudgetedBench.self]
    )
}
