import ArgumentParser

@main
struct Lumbar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lumbar",
        abstract: "Clinic software for registered massage therapists who treat lower back pain.",
        subcommands: [ServeCommand.self, MigrateCommand.self, UserCommand.self, TokenCommand.self, BackupCommand.self, RestoreCommand.self, KeygenCommand.self, AssessCommand.self, RulesCommand.self, BenchCommand.self, DemoCommand.self]
    )
}
