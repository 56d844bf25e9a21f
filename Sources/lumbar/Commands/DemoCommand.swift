import ArgumentParser
import Foundation
import Logging
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarWeb

/// `lumbar demo`: fill a database with realistic fake clients and appointments, to try the app or measure it.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Fill a database with made-up clients and appointments.",
        discussion: """
            Sets up a demo clinic in a new database (owner demo-owner@example.com; the password and two-step secret are printed once), \
            or adds to the demo clinic already there. Refuses a database that holds a real clinic.
            """)

    @OptionGroup var storage: StorageOptions
    @Option(help: "How many clients to add.") var clients = 200
    @Option(help: "How many appointments to add (past ones attended, future ones booked).") var appointments: Int?

    func run() async throws {
        var problems: [String] = []
        if !(1...1_000_000).contains(clients) { problems.append("clients: must be 1-1000000, got \(clients)") }
        let count = appointments ?? clients * 10
        if !(0...10_000_000).contains(count) { problems.append("appointments: must be 0-10000000, got \(count)") }
        guard problems.isEmpty else {
            problems.forEach(printError)
            throw ExitCode(2)
        }
        let configuration = try storage.configuration()
        let password = "Demo-" + UUID().uuidString
        let secret = Secrets.totpSecret()
        let recoveryCodes = Secrets.recoveryCodes()
        let started = Date()
        do {
            try await storage.withDatabase(configuration) { database in
                let hash = try await PasswordHasher(cost: configuration.bcryptCost).hash(password)
                let summary = try await DemoData.generate(database: database, clients: clients, appointments: count, now: WallClock.system.now(),
                                                          ownerHash: hash, ownerTOTPSecret: secret, ownerRecoveryCodeHashes: recoveryCodes.map(Secrets.hash))
                print("added \(summary.clients) clients and \(summary.appointments) appointments in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
                print("""
                    only if the demo clinic was created now: owner \(DemoData.ownerEmail), password \(password), two-step sign-in on,
                    key for an authenticator app \(TwoFactor.base32(secret)) (time-based, 6 digits, 30 seconds),
                    or as a link: \(TwoFactor.authenticatorURL(secret: secret, account: DemoData.ownerEmail, issuer: "Demo Clinic")),
                    recovery codes \(recoveryCodes.joined(separator: " "))
                    """)
            }
        } catch StorageError.conflict(let message) {
            printError("database: \(message)")
            throw ExitCode(2)
        }
    }
}
