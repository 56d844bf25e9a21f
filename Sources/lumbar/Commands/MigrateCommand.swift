import ArgumentParser
import Logging
import LumbarClinic
import LumbarStorage

/// `lumbar migrate`: apply pending schema steps and report the version.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply pending database migrations.")

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        let configuration = try storage.configuration()
        let database = try storage.open(configuration, logger: Logger(label: "lumbar"))
        defer { Task { await database.shutdown() } }
        let migrator = Migrator(database: database)
        let applied = try await migrator.migrate()
        print("applied: \(applied.isEmpty ? "none" : applied.map(String.init).joined(separator: ", ")); schema version \(try await migrator.currentVersion())")
        await database.shutdown()
    }
}
