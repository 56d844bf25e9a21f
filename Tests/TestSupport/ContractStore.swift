import LumbarClinic
import LumbarCore
import LumbarStorage

/// One store the repository contract runs on: the in-memory one, or SQL on either engine. The same cases run on each
/// (LumbarStorageTests/Contract), so the fake cannot drift from the database it stands in for.
public enum ContractStore: String, Sendable, CustomStringConvertible, CaseIterable {
    case memory, sqlite, postgres

    public var description: String { rawValue }

    /// The in-memory store, SQLite, and PostgreSQL when `LUMBAR_TEST_POSTGRES_URL` is set.
    public static var available: [ContractStore] {
        [.memory] + TestDatabase.engines.map { $0 == .sqlite ? .sqlite : .postgres }
    }

    /// What a contract case works with: the repositories as the use cases see them, and the mail they queued.
    public struct Handle: Sendable {
        public let services: ClinicServices
        public let visitNotes: any VisitNoteRepository
        public let consents: any ConsentRepository
        public let noteTemplates: any NoteTemplateRepository
        public let queuedMail: @Sendable () async throws -> Int
    }

    /// Runs `body` on a fresh, empty store of this kind and disposes of it afterwards.
    public func with(clock: TestClock, _ body: (Handle) async throws -> Void) async throws {
        let settings = ClinicServices.Settings(publicURL: "https://clinic.example", mailFromAddress: "desk@clinic.example")
        switch self {
        case .memory:
            let store = MemoryStore()
            let outbox = store.outbox
            try await body(Handle(services: store.services(clock: clock.wallClock), visitNotes: store.visitNotes, consents: store.consents, noteTemplates: store.noteTemplates,
                                  queuedMail: { outbox.messages.count }))
        case .sqlite, .postgres:
            try await TestDatabase.with(self == .sqlite ? .sqlite : .postgres) { database in
                let repositories = SQLRepositories.make(database)
                let services = ClinicServices(repositories: repositories, clock: clock.wallClock, settings: settings)
                let outbox = SQLOutboxRepository(database: database)
                try await body(Handle(services: services, visitNotes: repositories.visitNotes, consents: repositories.consents, noteTemplates: repositories.noteTemplates,
                                      queuedMail: { try await outbox.pending() }))
            }
        }
    }
}
