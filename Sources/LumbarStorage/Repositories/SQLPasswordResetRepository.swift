import LumbarClinic
import LumbarCore
import SQLKit

/// One-time password reset links; only the hash of the token is stored.
public struct SQLPasswordResetRepository: PasswordResetRepository {
    let database: Database
    public init(database: Database) { self.database = database }

    public func create(tokenHash: String, accountId: String, expiresAt: Instant) async throws {
        try await database.write { db in
            try await db.raw("""
                INSERT INTO password_resets (token_hash, account_id, expires_at) VALUES (\(bind: tokenHash), \(bind: accountId), \(bind: expiresAt.milliseconds))
                """).run()
        }
    }

    /// The account the token resets, if it is unexpired and unused; marks it used.
    public func consume(tokenHash: String, at now: Instant) async throws -> String? {
        try await database.write { db in
            guard let row = try await db.raw("""
                SELECT account_id FROM password_resets
                WHERE token_hash = \(bind: tokenHash) AND used_at IS NULL AND expires_at > \(bind: now.milliseconds)
                """).first() else { return nil }
            try await db.raw("UPDATE password_resets SET used_at = \(bind: now.milliseconds) WHERE token_hash = \(bind: tokenHash)").run()
            return try row.string("account_id")
        }
    }

    /// Whether the token would be accepted, without spending it (to show the form).
    public func isValid(tokenHash: String, at now: Instant) async throws -> Bool {
        try await database.read { db in
            try await db.raw("""
                SELECT account_id FROM password_resets
                WHERE token_hash = \(bind: tokenHash) AND used_at IS NULL AND expires_at > \(bind: now.milliseconds)
                """).first() != nil
        }
    }
}
