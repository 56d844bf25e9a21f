import ArgumentParser

@main
struct Lumbar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lumbar",
        abstract: "Clinic software for registered massage therapists who treat lower back pain.",
        subcommands: [AssessCommand.self, RulesCommand.self, BenchCommand.self]
    )
}
