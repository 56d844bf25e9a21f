import LumbarClinic
import LumbarCore
import SQLKit

public struct SQLSessionRepository: SessionRepository {
    let database: Database
    public init(database: Database) { self.database = database }

    public func create(tokenHash: String, accountId: String, csrfToken: String, secondFactorDone: Bool, address: String, at now: Instant) async throws {
        try await database.write { db in
            try await db.raw("""
                INSERT INTO sessions (token_hash, account_id, csrf_token, second_factor_done, created_at, last_seen_at, address)
                VALUES (\(bind: tokenHash), \(bind: accountId), \(bind: csrfToken), \(bind: secondFactorDone.stored),
                        \(bind: now.milliseconds), \(bind: now.milliseconds), \(bind: address))
                """).run()
        }
    }

    public func find(tokenHash: String) async throws -> SessionRecord? {
        try await database.read { db in
            guard let row = try await db.raw("""
                SELECT s.token_hash, s.csrf_token, s.second_factor_done, s.created_at AS session_created_at,
                       s.last_seen_at AS session_last_seen_at, a.*
                FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = \(bind: tokenHash)
                """).first() else { return nil }
            return SessionRecord(
                tokenHash: try row.string("token_hash"), account: try SQLAccountRepository.account(row),
                csrfToken: try row.string("csrf_token"), secondFactorDone: try row.flag("second_factor_done"),
                // Aliased: accounts has a created_at of its own, and engines differ on which duplicate a name finds.
                createdAt: try row.instant("session_created_at"), lastSeenAt: try row.instant("session_last_seen_at"))
        }
    }

    public func touch(tokenHash: String, at now: Instant) async throws {
        try await database.write { db in
            try await db.raw("UPDATE sessions SET last_seen_at = \(bind: now.milliseconds) WHERE token_hash = \(bind: tokenHash)").run()
        }
    }

    public func completeSecondFactor(tokenHash: String) async throws {
        try await database.write { db in
            try await db.raw("UPDATE sessions SET second_factor_done = 1 WHERE token_hash = \(bind: tokenHash)").run()
        }
    }

    public func delete(tokenHash: String) async throws {
        try await database.write { db in
            try await db.raw("DELETE FROM sessions WHERE token_hash = \(bind: tokenHash)").run()
        }
    }

    /// Removes sessions idle since `idleBefore` or started before `startedBefore`.
    public func deleteExpired(idleBefore: Instant, startedBefore: Instant) async throws {
        try await database.write { db in
            try await db.raw("""
                DELETE FROM sessions WHERE last_seen_at < \(bind: idleBefore.milliseconds) OR created_at < \(bind: startedBefore.milliseconds)
                """).run()
        }
    }
}
