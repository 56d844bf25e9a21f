import Foundation
import Logging
import LumbarCore
import LumbarStorage

/// What routes need, built once at start and shared: storage, clock, mail, views, settings.
public struct AppServices: Sendable {
    public let configuration: AppConfiguration
    public let database: Database
    public let clock: WallClock
    public let mailer: any Mailer
    let views: Views
    let hasher: PasswordHasher
    /// A real hash of a random password, so an unknown email costs as much time as a wrong password.
    let decoyHash: String

    public var clinic: ClinicRepository { ClinicRepository(database: database) }
    public var accounts: AccountRepository { AccountRepository(database: database) }
    public var sessions: SessionRepository { SessionRepository(database: database) }
    public var loginAttempts: LoginAttemptRepository { LoginAttemptRepository(database: database) }
    public var passwordResets: PasswordResetRepository { PasswordResetRepository(database: database) }
    public var apiTokens: APITokenRepository { APITokenRepository(database: database) }
    public var clients: ClientRepository { ClientRepository(database: database) }
    public var chartNotes: ChartNoteRepository { ChartNoteRepository(database: database) }
    public var audit: AuditRepository { AuditRepository(database: database) }
    public var scheduling: SchedulingRepository { SchedulingRepository(database: database) }
    public var appointments: AppointmentRepository { AppointmentRepository(database: database) }
    public var outbox: OutboxRepository { OutboxRepository(database: database) }

    public init(configuration: AppConfiguration, database: Database, clock: WallClock = .system, mailer: any Mailer) async throws {
        self.configuration = configuration
        self.database = database
        self.clock = clock
        self.mailer = mailer
        views = try await Views.load()
        hasher = PasswordHasher(cost: configuration.bcryptCost)
        decoyHash = try await hasher.hash(Secrets.token())
    }

    var now: Instant { clock.now() }

    /// Access rules with the clinic's current shared-care setting.
    func policy() async throws -> AccessPolicy {
        AccessPolicy(sharedCare: try await clinic.profile()?.sharedCare ?? false)
    }

    /// The clinic's engine settings (acute weeks, rules switched off): every place the engine runs for the clinic reads them here.
    func engineSettings() async throws -> EngineSettings {
        try await clinic.profile()?.engineSettings ?? EngineSettings()
    }
}
