import LumbarClinic
import LumbarCore
import SQLKit

/// Questionnaire definitions a clinic loaded (the newest per instrument is in use) and scored responses.
public struct SQLQuestionnaireRepository: QuestionnaireRepository {
    let database: Database
    public init(database: Database) { self.database = database }

    public func load(_ definition: QuestionnaireDefinition, by accountId: String, at now: Instant) async throws {
        try await database.write { db in
            try await db.raw("""
                INSERT INTO questionnaire_definitions (id, instrument, version, body, loaded_by, loaded_at)
                VALUES (\(bind: Database.newID()), \(bind: definition.instrument.rawValue), \(bind: definition.version), \(bind: definition.json),
                        \(bind: accountId), \(bind: now.milliseconds))
                """).run()
        }
    }

    /// The clinic's loaded definitions, newest per instrument; instruments with none use the shipped wording.
    public func loaded() async throws -> [Instrument: QuestionnaireDefinition] {
        let rows = try await database.read { db in
            try await db.raw("SELECT body FROM questionnaire_definitions ORDER BY loaded_at, id").all().map { try $0.string("body") }
        }
        var definitions: [Instrument: QuestionnaireDefinition] = [:]
        for body in rows {
            if case .success(let definition) = QuestionnaireDefinition.parse(body) { definitions[definition.instrument] = definition }
        }
        return definitions
    }

    /// Stores one response on its own (a repeat questionnaire between visits).
    public func record(_ response: QuestionnaireResponse, recordedBy: String?) async throws {
        try await database.write { db in try await Self.insert(response, recordedBy: recordedBy, on: db) }
    }

    static func insert(_ response: QuestionnaireResponse, recordedBy: String?, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO questionnaire_responses (id, client_id, intake_id, instrument, definition_version, answers, score, created_at, recorded_by)
            VALUES (\(bind: response.id.isEmpty ? Database.newID() : response.id), \(bind: response.clientId), \(bind: response.intakeId),
                    \(bind: response.instrument.rawValue), \(bind: response.definitionVersion), \(bind: response.answersJSON), \(bind: response.score),
                    \(bind: response.at.milliseconds), \(bind: recordedBy))
            """).run()
    }

    public func responses(clientId: String) async throws -> [QuestionnaireResponse] {
        try await database.read { db in
            try await db.raw("""
                SELECT * FROM questionnaire_responses WHERE client_id = \(bind: clientId) ORDER BY created_at, id
                """).all().compactMap { row in
                guard let instrument = Instrument(rawValue: try row.string("instrument")) else { return nil }
                return QuestionnaireResponse(
                    id: try row.string("id"), clientId: try row.string("client_id"), intakeId: try row.optionalString("intake_id"), instrument: instrument,
                    definitionVersion: try row.string("definition_version"), answers: QuestionnaireResponse.answers(fromJSON: try row.string("answers")),
                    score: try row.decode(column: "score", as: Double.self), at: try row.instant("created_at"))
            }
        }
    }
}
