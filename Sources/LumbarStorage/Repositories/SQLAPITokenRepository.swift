import LumbarClinic
import LumbarCore
import SQLKit

public struct SQLAPITokenRepository: APITokenRepository {
    let database: Database
    public init(database: Database) { self.database = database }

    public func create(accountId: String, name: String, tokenHash: String, at now: Instant) async throws -> String {
        let id = Database.newID()
        try await database.write { db in
            try await db.raw("""
                INSERT INTO api_tokens (id, account_id, name, token_hash, created_at)
                VALUES (\(bind: id), \(bind: accountId), \(bind: name), \(bind: tokenHash), \(bind: now.milliseconds))
                """).run()
        }
        return id
    }

    public func list(accountId: String) async throws -> [APITokenSummary] {
        try await database.read { db in
            try await db.raw("SELECT * FROM api_tokens WHERE account_id = \(bind: accountId) ORDER BY created_at DESC").all().map { row in
                APITokenSummary(id: try row.string("id"), name: try row.string("name"), createdAt: try row.instant("created_at"),
                                revokedAt: try row.optionalInstant("revoked_at"), lastUsedAt: try row.optionalInstant("last_used_at"))
            }
        }
    }

    public func revoke(id: String, accountId: String, at now: Instant) async throws {
        try await database.write { db in
            try await db.raw("""
                UPDATE api_tokens SET revoked_at = \(bind: now.milliseconds)
                WHERE id = \(bind: id) AND account_id = \(bind: accountId) AND revoked_at IS NULL
                """).run()
        }
    }

    /// The active staff account an unrevoked token belongs to. "Last used" is kept to the minute: writing it on every
    /// call would put each API read behind the write lock and a disk sync.
    public func account(tokenHash: String, at now: Instant) async throws -> Account? {
        let found = try await database.read { db in
            try await db.raw("""
                SELECT a.*, t.last_used_at AS token_last_used FROM api_tokens t JOIN accounts a ON a.id = t.account_id
                WHERE t.token_hash = \(bind: tokenHash) AND t.revoked_at IS NULL AND a.active = 1
                """).first().map { row in (try SQLAccountRepository.account(row), try row.optionalInstant("token_last_used")) }
        }
        guard let (account, lastUsed) = found else { return nil }
        if lastUsed.map({ now.milliseconds - $0.milliseconds > 60_000 }) ?? true {
            try await database.write { db in
                try await db.raw("UPDATE api_tokens SET last_used_at = \(bind: now.milliseconds) WHERE token_hash = \(bind: tokenHash)").run()
            }
        }
        return account
    }
}
