import LumbarClinic
import LumbarCore
import SQLKit

/// Sign-in attempts per address, for rate limiting that holds across instances.
public struct SQLLoginAttemptRepository: LoginAttemptRepository {
    let database: Database
    public init(database: Database) { self.database = database }

    public func record(email: String, address: String, succeeded: Bool, at now: Instant) async throws {
        try await database.write { db in
            try await db.raw("""
                INSERT INTO login_attempts (email, address, at, succeeded)
                VALUES (\(bind: email), \(bind: address), \(bind: now.milliseconds), \(bind: succeeded.stored))
                """).run()
        }
    }

    public func failures(address: String, since: Instant) async throws -> Int {
        try await database.read { db in
            let row = try await db.raw("""
                SELECT COUNT(*) AS n FROM login_attempts WHERE address = \(bind: address) AND succeeded = 0 AND at >= \(bind: since.milliseconds)
                """).first()
            return try row?.int("n") ?? 0
        }
    }

    /// Online sign-ups from one address since `since` (recorded as attempts under a reserved name).
    public func registrations(address: String, since: Instant) async throws -> Int {
        try await database.read { db in
            try await db.raw("""
                SELECT COUNT(*) AS n FROM login_attempts WHERE address = \(bind: address) AND email = \(bind: Self.registration) AND at >= \(bind: since.milliseconds)
                """).first()?.int("n") ?? 0
        }
    }

    public func recordRegistration(address: String, at now: Instant) async throws {
        try await record(email: Self.registration, address: address, succeeded: true, at: now)
    }

    /// Not a valid email, so it never collides with a real sign-in.
    static let registration = "(online registration)"

    /// Forgets attempts older than `before`; they only matter for the rate-limit window.
    public func prune(before: Instant) async throws {
        try await database.write { db in
            try await db.raw("DELETE FROM login_attempts WHERE at < \(bind: before.milliseconds)").run()
        }
    }
}
