import LumbarClinic
import LumbarCore
import SQLKit

/// SOAP visit notes. Drafts are saved as the therapist types; a signed note is fixed by the database itself, and a
/// correction is an amendment row that names the note it corrects.
public struct SQLVisitNoteRepository: VisitNoteRepository {
    let database: Database
    public init(database: Database) { self.database = database }

    public func createDraft(_ note: VisitNote) async throws -> VisitNote {
        var stored = note
        stored.id = Database.newID()
        let row = stored
        try await database.write { db in
            if let amends = row.amends {
                let original = try await db.raw("""
                    SELECT 1 AS yes FROM visit_notes WHERE id = \(bind: amends) AND client_id = \(bind: row.clientId) AND signed_at IS NOT NULL
                    """).first()
                guard original != nil else { throw StorageError.notFound }
            }
            try await db.raw("""
                INSERT INTO visit_notes (id, client_id, appointment_id, author_id, status, pain_now, subjective, home_program, findings, objective,
                    range_of_motion, tests, body_chart, plan, techniques, gluteal_verbal, created_at, updated_at, amends, amend_reason)
                VALUES (\(bind: row.id), \(bind: row.clientId), \(bind: row.appointmentId), \(bind: row.authorId), 'draft', \(bind: row.painNow),
                    \(bind: row.subjective), \(bind: row.homeProgram), \(bind: Self.findings(row)), \(bind: row.objective), \(bind: row.rangeOfMotion),
                    \(bind: row.tests), \(bind: row.bodyChart.entries.joined(separator: ",")), \(bind: row.plan), \(bind: row.techniqueEntries.joined(separator: "\n")),
                    \(bind: row.glutealVerbalConsent.stored), \(bind: row.createdAt.milliseconds), \(bind: row.createdAt.milliseconds), \(bind: row.amends),
                    \(bind: row.amendReason))
                """).run()
            try await db.raw("UPDATE visit_notes SET psfs = \(bind: row.psfsText) WHERE id = \(bind: row.id)").run()
        }
        return stored
    }

    static func findings(_ note: VisitNote) -> String {
        Finding.allCases.filter(note.findings.contains).map(\.rawValue).joined(separator: ",")
    }

    static func note(_ row: any SQLRow) throws -> VisitNote {
        VisitNote(
            id: try row.string("id"), clientId: try row.string("client_id"), appointmentId: try row.optionalString("appointment_id"),
            authorId: try row.string("author_id"), authorName: try row.string("author_name"),
            status: VisitNote.Status(rawValue: try row.string("status")) ?? .draft, painNow: try row.decode(column: "pain_now", as: Int?.self),
            subjective: try row.string("subjective"), homeProgram: try row.string("home_program"),
            findings: Set(try row.string("findings").split(separator: ",").compactMap { Finding(rawValue: String($0)) }),
            objective: try row.string("objective"), rangeOfMotion: try row.string("range_of_motion"), tests: try row.string("tests"),
            bodyChart: BodyChart.parse(try row.string("body_chart").split(separator: ",").map(String.init)).chart,
            assessmentJSON: try row.optionalString("assessment_json"), urgency: try row.optionalString("urgency").flatMap(Urgency.init(rawValue:)),
            plan: try row.string("plan"), techniques: VisitNote.techniques(from: try row.string("techniques").split(separator: "\n").map(String.init)),
            glutealVerbalConsent: try row.flag("gluteal_verbal"), createdAt: try row.instant("created_at"), updatedAt: try row.instant("updated_at"),
            signedAt: try row.optionalInstant("signed_at"), amends: try row.optionalString("amends"), amendReason: try row.optionalString("amend_reason"))
            .with { $0.psfs = VisitNote.psfs(from: (try? row.string("psfs")) ?? "") }
    }

    public func find(id: String) async throws -> VisitNote? {
        try await database.read { db in
            try await db.raw("""
                SELECT v.*, a.name AS author_name FROM visit_notes v JOIN accounts a ON a.id = v.author_id WHERE v.id = \(bind: id)
                """).first().map(Self.note)
        }
    }

