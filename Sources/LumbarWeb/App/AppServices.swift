import Foundation
import Logging
import LumbarClinic
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

    /// The clinic's repositories, built once by `SQLRepositories.make` (or handed in by a test).
    public let repositories: ClinicRepositories
    /// The use cases' view of these services: the same repositories and clock, built once (pages reach it per request).
    public let clinicServices: ClinicServices
    public var clinic: any ClinicRepository { repositories.clinic }
    public var accounts: any AccountRepository { repositories.accounts }
    public var sessions: any SessionRepository { repositories.sessions }
    public var loginAttempts: any LoginAttemptRepository { repositories.loginAttempts }
    public var passwordResets: any PasswordResetRepository { repositories.passwordResets }
    public var apiTokens: any APITokenRepository { repositories.apiTokens }
    public var clients: any ClientRepository { repositories.clients }
    public var chartNotes: any ChartNoteRepository { repositories.chartNotes }
    public var audit: any AuditRepository { repositories.audit }
    public var scheduling: any SchedulingRepository { repositories.scheduling }
    public var appointments: any AppointmentRepository { repositories.appointments }
    public var outbox: any OutboxRepository { repositories.outbox }
    public var waitlist: any WaitlistRepository { repositories.waitlist }
    public var intake: any IntakeRepository { repositories.intake }
    public var consents: any ConsentRepository { repositories.consents }
    public var questionnaires: any QuestionnaireRepository { repositories.questionnaires }
    public var visitNotes: any VisitNoteRepository { repositories.visitNotes }
    public var treatmentPlans: any TreatmentPlanRepository { repositories.treatmentPlans }
    public var noteTemplates: any NoteTemplateRepository { repositories.noteTemplates }
    public var homePrograms: any HomeProgramRepository { repositories.homePrograms }
    public var billing: any BillingRepository { repositories.billing }
    public var calendarFeeds: any CalendarFeedRepository { repositories.calendarFeeds }
    public var documents: any DocumentRepository { repositories.documents }
    public var reports: any ReportRepository { repositories.reports }

    public init(configuration: AppConfiguration, database: Database, repositories: ClinicRepositories? = nil, clock: WallClock = .system,
                mailer: any Mailer) async throws {
        self.configuration = configuration
        self.database = database
        let repositories = repositories ?? SQLRepositories.make(database)
        self.repositories = repositories
        clinicServices = ClinicServices(repositories: repositories, clock: clock, settings: .init(
            publicURL: configuration.publicURL, mailFromAddress: MailAddress(parsing: configuration.mailFrom).address))
        self.clock = clock
        self.mailer = mailer
        views = try await Views.load()
        hasher = PasswordHasher(cost: configuration.bcryptCost)
        decoyHash = try await hasher.hash(Secrets.token())
    }

    var now: Instant { clock.now() }

    /// The front desk's money use cases.
    var ledger: LedgerService {
        LedgerService(billing: billing, clinic: clinic, accounts: accounts, scheduling: scheduling, clock: clock)
    }

    /// The owner's reports and the desk's end of day.
    var reportService: ReportService {
        ReportService(reports: reports, scheduling: scheduling, accounts: accounts, clinic: clinic)
    }

    /// After an appointment's status changed: its invoice issued, or put right, to match (audited there).
    func invoiceAfterChange(appointmentId: String, by account: Account, address: String) async throws {
        guard let appointment = try await appointments.find(id: appointmentId) else { return }
        try await ledger.invoice(appointment, by: .init(account: account, address: address))
    }

    /// Where a sale to the client is counted unless someone says otherwise: the open location of their latest
    /// appointment (within about a year either way), else the clinic's first.
    func usualLocation(clientId: String) async throws -> String? {
        let open = try await scheduling.locations().map(\.id)
        let window = TimeRange(start: now.adding(seconds: -400 * 86_400), end: now.adding(seconds: 400 * 86_400))
        let latest = try await appointments.list(window: window, clientId: clientId, activeOnly: false)
            .filter { open.contains($0.locationId) }.max { $0.start < $1.start }
        return latest?.locationId ?? open.first
    }

    /// Access rules with the clinic's current shared-care setting.
    func policy() async throws -> AccessPolicy {
        AccessPolicy(sharedCare: try await clinic.profile()?.sharedCare ?? false)
    }

    /// The clinic's engine settings (acute weeks, rules switched off): every place the engine runs for the clinic reads them here.
    func engineSettings() async throws -> EngineSettings {
        try await clinic.profile()?.engineSettings ?? EngineSettings()
    }
}
