import LumbarCore
import LumbarZones

/// SOAP visit notes: a draft begun for today's visit, the engine run on its findings, signing (which fixes the note,
/// with its outcome scores and audit row, once gluteal work has written consent), and amendment as a new note that
/// keeps the original.
public struct VisitNoteService: Sendable {
    let services: ClinicServices
    let notes: any VisitNoteRepository
    let consents: any ConsentRepository

    public init(services: ClinicServices, notes: any VisitNoteRepository, consents: any ConsentRepository) {
        self.services = services
        self.notes = notes
        self.consents = consents
    }

    /// A new draft for the client by `author`, tied to today's appointment when there is one, with the home-program
    /// diary in words for the Subjective.
    public func start(clientId: String, appointmentId: String?, author: Account, diary: String) async throws -> VisitNote {
        try await notes.createDraft(VisitNote(clientId: clientId, appointmentId: appointmentId, authorId: author.id, homeProgram: diary,
                                              createdAt: services.now))
    }

    /// The activities the client named at intake, whose ratings (PSFS) each note asks again.
    public func activities(clientId: String) async throws -> [String] {
        guard let intake = try await services.intake.latestSubmitted(clientId: clientId) else { return [] }
        return (1...5).map { intake.answers["psfs.activity.\($0)"].trimmed }.filter { !$0.isEmpty }
    }

    /// The engine on the note's findings over the latest intake's contract input; nil when there is no intake yet.
    public func assessment(_ note: VisitNote) async throws -> Assessment? {
        guard let intake = try await services.intake.latestSubmitted(clientId: note.clientId), let json = intake.inputJSON,
              case .success(let input) = AssessmentInputDecoder.decode(Array(json.utf8)) else { return nil }
        let profile = try await services.clinic.profile()
        let zone = FoundationZone(identifier: profile?.timeZone ?? "UTC") ?? FoundationZone(identifier: "UTC")!
        return AssessmentEngine(settings: profile?.engineSettings ?? EngineSettings())
            .assess(note.assessmentInput(intake: input, on: zone.local(note.signedAt ?? services.now).date))
    }

    /// What stops the note being signed: missing parts, and gluteal work without the client's written consent.
    public func signingProblems(_ note: VisitNote) async throws -> [FieldProblem] {
        var problems = note.signingProblems
        if note.techniques.contains(where: { $0.areas.contains { $0.consent == .gluteal } }) {
            let intake = try await services.intake.latestSubmitted(clientId: note.clientId)
            let consents = ConsentStatus(try await consents.list(clientId: note.clientId), intakeId: intake?.id,
                                         appointmentId: note.appointmentId)
            if !consents.isGiven(.gluteal) {
                problems.append(FieldProblem("glutealVerbalConsent",
                                             "There is no written gluteal consent for this plan: have the client sign it before recording gluteal work."))
            }
        }
        return problems
    }

    /// Signs a draft that has no signing problems: the engine's result, today's pain and PSFS scores and the audit row
    /// are kept with it in one commit. `address` is where the signer is, for the audit row.
    public func sign(_ note: VisitNote, by account: Account, address: String) async throws {
        let assessment = try await assessment(note)
        let audit = AuditEntry(at: services.now, actorId: account.id, actorRole: account.role, clientId: note.clientId, infoType: .clinical,
                               action: .create, address: address, detail: note.amends == nil ? "visit note signed" : "visit note amendment signed")
        try await notes.sign(id: note.id, assessmentJSON: assessment?.json, urgency: assessment?.urgency ?? .none,
                             outcomes: try await outcomes(note), recordedBy: account.id, audit: audit, at: services.now)
    }

    /// A new draft by `account` that amends a signed note, starting from what it said.
    public func amend(_ original: VisitNote, by account: Account) async throws -> VisitNote {
        var copy = original
        copy.authorId = account.id
        copy.status = .draft
        copy.assessmentJSON = nil
        copy.urgency = nil
        copy.signedAt = nil
        copy.createdAt = services.now
        copy.amends = original.amends ?? original.id
        copy.amendReason = ""
        return try await notes.createDraft(copy)
    }

    /// Today's NPRS, and PSFS over the activities the client named at intake, as scored responses.
    private func outcomes(_ note: VisitNote) async throws -> [QuestionnaireResponse] {
        guard let pain = note.painNow else { return [] }
        var responses = [QuestionnaireResponse(clientId: note.clientId, intakeId: nil, instrument: .nprs, definitionVersion: "visit",
                                               answers: [("pain", String(pain))], score: Double(pain), at: services.now)]
        let rated = zip(try await activities(clientId: note.clientId), note.psfs).compactMap { activity, rating in
            rating.map { (activity: activity, rating: $0) }
        }
        if let psfs = QuestionnaireResponse.psfs(rated, clientId: note.clientId, intakeId: nil, definitionVersion: "visit", at: services.now) {
            responses.append(psfs)
        }
        return responses
    }
}
