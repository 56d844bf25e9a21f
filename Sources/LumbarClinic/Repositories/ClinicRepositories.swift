/// Every repository the clinic's use cases reach, as protocols: the SQL store (LumbarStorage's `SQLRepositories`)
/// or the in-memory one (TestSupport) fills it in. Built once, where the application is wired together.
public struct ClinicRepositories: Sendable {
    public let clinic: any ClinicRepository
    public let accounts: any AccountRepository
    public let sessions: any SessionRepository
    public let loginAttempts: any LoginAttemptRepository
    public let passwordResets: any PasswordResetRepository
    public let apiTokens: any APITokenRepository
    public let clients: any ClientRepository
    public let chartNotes: any ChartNoteRepository
    public let audit: any AuditRepository
    public let scheduling: any SchedulingRepository
    public let appointments: any AppointmentRepository
    public let outbox: any OutboxRepository
    public let waitlist: any WaitlistRepository
    public let intake: any IntakeRepository
    public let consents: any ConsentRepository
    public let questionnaires: any QuestionnaireRepository
    public let visitNotes: any VisitNoteRepository
    public let treatmentPlans: any TreatmentPlanRepository
    public let homePrograms: any HomeProgramRepository
    public let billing: any BillingRepository
    public let calendarFeeds: any CalendarFeedRepository
    public let noteTemplates: any NoteTemplateRepository
    public let documents: any DocumentRepository
    public let reports: any ReportRepository

    public init(
        clinic: any ClinicRepository,
        accounts: any AccountRepository,
        sessions: any SessionRepository,
        loginAttempts: any LoginAttemptRepository,
        passwordResets: any PasswordResetRepository,
        apiTokens: any APITokenRepository,
        clients: any ClientRepository,
        chartNotes: any ChartNoteRepository,
        audit: any AuditRepository,
        scheduling: any SchedulingRepository,
        appointments: any AppointmentRepository,
        outbox: any OutboxRepository,
        waitlist: any WaitlistRepository,
        intake: any IntakeRepository,
        consents: any ConsentRepository,
        questionnaires: any QuestionnaireRepository,
        visitNotes: any VisitNoteRepository,
        treatmentPlans: any TreatmentPlanRepository,
        homePrograms: any HomeProgramRepository,
        billing: any BillingRepository,
        calendarFeeds: any CalendarFeedRepository,
        noteTemplates: any NoteTemplateRepository,
        documents: any DocumentRepository,
        reports: any ReportRepository
    ) {
        self.clinic = clinic
        self.accounts = accounts
        self.sessions = sessions
        self.loginAttempts = loginAttempts
        self.passwordResets = passwordResets
        self.apiTokens = apiTokens
        self.clients = clients
        self.chartNotes = chartNotes
        self.audit = audit
        self.scheduling = scheduling
        self.appointments = appointments
        self.outbox = outbox
        self.waitlist = waitlist
        self.intake = intake
        self.consents = consents
        self.questionnaires = questionnaires
        self.visitNotes = visitNotes
        self.treatmentPlans = treatmentPlans
        self.homePrograms = homePrograms
        self.billing = billing
        self.calendarFeeds = calendarFeeds
        self.noteTemplates = noteTemplates
        self.documents = documents
        self.reports = reports
    }
}
