import LumbarClinic
import LumbarCore

/// The in-memory store for use-case tests: the repositories booking, intake and visit notes work through, sharing one outbox,
/// wired as `ClinicServices` like the SQL store. What it does not hold (reports, sign-in history) it refuses by
/// throwing `Unsupported`, never by answering falsely; the contract suite (LumbarStorageTests) holds what it does hold to
/// the SQL store's behaviour on both engines.
public struct MemoryStore: Sendable {
    /// A repository call this store does not model.
    public struct Unsupported: Error, CustomStringConvertible {
        public let what: String
        public var description: String { "the in-memory store does not model \(what)" }
    }

    public let outbox = MemoryOutbox()
    public let accounts = MemoryAccountRepository()
    public let clients: MemoryClientRepository
    public let appointments: MemoryAppointmentRepository
    public let scheduling = MemorySchedulingRepository()
    public let waitlist: MemoryWaitlistRepository
    public let intake: MemoryIntakeRepository
    public let questionnaires = MemoryQuestionnaireRepository()
    public let clinic = MemoryClinicRepository()
    public let visitNotes: MemoryVisitNoteRepository
    public let consents = MemoryConsentRepository()
    public let treatmentPlans = MemoryTreatmentPlanRepository()
    public let billing = MemoryBillingRepository()
    public let documents = MemoryDocumentRepository()
    public let noteTemplates = MemoryNoteTemplateRepository()
    public let reports = MemoryReportRepository()

    public init() {
        clients = MemoryClientRepository(accounts: accounts)
        appointments = MemoryAppointmentRepository(outbox: outbox, clients: clients)
        waitlist = MemoryWaitlistRepository(outbox: outbox, scheduling: scheduling)
        intake = MemoryIntakeRepository(outbox: outbox, questionnaires: questionnaires, clients: clients)
        visitNotes = MemoryVisitNoteRepository(accounts: accounts, questionnaires: questionnaires)
    }

    /// The use cases' services on this store, at the given clock.
    public func services(clock: WallClock, ids: IDSource = .random, publicURL: String = "https://clinic.example") -> ClinicServices {
        ClinicServices(clinic: clinic, accounts: accounts, clients: clients, scheduling: scheduling, appointments: appointments,
                       waitlist: waitlist, intake: intake, questionnaires: questionnaires, clock: clock, ids: ids,
                       settings: .init(publicURL: publicURL, mailFromAddress: "desk@clinic.example"))
    }
}
