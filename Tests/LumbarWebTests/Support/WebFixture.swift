import Foundation
import Hummingbird
import HummingbirdOTP
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarWeb
import Synchronization
import Testing
import TestSupport

/// The two-step time steps a fixture has handed codes out for.
final class CodeSteps: Sendable {
    private let last = Mutex<Int64?>(nil)

    /// The step to hand a code out for: `step`, or the one after the last handed out when that is not earlier.
    func next(from step: Int64) -> Int64 {
        last.withLock { value in
            let chosen = max(step, value.map { $0 + 1 } ?? step)
            value = chosen
            return chosen
        }
    }
}

/// A clinic with one of each kind of person, served through the real router.
struct WebFixture {
    let services: AppServices
    let clock: TestClock
    let mailer: FakeMailer
    let owner: Account
    let therapist: Account
    let otherTherapist: Account
    let frontDesk: Account
    let clientA: Client
    let clientB: Client
    let clientAAccount: Account
    let clientBAccount: Account
    let codeSteps = CodeSteps()
    static let password = "correct horse battery"
    static let ownerSecret = "OWNERSECRETOWNERSECR"

    static func make(_ engine: Database.Engine = .sqlite, configure: (inout AppConfiguration) -> Void = { _ in }, setUp: Bool = true) async throws -> WebFixture {
        var configuration = AppConfiguration()
        configuration.bcryptCost = 4
        configure(&configuration)
        let database = try await TestDatabase.make(engine)
        let clock = TestClock()
        let mailer = FakeMailer()
        let services = try await AppServices(configuration: configuration, database: database, clock: clock.wallClock, mailer: mailer)
        let hash = try await PasswordHasher(cost: 4).hash(password)
        let now = clock.now
        let accounts = services.accounts
        let placeholder = Account(id: "", email: "", name: "", role: .client)
        guard setUp else {
            let none = Client(id: "", firstName: "", lastName: "")
            return WebFixture(services: services, clock: clock, mailer: mailer, owner: placeholder, therapist: placeholder, otherTherapist: placeholder,
                              frontDesk: placeholder, clientA: none, clientB: none, clientAAccount: placeholder, clientBAccount: placeholder)
        }
        let owner = try await services.clinic.setUp(
            ClinicProfile(name: "Spine & Ease", address: "12 King St W, Toronto", timeZone: "America/Toronto"),
            owner: AccountDraft(email: "owner@example.com", name: "Olive Owner", role: .owner, password: password),
            passwordHash: hash, totpSecret: ownerSecret, at: now)
        try await accounts.enableTOTP(id: owner.id, recoveryCodeHashes: [])
        func staff(_ email: String, _ name: String, _ role: Role) async throws -> Account {
            try await accounts.create(AccountDraft(email: email, name: name, role: role, collegeRegistration: role == .therapist ? "R1234" : nil, password: password),
                                      passwordHash: hash, at: now)
        }
        let therapist = try await staff("theo@example.com", "Theo Therapist", .therapist)
        let otherTherapist = try await staff("tara@example.com", "Tara Other", .therapist)
        let frontDesk = try await staff("desk@example.com", "Fran Desk", .frontDesk)
        let clientA = try await services.clients.create(Client(id: "", firstName: "Ada", lastName: "Alpha", email: "ada@example.com", phone: "416-555-0101"), at: now)
        let clientB = try await services.clients.create(Client(id: "", firstName: "Ben", lastName: "Beta", email: "ben@example.com", phone: "416-555-0102"), at: now)
        let accountA = try await services.clients.createPortalAccount(clientId: clientA.id, draft: AccountDraft(email: "ada@example.com", name: "Ada Alpha", role: .client, password: password), passwordHash: hash, at: now)
        let accountB = try await services.clients.createPortalAccount(clientId: clientB.id, draft: AccountDraft(email: "ben@example.com", name: "Ben Beta", role: .client, password: password), passwordHash: hash, at: now)
        try await services.clients.assign(therapistId: therapist.id, clientId: clientA.id, at: now)
        _ = try await services.chartNotes.add(clientId: clientA.id, authorId: therapist.id, body: "Hypertonic erector spinae, left > right.", at: now)
        var withAccountA = clientA
        withAccountA.accountId = accountA.id
        var withAccountB = clientB
        withAccountB.accountId = accountB.id
        return WebFixture(services: services, clock: clock, mailer: mailer, owner: owner, therapist: therapist, otherTherapist: otherTherapist,
                          frontDesk: frontDesk, clientA: withAccountA, clientB: withAccountB, clientAAccount: accountA, clientBAccount: accountB)
    }

    /// Runs `body` against the app through HummingbirdTesting's router transport, then closes the database.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: try buildRouter(services: services))
        do {
            try await app.test(.router) { client in try await body(client) }
        } catch {
            await TestDatabase.dispose(services.database)
            throw error
        }
        await TestDatabase.dispose(services.database)
    }

    /// The owner's current TOTP code by the test clock. A code works once, so when this step's code was already
    /// handed out the clock first moves on to the next step, as a person would wait for a new code.
    func ownerCode() -> String {
        let step = clock.now.milliseconds / 30_000
        clock.advance(seconds: (codeSteps.next(from: step) - step) * 30)
        return Self.code(secret: Self.ownerSecret, at: clock.now)
    }

    /// The code an authenticator app shows for `secret` at `instant`.
    static func code(secret: String, at instant: Instant) -> String {
        let value = TOTP(secret: secret).compute(date: Date(timeIntervalSince1970: Double(instant.milliseconds) / 1000))
        return String(format: "%06d", value)
    }

    func audit(client: String? = nil) async throws -> [AuditEntry] {
        try await services.audit.entries(AuditFilter(clientId: client))
    }
}
