import LumbarClinic
import LumbarCore
import SQLKit

/// Clinical chart entries. Append-only in the database: a correction is a new note that names the one it amends.
public struct SQLChartNoteRepository: ChartNoteRepository {
    let database: Database
    public init(database: Database) { self.database = database }

    public func add(clientId: String, authorId: String, body: String, amends: String? = nil, reason: String? = nil, at now: Instant) async throws -> String {
        let id = Database.newID()
        try await database.write { db in
            if let amends {
                let original = try await db.raw("SELECT id FROM chart_notes WHERE id = \(bind: amends) AND client_id = \(bind: clientId)").first()
                guard original != nil else { throw StorageError.notFound }
            }
            try await db.raw("""
                INSERT INTO chart_notes (id, client_id, author_id, body, created_at, amends, reason)
                VALUES (\(bind: id), \(bind: clientId), \(bind: authorId), \(bind: body), \(bind: now.milliseconds), \(bind: amends), \(bind: reason))
                """).run()
        }
        return id
    }

    public func list(clientId: String) async throws -> [ChartNote] {
        try await database.read { db in
            try await db.raw("""
                SELECT n.*, a.name AS author_name FROM chart_notes n JOIN accounts a ON a.id = n.author_id
                WHERE n.client_id = \(bind: clientId) ORDER BY n.created_at, n.id
                """).all().map { row in
                ChartNote(id: try row.string("id"), clientId: try row.string("client_id"), authorId: try row.string("author_id"),
                          authorName: try row.string("author_name"), body: try row.string("body"), createdAt: try row.instant("created_at"),
                          amends: try row.optionalString("amends"), reason: try row.optionalString("reason"))
            }
        }
    }
}
