import LumbarClinic
import LumbarCore
import SQLKit

/// Intakes: drafts saved as the client types, then submitted once with their triage, health history version,
/// scored questionnaires, clinic alerts and audit row, all in one transaction.
public struct SQLIntakeRepository: IntakeRepository {
    public typealias Submission = IntakeSubmission
    let database: Database
    public init(database: Database) { self.database = database }

    public func createDraft(clientId: String, answers: IntakeAnswers, startedBy: String?, at now: Instant) async throws -> Intake {
        let intake = Intake(id: Database.newID(), clientId: clientId, answers: answers, createdAt: now, updatedAt: now)
        try await database.write { db in
            try await db.raw("""
                INSERT INTO intakes (id, client_id, answers, step, created_at, updated_at, started_by)
                VALUES (\(bind: intake.id), \(bind: clientId), \(bind: answers.json), \(bind: intake.step), \(bind: now.milliseconds),
                        \(bind: now.milliseconds), \(bind: startedBy))
                """).run()
        }
        return intake
    }

    static func intake(_ row: any SQLRow) throws -> Intake {
        Intake(id: try row.string("id"), clientId: try row.string("client_id"), answers: IntakeAnswers(json: try row.string("answers")),
               step: try row.string("step"), createdAt: try row.instant("created_at"), updatedAt: try row.instant("updated_at"),
               submittedAt: try row.optionalInstant("submitted_at"), inputJSON: try row.optionalString("input_json"),
               resultJSON: try row.optionalString("result_json"), urgency: try row.optionalString("urgency").flatMap(Urgency.init(rawValue:)),
               decision: try row.optionalString("decision").flatMap(TreatmentDecision.init(rawValue:)))
    }

    public func find(id: String) async throws -> Intake? {
        try await database.read { db in try await db.raw("SELECT * FROM intakes WHERE id = \(bind: id)").first().map(Self.intake) }
    }

    /// Every intake of a client, newest first.
    public func list(clientId: String) async throws -> [Intake] {
        try await database.read { db in
            try await db.raw("SELECT * FROM intakes WHERE client_id = \(bind: clientId) ORDER BY created_at DESC, id DESC").all().map(Self.intake)
        }
    }

    public func latestSubmitted(clientId: String) async throws -> Intake? {
        try await list(clientId: clientId).first { $0.isSubmitted }
    }

    /// Saves a draft's answers and where the client is; false once the intake is submitted (it is then fixed).
    @discardableResult
    public func saveDraft(id: String, answers: IntakeAnswers, step: String, at now: Instant) async throws -> Bool {
        try await database.write { db in
            guard let row = try await db.raw("SELECT submitted_at FROM intakes WHERE id = \(bind: id)").first(),
                  try row.optionalInstant("submitted_at") == nil else { return false }
            try await db.raw("""
                UPDATE intakes SET answers = \(bind: answers.json), step = \(bind: step), updated_at = \(bind: now.milliseconds)
                WHERE id = \(bind: id) AND submitted_at IS NULL
                """).run()
            return true
        }
    }

    /// Submits a draft; `.conflict` when it was already submitted (a double tap, or two tabs).
    public func submit(_ intake: Intake, _ submission: Submission, at now: Instant) async throws {
        try await database.write { db in
            guard let row = try await db.raw("SELECT submitted_at FROM intakes WHERE id = \(bind: intake.id)").first(),
                  try row.optionalInstant("submitted_at") == nil else { throw StorageError.conflict("This intake was already submitted.") }
            try await db.raw("""
                UPDATE intakes SET answers = \(bind: intake.answers.json), step = 'review', updated_at = \(bind: now.milliseconds),
                    submitted_at = \(bind: now.milliseconds), input_json = \(bind: submission.inputJSON), result_json = \(bind: submission.resultJSON),
                    urgency = \(bind: submission.urgency.rawValue), decision = \(bind: submission.decision.rawValue)
                WHERE id = \(bind: intake.id)
                """).run()
            let latest = try await db.raw("""
                SELECT answers FROM health_histories WHERE client_id = \(bind: intake.clientId) ORDER BY created_at DESC, id DESC LIMIT 1
                """).first().map { IntakeAnswers(json: try $0.string("answers")) }
            if latest != submission.history {
                try await db.raw("""
                    INSERT INTO health_histories (id, client_id, intake_id, answers, created_at, recorded_by)
                    VALUES (\(bind: Database.newID()), \(bind: intake.clientId), \(bind: intake.id), \(bind: submission.history.json),
                            \(bind: now.milliseconds), \(bind: submission.recordedBy))
                    """).run()
            }
            for response in submission.responses {
                try await SQLQuestionnaireRepository.insert(response, recordedBy: submission.recordedBy, on: db)
            }
            if let contact = submission.contact { try await SQLClientRepository.updateContact(contact, on: db) }
            try await SQLOutboxRepository.enqueue(submission.alerts, on: db, at: now)
            try await SQLAuditRepository.append(submission.audit, on: db)
        }
    }

