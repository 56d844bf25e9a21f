import LumbarClinic
import LumbarCore
import SQLKit

/// Mail written in the same transaction as the change it reports, delivered later by a background service.
public struct SQLOutboxRepository: OutboxRepository {
    let database: Database
    public init(database: Database) { self.database = database }

    /// Queues messages inside the caller's transaction, so they exist exactly when the change they report does.
    /// Queues messages on their own (outside any other change).
    public func enqueue(_ messages: [QueuedMail], at now: Instant) async throws {
        try await database.write { db in try await Self.enqueue(messages, on: db, at: now) }
    }

    public static func enqueue(_ messages: [QueuedMail], on db: any SQLDatabase, at now: Instant) async throws {
        for message in messages {
            try await db.raw("""
                INSERT INTO outbox (recipient, recipient_name, subject, body, calendar, created_at, next_attempt_at, message_id)
                VALUES (\(bind: message.to), \(bind: message.toName), \(bind: message.subject), \(bind: message.body), \(bind: message.calendar),
                        \(bind: now.milliseconds), \(bind: now.milliseconds), \(bind: Database.newID()))
                """).run()
        }
    }

    /// Claims up to `limit` due messages for `lease` seconds, so no other instance sends them meanwhile.
    /// PostgreSQL skips rows another instance has locked; SQLite's write lock already serialises claimers.
    public func claim(limit: Int, lease: Int64, at now: Instant) async throws -> [OutboxMessage] {
        let lock = database.engine == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await database.write { db in
            let rows = try await db.raw("""
                SELECT * FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= \(bind: now.milliseconds)
                  AND (claimed_until IS NULL OR claimed_until < \(bind: now.milliseconds))
                ORDER BY id LIMIT \(bind: limit)\(unsafeRaw: lock)
                """).all()
            let messages = try rows.map { row in
                let id = try row.decode(column: "id", as: Int64.self)
                let createdAt = try row.instant("created_at")
                return OutboxMessage(id: id, recipient: try row.string("recipient"), recipientName: try row.optionalString("recipient_name"),
                                     subject: try row.string("subject"), body: try row.string("body"), calendar: try row.optionalString("calendar"),
                                     attempts: try row.int("attempts"), createdAt: createdAt,
                                     // Queued before message ids were stored: the row's number and time are as stable.
                                     messageKey: try row.optionalString("message_id") ?? "outbox-\(id)-\(createdAt.milliseconds)")
            }
            for message in messages {
                try await db.raw("UPDATE outbox SET claimed_until = \(bind: now.adding(seconds: lease).milliseconds) WHERE id = \(bind: message.id)").run()
            }
            return messages
        }
    }

    public func markSent(id: Int64, at now: Instant) async throws {
        try await database.write { db in
            try await db.raw("UPDATE outbox SET sent_at = \(bind: now.milliseconds), claimed_until = NULL WHERE id = \(bind: id)").run()
        }
    }

    /// Schedules another try after an exponential backoff (1, 2, 4 … minutes, at most 6 hours).
    public func markFailed(id: Int64, attempts: Int, error: String, at now: Instant) async throws {
        let delay = Int64(min(360, 1 << min(attempts, 9))) * 60
        try await database.write { db in
            try await db.raw("""
                UPDATE outbox SET attempts = attempts + 1, next_attempt_at = \(bind: now.adding(seconds: delay).milliseconds),
                    claimed_until = NULL, last_error = \(bind: String(error.prefix(200))) WHERE id = \(bind: id)
                """).run()
        }
    }

    public func pending() async throws -> Int {
        try await database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM outbox WHERE sent_at IS NULL").first()?.int("n") ?? 0
        }
    }
}
