import ArgumentParser
import Hummingbird
import Logging
import LumbarClinic
import LumbarStorage
import LumbarWeb

/// `lumbar serve`: migrate, then serve the web app and API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the clinic web app (http://127.0.0.1:8080 by default).")

    @OptionGroup var storage: StorageOptions

    @Option(help: "Address to listen on (env LUMBAR_HOST).")
    var host: String?

    @Option(help: "Port to listen on (env LUMBAR_PORT).")
    var port: Int?

    func run() async throws {
        var configuration = try storage.configuration()
        if let host { configuration.host = host }
        if let port {
            guard (1...65535).contains(port) else {
                printError("--port: must be 1-65535, got \(port)")
                throw ExitCode(2)
            }
            configuration.port = port
        }
        var logger = Logger(label: "lumbar")
        logger.logLevel = configuration.logLevel
        let database = try storage.open(configuration, logger: logger)
        do {
            let applied = try await Migrator(database: database).migrate()
            logger.info("storage: \(database.location), migrations applied now: \(applied)")
            let services = try await AppServices(
                configuration: configuration, database: database,
                mailer: SendmailMailer(program: configuration.sendmail, from: configuration.mailFrom))
            let app = try buildApplication(services: services, logger: logger)
            try await app.runService()
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }
}