    /// A client's notes, oldest first.
    public func list(clientId: String) async throws -> [VisitNote] {
        try await database.read { db in
            try await db.raw("""
                SELECT v.*, a.name AS author_name FROM visit_notes v JOIN accounts a ON a.id = v.author_id
                WHERE v.client_id = \(bind: clientId) ORDER BY v.created_at, v.id
                """).all().map(Self.note)
        }
    }

    /// A client's notes, oldest first, reading only the columns an outline holds: at 500 visits the whole notes (each
    /// with its stored assessment) were most of the chart page's time (docs/performance.md).
    public func outlines(clientId: String) async throws -> [VisitNote] {
        try await database.read { db in
            try await db.raw("""
                SELECT v.id, v.appointment_id, v.author_id, a.name AS author_name, v.status, v.pain_now, v.findings, v.urgency,
                       v.created_at, v.updated_at, v.signed_at, v.amends
                FROM visit_notes v JOIN accounts a ON a.id = v.author_id
                WHERE v.client_id = \(bind: clientId) ORDER BY v.created_at, v.id
                """).all().map { row in
                VisitNote(
                    id: try row.string("id"), clientId: clientId, appointmentId: try row.optionalString("appointment_id"), authorId: try row.string("author_id"),
                    authorName: try row.string("author_name"), status: VisitNote.Status(rawValue: try row.string("status")) ?? .draft,
                    painNow: try row.decode(column: "pain_now", as: Int?.self),
                    findings: Set(try row.string("findings").split(separator: ",").compactMap { Finding(rawValue: String($0)) }),
                    urgency: try row.optionalString("urgency").flatMap(Urgency.init(rawValue:)), createdAt: try row.instant("created_at"),
                    updatedAt: try row.instant("updated_at"), signedAt: try row.optionalInstant("signed_at"), amends: try row.optionalString("amends"))
            }
        }
    }

    /// Saves a draft's fields; false once it is signed (the database would refuse anyway).
    @discardableResult
    public func saveDraft(_ note: VisitNote, at now: Instant) async throws -> Bool {
        try await database.write { db in
            guard let row = try await db.raw("SELECT signed_at FROM visit_notes WHERE id = \(bind: note.id)").first(),
                  try row.optionalInstant("signed_at") == nil else { return false }
            try await db.raw("""
                UPDATE visit_notes SET pain_now = \(bind: note.painNow), subjective = \(bind: note.subjective), findings = \(bind: Self.findings(note)),
                    objective = \(bind: note.objective), range_of_motion = \(bind: note.rangeOfMotion), tests = \(bind: note.tests),
                    body_chart = \(bind: note.bodyChart.entries.joined(separator: ",")), plan = \(bind: note.plan),
                    techniques = \(bind: note.techniqueEntries.joined(separator: "\n")), gluteal_verbal = \(bind: note.glutealVerbalConsent.stored),
                    amend_reason = \(bind: note.amendReason), psfs = \(bind: note.psfsText), updated_at = \(bind: now.milliseconds)
                WHERE id = \(bind: note.id) AND signed_at IS NULL
                """).run()
            return true
        }
    }

    /// Signs a saved draft with the engine's assessment, and its audit row; `.conflict` if already signed.
    /// `outcomes`: the NPRS and PSFS scores recorded at this visit, stored with the signature.
    public func sign(id: String, assessmentJSON: String?, urgency: Urgency, outcomes: [QuestionnaireResponse] = [], recordedBy: String? = nil,
                     audit: AuditEntry, at now: Instant) async throws {
        try await database.write { db in
            guard let row = try await db.raw("SELECT signed_at FROM visit_notes WHERE id = \(bind: id)").first(),
                  try row.optionalInstant("signed_at") == nil else { throw StorageError.conflict("This note is already signed.") }
            try await db.raw("""
                UPDATE visit_notes SET status = 'signed', signed_at = \(bind: now.milliseconds), assessment_json = \(bind: assessmentJSON),
                    urgency = \(bind: urgency.rawValue), updated_at = \(bind: now.milliseconds)
                WHERE id = \(bind: id)
                """).run()
            for response in outcomes { try await SQLQuestionnaireRepository.insert(response, recordedBy: recordedBy, on: db) }
            try await SQLAuditRepository.append(audit, on: db)
        }
    }
}

extension VisitNote {
    func with(_ change: (inout VisitNote) -> Void) -> VisitNote {
        var copy = self
        change(&copy)
        return copy
    }
}
