import LumbarClinic
import LumbarCore
import SQLKit

/// Therapists' private calendar feed links; only a hash of each secret is stored, and links can be revoked.
public struct SQLCalendarFeedRepository: CalendarFeedRepository {
    let database: Database
    public init(database: Database) { self.database = database }

    /// Replaces any live link with a new one.
    public func create(therapistId: String, tokenHash: String, at now: Instant) async throws {
        try await database.write { db in
            try await db.raw("UPDATE calendar_feeds SET revoked_at = \(bind: now.milliseconds) WHERE therapist_id = \(bind: therapistId) AND revoked_at IS NULL").run()
            try await db.raw("""
                INSERT INTO calendar_feeds (token_hash, therapist_id, created_at) VALUES (\(bind: tokenHash), \(bind: therapistId), \(bind: now.milliseconds))
                """).run()
        }
    }

    public func revokeAll(therapistId: String, at now: Instant) async throws {
        try await database.write { db in
            try await db.raw("UPDATE calendar_feeds SET revoked_at = \(bind: now.milliseconds) WHERE therapist_id = \(bind: therapistId) AND revoked_at IS NULL").run()
        }
    }

    public func hasLiveFeed(therapistId: String) async throws -> Bool {
        try await database.read { db in
            try await db.raw("SELECT 1 AS yes FROM calendar_feeds WHERE therapist_id = \(bind: therapistId) AND revoked_at IS NULL").first() != nil
        }
    }

    /// The therapist behind a live link.
    public func therapist(tokenHash: String) async throws -> Account? {
        try await database.read { db in
            try await db.raw("""
                SELECT a.* FROM calendar_feeds f JOIN accounts a ON a.id = f.therapist_id
                WHERE f.token_hash = \(bind: tokenHash) AND f.revoked_at IS NULL AND a.active = 1
                """).first().map(SQLAccountRepository.account)
        }
    }
}