    /// Versions of a client's health history, newest first: (intake it came with, answers, when).
    public func histories(clientId: String) async throws -> [(intakeId: String?, answers: IntakeAnswers, at: Instant)] {
        try await database.read { db in
            try await db.raw("""
                SELECT intake_id, answers, created_at FROM health_histories WHERE client_id = \(bind: clientId) ORDER BY created_at DESC, id DESC
                """).all().map { (try $0.optionalString("intake_id"), IntakeAnswers(json: try $0.string("answers")), try $0.instant("created_at")) }
        }
    }

    // MARK: Triage follow-up

    public func addAction(_ action: ReferralAction) async throws -> String {
        let id = Database.newID()
        try await database.write { db in
            try await db.raw("""
                INSERT INTO referral_actions (id, intake_id, client_id, kind, recipient, detail, recorded_by, at)
                VALUES (\(bind: id), \(bind: action.intakeId), \(bind: action.clientId), \(bind: action.kind.rawValue), \(bind: action.recipient.trimmed),
                        \(bind: action.detail.trimmed), \(bind: action.recordedBy), \(bind: action.at.milliseconds))
                """).run()
        }
        return id
    }

    public func actions(intakeId: String) async throws -> [ReferralAction] {
        try await database.read { db in
            try await db.raw("""
                SELECT r.*, a.name AS recorded_by_name FROM referral_actions r JOIN accounts a ON a.id = r.recorded_by
                WHERE r.intake_id = \(bind: intakeId) ORDER BY r.at, r.id
                """).all().map { row in
                ReferralAction(id: try row.string("id"), intakeId: try row.string("intake_id"), clientId: try row.string("client_id"),
                               kind: ReferralAction.Kind(rawValue: try row.string("kind")) ?? .note, recipient: try row.string("recipient"),
                               detail: try row.string("detail"), recordedBy: try row.string("recorded_by"),
                               recordedByName: try row.string("recorded_by_name"), at: try row.instant("at"))
            }
        }
    }

    /// Whether a therapist has recorded that a physician cleared the client after this intake.
    public func isCleared(intakeId: String) async throws -> Bool {
        try await database.read { db in
            try await db.raw("SELECT 1 AS yes FROM referral_actions WHERE intake_id = \(bind: intakeId) AND kind = 'cleared'").first() != nil
        }
    }

    /// Latest submitted intakes triaged urgent or emergency with no clearance yet: (intake, client's name).
    public func needingAction() async throws -> [(intake: Intake, clientName: String)] {
        try await database.read { db in
            try await db.raw("""
                SELECT i.*, c.first_name || ' ' || c.last_name AS client_name FROM intakes i JOIN clients c ON c.id = i.client_id
                WHERE i.urgency IN ('urgent', 'emergency')
                  AND NOT EXISTS (SELECT 1 FROM referral_actions r WHERE r.intake_id = i.id AND r.kind = 'cleared')
                  AND NOT EXISTS (SELECT 1 FROM intakes later WHERE later.client_id = i.client_id AND later.submitted_at > i.submitted_at)
                ORDER BY i.submitted_at DESC LIMIT 100
                """).all().map { (try Self.intake($0), try $0.string("client_name")) }
        }
    }

    // MARK: Front-desk tablet

    public func startKiosk(tokenHash: String, intakeId: String, createdBy: String, expires: Instant, at now: Instant) async throws {
        try await database.write { db in
            try await db.raw("""
                INSERT INTO intake_kiosk_tokens (token_hash, intake_id, created_by, created_at, expires_at)
                VALUES (\(bind: tokenHash), \(bind: intakeId), \(bind: createdBy), \(bind: now.milliseconds), \(bind: expires.milliseconds))
                """).run()
        }
    }

    /// The intake a live tablet token opens, if any.
    public func kioskIntake(tokenHash: String, at now: Instant) async throws -> String? {
        try await database.read { db in
            try await db.raw("""
                SELECT intake_id FROM intake_kiosk_tokens WHERE token_hash = \(bind: tokenHash) AND expires_at > \(bind: now.milliseconds)
                """).first().map { try $0.string("intake_id") }
        }
    }

    public func endKiosk(tokenHash: String, at now: Instant) async throws {
        try await database.write { db in
            try await db.raw("UPDATE intake_kiosk_tokens SET expires_at = \(bind: now.milliseconds) WHERE token_hash = \(bind: tokenHash)").run()
        }
    }
}
