import ArgumentParser

struct OPBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "op", abstract: "placeholder")
}
