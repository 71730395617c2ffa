import ArgumentParser

@main
struct PatrolBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patrol-bench",
        abstract: "Run the Solvers on published benchmark instances and print one JSON line per instance.",
        discussion: """
            Instances live in ../shared/bench/ (see its README). Example:
              patrol-bench urpp ../shared/bench/urpp/UR* --check
            """,
        subcommands: [URPPBench.self]
    )
}
