import LumbarClinic
import LumbarCore
import SQLKit

/// Visit-note templates in `note_templates`; techniques kept as the visit note keeps them, one entry per line.
public struct SQLNoteTemplateRepository: NoteTemplateRepository {
    let database: Database
    public init(database: Database) { self.database = database }

    public func all() async throws -> [NoteTemplate] {
        try await database.read { db in try await db.raw("SELECT * FROM note_templates ORDER BY name, id").all().map(Self.template) }
    }

    public func find(id: String) async throws -> NoteTemplate? {
        try await database.read { db in try await db.raw("SELECT * FROM note_templates WHERE id = \(bind: id)").first().map(Self.template) }
    }

    public func save(_ template: NoteTemplate) async throws -> NoteTemplate {
        var saved = template
        let isNew = saved.id.isEmpty
        if isNew { saved.id = Database.newID() }
        let techniques = VisitNote(clientId: "", authorId: "", techniques: template.techniques, createdAt: template.updatedAt).techniqueEntries
            .joined(separator: "\n")
        let row = saved
        try await database.write { db in
            let saved = row
            if isNew {
                try await db.raw("""
                    INSERT INTO note_templates (id, name, owner_id, service_id, subjective, objective, plan, techniques, updated_at, retired_at)
                    VALUES (\(bind: saved.id), \(bind: saved.name), \(bind: saved.ownerId), \(bind: saved.serviceId), \(bind: saved.subjective),
                            \(bind: saved.objective), \(bind: saved.plan), \(bind: techniques), \(bind: saved.updatedAt.milliseconds),
                            \(bind: saved.retiredAt?.milliseconds))
                    """).run()
            } else {
                try await db.raw("""
                    UPDATE note_templates SET name = \(bind: saved.name), owner_id = \(bind: saved.ownerId), service_id = \(bind: saved.serviceId),
                        subjective = \(bind: saved.subjective), objective = \(bind: saved.objective), plan = \(bind: saved.plan),
                        techniques = \(bind: techniques), updated_at = \(bind: saved.updatedAt.milliseconds) WHERE id = \(bind: saved.id)
                    """).run()
            }
        }
        return row
    }

    public func retire(id: String, at now: Instant?) async throws {
        try await database.write { db in
            try await db.raw("UPDATE note_templates SET retired_at = \(bind: now?.milliseconds) WHERE id = \(bind: id)").run()
        }
    }

    static func template(_ row: any SQLRow) throws -> NoteTemplate {
        NoteTemplate(id: try row.string("id"), name: try row.string("name"), ownerId: try row.optionalString("owner_id"),
                     serviceId: try row.optionalString("service_id"), subjective: try row.string("subjective"), objective: try row.string("objective"),
                     plan: try row.string("plan"),
                     techniques: VisitNote.techniques(from: try row.string("techniques").split(separator: "\n").map(String.init)),
                     updatedAt: try row.instant("updated_at"), retiredAt: try row.optionalInstant("retired_at"))
    }
}
