import ArgumentParser
import Foundation
import Logging
import LumbarCore
import LumbarStorage
import LumbarWeb

/// `lumbar token add`: a personal API token for a staff account, for an integration set up from the server.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "Manage API tokens.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Create an API token for a staff account and print it once.",
            discussion: "The token acts with the account's role; revoke it from the account page. The creation is audited.")

        @OptionGroup var storage: StorageOptions
        @Option(help: "The staff account's email.") var email: String
        @Option(help: "What the token is for.") var name: String

        func run() async throws {
            let configuration = try storage.configuration()
            let label = name.trimmed
            if let problem = APITokenIssuer.nameProblem(label) {
                printError("name: \(problem)")
                throw ExitCode(2)
            }
            let database = try storage.open(configuration, logger: Logger(label: "lumbar"))
            var problem: String?
            do {
                try await Migrator(database: database).migrate()
                if let account = try await AccountRepository(database: database).credentials(email: email)?.account, account.active {
                    print(try await APITokenIssuer(database: database).issue(for: account, name: label, address: "command line", at: WallClock.system.now()))
                } else {
                    problem = "email: no active account has this email"
                }
            } catch APITokenIssuer.Failure.notStaff {
                problem = "email: clients cannot have API tokens; give a staff account's email"
            } catch {
                await database.shutdown()
                throw error
            }
            await database.shutdown()
            if let problem {
                printError(problem)
                throw ExitCode(2)
            }
        }
    }
}
