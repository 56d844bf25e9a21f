import LumbarClinic
import LumbarCore
import Synchronization

/// Visit notes in memory: drafts saved as typed, signing once (with the outcome scores it records), amendments only
/// of a signed note of the same client.
public final class MemoryVisitNoteRepository: VisitNoteRepository {
    private let notes = Mutex<[VisitNote]>([])
    private let accounts: MemoryAccountRepository
    private let questionnaires: MemoryQuestionnaireRepository
    private let ids: IDSource

    public init(accounts: MemoryAccountRepository, questionnaires: MemoryQuestionnaireRepository, ids: IDSource = .random) {
        self.accounts = accounts
        self.questionnaires = questionnaires
        self.ids = ids
    }

    public func createDraft(_ note: VisitNote) async throws -> VisitNote {
        var stored = note
        stored.id = ids.next()
        stored.status = .draft
        stored.signedAt = nil
        stored.updatedAt = note.createdAt
        let row = stored
        try notes.withLock { notes in
            if let amends = row.amends {
                guard notes.contains(where: { $0.id == amends && $0.clientId == row.clientId && $0.signedAt != nil }) else { throw StorageError.notFound }
            }
            notes.append(row)
        }
        return stored
    }

    public func find(id: String) async throws -> VisitNote? {
        guard let note = notes.withLock({ $0.first { $0.id == id } }) else { return nil }
        return try await named(note)
    }

    public func list(clientId: String) async throws -> [VisitNote] {
        var result: [VisitNote] = []
        for note in notes.withLock({ $0.filter { $0.clientId == clientId }.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) } }) {
            result.append(try await named(note))
        }
        return result
    }

    public func saveDraft(_ note: VisitNote, at now: Instant) async throws -> Bool {
        notes.withLock { notes in
            guard let index = notes.firstIndex(where: { $0.id == note.id }), notes[index].signedAt == nil else { return false }
            var saved = notes[index]
            saved.painNow = note.painNow
            saved.subjective = note.subjective
            saved.findings = note.findings
            saved.objective = note.objective
            saved.rangeOfMotion = note.rangeOfMotion
            saved.tests = note.tests
            saved.bodyChart = note.bodyChart
            saved.plan = note.plan
            saved.techniques = note.techniques
            saved.glutealVerbalConsent = note.glutealVerbalConsent
            saved.amendReason = note.amendReason
            saved.psfs = note.psfs
            saved.updatedAt = now
            notes[index] = saved
            return true
        }
    }

    public func sign(id: String, assessmentJSON: String?, urgency: Urgency, outcomes: [QuestionnaireResponse], recordedBy: String?, audit: AuditEntry,
                     at now: Instant) async throws {
        try notes.withLock { notes in
            guard let index = notes.firstIndex(where: { $0.id == id }), notes[index].signedAt == nil else {
                throw StorageError.conflict("This note is already signed.")
            }
            notes[index].status = .signed
            notes[index].signedAt = now
            notes[index].assessmentJSON = assessmentJSON
            notes[index].urgency = urgency
            notes[index].updatedAt = now
        }
        for response in outcomes { try await questionnaires.record(response, recordedBy: recordedBy) }
    }

    /// The note with its author's name, as the SQL store joins it.
    private func named(_ note: VisitNote) async throws -> VisitNote {
        var named = note
        named.authorName = try await accounts.find(id: note.authorId)?.name ?? ""
        return named
    }
}
