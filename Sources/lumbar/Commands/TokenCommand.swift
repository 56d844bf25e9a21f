import ArgumentParser
import Foundation
import Logging
import LumbarClinic
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
            let problem: String? = try await storage.withDatabase(configuration) { database in
                guard let account = try await SQLAccountRepository(database: database).credentials(email: email)?.account, account.active else {
                    return "email: no active account has this email"
                }
                do {
                    print(try await APITokenIssuer(repositories: SQLRepositories.make(database)).issue(for: account, name: label, address: "command line", at: WallClock.system.now()))
                    return nil
                } catch APITokenIssuer.Failure.notStaff {
                    return "email: clients cannot have API tokens; give a staff account's email"
                }
            }
            if let problem {
                printError(problem)
                throw ExitCode(2)
            }
        }
    }
}
