import LumbarCore

/// SOAP visit notes. Drafts are saved as the therapist types; a signed note is fixed by the database itself, and a
/// correction is an amendment row that names the note it corrects.
public protocol VisitNoteRepository: Sendable {
    func createDraft(_ note: VisitNote) async throws -> VisitNote

    func find(id: String) async throws -> VisitNote?

    /// A client's notes, oldest first.
    func list(clientId: String) async throws -> [VisitNote]

    /// A client's notes, oldest first, without what is written in them: ids, author, status, pain, findings, urgency,
    /// times and what each amends; the SOAP text, body chart, techniques and stored assessment are left empty. For the
    /// chart's header and lists and the FHIR export, which read every visit of a client with hundreds.
    func outlines(clientId: String) async throws -> [VisitNote]

    @discardableResult
    func saveDraft(_ note: VisitNote, at now: Instant) async throws -> Bool

    /// Signs a saved draft with the engine's assessment, and its audit row; `.conflict` if already signed.
    /// `outcomes`: the NPRS and PSFS scores recorded at this visit, stored with the signature.
    func sign(id: String, assessmentJSON: String?, urgency: Urgency, outcomes: [QuestionnaireResponse], recordedBy: String?, audit: AuditEntry, at now: Instant) async throws
}

/// The defaults callers rely on; each forwards to the requirement.
extension VisitNoteRepository {
    /// The whole notes, where a store has nothing cheaper (the in-memory one).
    public func outlines(clientId: String) async throws -> [VisitNote] { try await list(clientId: clientId) }

    public func sign(id: String, assessmentJSON: String?, urgency: Urgency, outcomes: [QuestionnaireResponse] = [], recordedBy: String? = nil, audit: AuditEntry, at now: Instant) async throws {
        try await sign(id: id, assessmentJSON: assessmentJSON, urgency: urgency, outcomes: outcomes, recordedBy: recordedBy, audit: audit, at: now)
    }
}
