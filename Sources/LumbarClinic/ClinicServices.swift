import LumbarCore

/// What the booking and intake use cases work through: the repositories they read and write, the clock, a source of
/// new ids and the few settings that reach clients' mail. Built once by the application (from a database, see
/// `SQLRepositories`) or by a test (from TestSupport's in-memory store).
public struct ClinicServices: Sendable {
    public let clinic: any ClinicRepository
    public let accounts: any AccountRepository
    public let clients: any ClientRepository
    public let scheduling: any SchedulingRepository
    public let appointments: any AppointmentRepository
    public let waitlist: any WaitlistRepository
    public let intake: any IntakeRepository
    public let questionnaires: any QuestionnaireRepository
    public let clock: WallClock
    public let ids: IDSource
    public let settings: Settings

    /// Where links in mail point and who mail comes from.
    public struct Settings: Sendable {
        /// The address clients reach the clinic at, for links in mail ("https://clinic.example").
        public var publicURL: String
        /// The address the clinic's mail is sent from, bare ("desk@clinic.example"): the ORGANIZER of invitations.
        public var mailFromAddress: String

        public init(publicURL: String, mailFromAddress: String) {
            self.publicURL = publicURL
            self.mailFromAddress = mailFromAddress
        }
    }

    public init(clinic: any ClinicRepository, accounts: any AccountRepository, clients: any ClientRepository,
                scheduling: any SchedulingRepository, appointments: any AppointmentRepository, waitlist: any WaitlistRepository,
                intake: any IntakeRepository, questionnaires: any QuestionnaireRepository, clock: WallClock, ids: IDSource = .random,
                settings: Settings) {
        self.clinic = clinic
        self.accounts = accounts
        self.clients = clients
        self.scheduling = scheduling
        self.appointments = appointments
        self.waitlist = waitlist
        self.intake = intake
        self.questionnaires = questionnaires
        self.clock = clock
        self.ids = ids
        self.settings = settings
    }

    public init(repositories: ClinicRepositories, clock: WallClock, ids: IDSource = .random, settings: Settings) {
        self.init(clinic: repositories.clinic, accounts: repositories.accounts, clients: repositories.clients,
                  scheduling: repositories.scheduling, appointments: repositories.appointments, waitlist: repositories.waitlist,
                  intake: repositories.intake, questionnaires: repositories.questionnaires, clock: clock, ids: ids, settings: settings)
    }

    public var now: Instant { clock.now() }
}
