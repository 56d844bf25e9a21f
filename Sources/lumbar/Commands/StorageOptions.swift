import ArgumentParser
import Foundation
import Logging
import LumbarClinic
import LumbarStorage
import LumbarWeb

/// Where the data is: flags first, then LUMBAR_DATA / LUMBAR_DATABASE_URL, then the working folder.
struct StorageOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: "Folder for lumbar.sqlite (default: the working folder; env LUMBAR_DATA).")
    var dataDirectory: String?

    @Option(help: "postgres://user:pass@host/db to use PostgreSQL instead of SQLite (env LUMBAR_DATABASE_URL).")
    var databaseURL: String?

    /// The configuration with environment applied and these flags over it; exits 2 listing bad values.
    func configuration() throws -> AppConfiguration {
        var configuration = AppConfiguration()
        let problems = configuration.apply(environment: ProcessInfo.processInfo.environment)
        if let dataDirectory { configuration.dataDirectory = dataDirectory }
        if let databaseURL { configuration.databaseURL = databaseURL }
        guard problems.isEmpty else {
            problems.forEach(printError)
            throw ExitCode(2)
        }
        return configuration
    }

    func open(_ configuration: AppConfiguration, logger: Logger) throws -> Database {
        do {
            let location = try DatabaseLocation(databaseURL: configuration.databaseURL, dataDirectory: configuration.dataDirectory)
            return try Database(location: location, logger: logger)
        } catch let error as StorageError {
            printError("database: \(error)")
            throw ExitCode(2)
        }
    }

    /// Opens the database, brings its schema up to date, runs `body`, and closes the database whatever happens.
    func withDatabase<T>(_ configuration: AppConfiguration, _ body: (Database) async throws -> T) async throws -> T {
        let database = try open(configuration, logger: Logger(label: "lumbar"))
        do {
            try await Migrator(database: database).migrate()
            let result = try await body(database)
            await database.shutdown()
            return result
        } catch {
            await database.shutdown()
            throw error
        }
    }
}
