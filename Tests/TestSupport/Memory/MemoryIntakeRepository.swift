import LumbarClinic
import LumbarCore
import Synchronization

/// Intakes in memory: drafts, submission with triage (once only, with its health-history version, responses, contact
/// details and alerts), and referral actions. The front-desk tablet and the needs-action list are the SQL store's
/// alone and refused here.
public final class MemoryIntakeRepository: IntakeRepository {
    private struct State {
        var intakes: [Intake] = []
        var actions: [ReferralAction] = []
        var histories: [(clientId: String, intakeId: String?, answers: IntakeAnswers, at: Instant)] = []
    }

    private let state = Mutex(State())
    private let ids: IDSource
    private let outbox: MemoryOutbox
    private let questionnaires: MemoryQuestionnaireRepository
    private let clients: MemoryClientRepository

    public init(outbox: MemoryOutbox, questionnaires: MemoryQuestionnaireRepository, clients: MemoryClientRepository, ids: IDSource = .random) {
        self.outbox = outbox
        self.questionnaires = questionnaires
        self.clients = clients
        self.ids = ids
    }

    public func createDraft(clientId: String, answers: IntakeAnswers, startedBy: String?, at now: Instant) async throws -> Intake {
        let intake = Intake(id: ids.next(), clientId: clientId, answers: answers, createdAt: now, updatedAt: now)
        state.withLock { $0.intakes.append(intake) }
        return intake
    }

    public func find(id: String) async throws -> Intake? { state.withLock { $0.intakes.first { $0.id == id } } }

    public func list(clientId: String) async throws -> [Intake] {
        state.withLock { $0.intakes.filter { $0.clientId == clientId }.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) } }
    }

    public func latestSubmitted(clientId: String) async throws -> Intake? {
        try await list(clientId: clientId).filter(\.isSubmitted).max { ($0.submittedAt!, $0.id) < ($1.submittedAt!, $1.id) }
    }

    public func saveDraft(id: String, answers: IntakeAnswers, step: String, at now: Instant) async throws -> Bool {
        state.withLock { state in
            guard let index = state.intakes.firstIndex(where: { $0.id == id }), !state.intakes[index].isSubmitted else { return false }
            state.intakes[index].answers = answers
            state.intakes[index].step = step
            state.intakes[index].updatedAt = now
            return true
        }
    }

    public func submit(_ intake: Intake, _ submission: IntakeSubmission, at now: Instant) async throws {
        try state.withLock { state in
            guard let index = state.intakes.firstIndex(where: { $0.id == intake.id }) else { throw StorageError.notFound }
            guard !state.intakes[index].isSubmitted else { throw StorageError.conflict("This intake was already submitted.") }
            state.intakes[index].answers = intake.answers
            state.intakes[index].step = "review"
            state.intakes[index].updatedAt = now
            state.intakes[index].submittedAt = now
            state.intakes[index].inputJSON = submission.inputJSON
            state.intakes[index].resultJSON = submission.resultJSON
            state.intakes[index].urgency = submission.urgency
            state.intakes[index].decision = submission.decision
            // A new version of the health history only when it changed.
            let latest = state.histories.last { $0.clientId == intake.clientId }
            if latest?.answers != submission.history {
                state.histories.append((intake.clientId, intake.id, submission.history, now))
            }
        }
        for response in submission.responses { try await questionnaires.record(response, recordedBy: submission.recordedBy) }
        if let contact = submission.contact { clients.updateContact(contact) }
        outbox.enqueue(submission.alerts)
    }

    public func histories(clientId: String) async throws -> [(intakeId: String?, answers: IntakeAnswers, at: Instant)] {
        state.withLock { state in state.histories.filter { $0.clientId == clientId }.reversed().map { ($0.intakeId, $0.answers, $0.at) } }
    }

    public func addAction(_ action: ReferralAction) async throws -> String {
        var recorded = action
        recorded.id = ids.next()
        let saved = recorded
        state.withLock { $0.actions.append(saved) }
        return saved.id
    }

    public func actions(intakeId: String) async throws -> [ReferralAction] {
        state.withLock { $0.actions.filter { $0.intakeId == intakeId }.sorted { ($0.at, $0.id) < ($1.at, $1.id) } }
    }

    public func isCleared(intakeId: String) async throws -> Bool {
        state.withLock { $0.actions.contains { $0.intakeId == intakeId && $0.kind == .cleared } }
    }

    public func needingAction() async throws -> [(intake: Intake, clientName: String)] {
        throw MemoryStore.Unsupported(what: "IntakeRepository.needingAction (the front desk's list)")
    }

    public func startKiosk(tokenHash: String, intakeId: String, createdBy: String, expires: Instant, at now: Instant) async throws {
        throw MemoryStore.Unsupported(what: "IntakeRepository.startKiosk (the front-desk tablet)")
    }

    public func kioskIntake(tokenHash: String, at now: Instant) async throws -> String? {
        throw MemoryStore.Unsupported(what: "IntakeRepository.kioskIntake (the front-desk tablet)")
    }

    public func endKiosk(tokenHash: String, at now: Instant) async throws {
        throw MemoryStore.Unsupported(what: "IntakeRepository.endKiosk (the front-desk tablet)")
    }
}
