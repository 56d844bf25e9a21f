import ArgumentParser
import Foundation
import Logging
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarWeb

/// `lumbar user add`: create a staff account from the command line (e.g. when the owner is locked out).
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage accounts.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a staff account.",
            discussion: "The password is read from standard input with --password-stdin; otherwise a random one is printed once.")

        @OptionGroup var storage: StorageOptions
        @Option var email: String
        @Option var name: String
        @Option(help: "owner, therapist or front-desk.") var role: String
        @Option(help: "College registration number (therapists).") var registration: String?
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false

        func run() async throws {
            let configuration = try storage.configuration()
            var problems: [String] = []
            let parsedRole = Role(rawValue: role)
            if parsedRole == nil || parsedRole == .client { problems.append("role: must be owner, therapist or front-desk, got \"\(role)\"") }
            let password = passwordStdin ? (readLine(strippingNewline: true) ?? "") : "L-" + UUID().uuidString
            let draft = AccountDraft(email: email, name: name, role: parsedRole ?? .frontDesk, collegeRegistration: registration, password: password)
            problems += draft.problems().map { "\($0.field): \($0.message)" }
            guard problems.isEmpty else {
                problems.forEach(printError)
                throw ExitCode(2)
            }
            do {
                try await storage.withDatabase(configuration) { database in
                    let hash = try await PasswordHasher(cost: configuration.bcryptCost).hash(password)
                    let account = try await SQLAccountRepository(database: database).create(draft, passwordHash: hash, at: WallClock.system.now())
                    print("added \(account.role.rawValue) \(account.email)")
                    if !passwordStdin { print("temporary password: \(password)") }
                }
            } catch StorageError.conflict(let message) {
                printError("email: \(message)")
                throw ExitCode(2)
            }
        }
    }
}
