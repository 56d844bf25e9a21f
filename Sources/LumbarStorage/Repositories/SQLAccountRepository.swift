import LumbarClinic
import LumbarCore
import SQLKit

/// Staff and client accounts, their passwords, second factors and lockout state.
public struct SQLAccountRepository: AccountRepository {
    let database: Database
    public init(database: Database) { self.database = database }

    static func insert(_ db: any SQLDatabase, id: String, draft: AccountDraft, passwordHash: String, totpSecret: String?, at now: Instant) async throws {
        do {
            try await db.raw("""
                INSERT INTO accounts (id, email, name, role, password_hash, college_registration, totp_secret, totp_enabled,
                                      failed_logins, active, created_at)
                VALUES (\(bind: id), \(bind: draft.email), \(bind: draft.name), \(bind: draft.role.rawValue), \(bind: passwordHash),
                        \(bind: draft.collegeRegistration), \(bind: totpSecret), 0, 0, 1, \(bind: now.milliseconds))
                """).run()
        } catch where isUniqueViolation(error) {
            throw StorageError.conflict("An account with that email already exists.")
        }
    }

    public func create(_ draft: AccountDraft, passwordHash: String, totpSecret: String? = nil, at now: Instant) async throws -> Account {
        let id = Database.newID()
        try await database.write(changing: [.therapists]) { db in
            try await Self.insert(db, id: id, draft: draft, passwordHash: passwordHash, totpSecret: totpSecret, at: now)
        }
        return Account(id: id, email: draft.email, name: draft.name, role: draft.role, collegeRegistration: draft.collegeRegistration)
    }

    static func account(_ row: any SQLRow) throws -> Account {
        Account(
            id: try row.string("id"), email: try row.string("email"), name: try row.string("name"),
            role: Role(rawValue: try row.string("role")) ?? .client,
            collegeRegistration: try row.optionalString("college_registration"),
            totpEnabled: try row.flag("totp_enabled"), active: try row.flag("active"), invitationPending: try row.flag("invitation_pending"))
    }

    public func invite(_ draft: AccountDraft, passwordHash: String, at now: Instant) async throws -> Account {
        let id = Database.newID()
        try await database.write(changing: [.therapists]) { db in
            try await Self.insert(db, id: id, draft: draft, passwordHash: passwordHash, totpSecret: nil, at: now)
            try await db.raw("UPDATE accounts SET invitation_pending = 1 WHERE id = \(bind: id)").run()
        }
        return Account(id: id, email: draft.email, name: draft.name, role: draft.role, collegeRegistration: draft.collegeRegistration, invitationPending: true)
    }

    public func update(id: String, email: String, name: String, role: Role, collegeRegistration: String?) async throws -> Bool {
        let email = email.trimmed.lowercased()
        return try await database.write(changing: [.therapists]) { db in
            guard try await db.raw("SELECT id FROM accounts WHERE id = \(bind: id)").first() != nil else { return false }
            do {
                try await db.raw("""
                    UPDATE accounts SET email = \(bind: email), name = \(bind: name), role = \(bind: role.rawValue),
                        college_registration = \(bind: collegeRegistration) WHERE id = \(bind: id)
                    """).run()
            } catch where isUniqueViolation(error) {
                throw StorageError.conflict("An account with that email already exists.")
            }
            return true
        }
    }

    /// Retiring ends the account's sessions in the same transaction; restoring lets it sign in again.
    public func setRetired(id: String, _ retired: Bool, at now: Instant) async throws -> Bool {
        try await database.write(changing: [.therapists]) { db in
            guard try await db.raw("SELECT id FROM accounts WHERE id = \(bind: id)").first() != nil else { return false }
            try await db.raw("""
                UPDATE accounts SET active = \(bind: retired ? 0 : 1), retired_at = \(bind: retired ? now.milliseconds : nil) WHERE id = \(bind: id)
                """).run()
            if retired { try await db.raw("DELETE FROM sessions WHERE account_id = \(bind: id)").run() }
            return true
        }
    }

    public func credentials(email: String) async throws -> Credentials? {
        let email = email.trimmed.lowercased()
        return try await database.read { db in
            guard let row = try await db.raw("SELECT * FROM accounts WHERE email = \(bind: email)").first() else { return nil }
            return try Self.credentials(row)
        }
    }

    public func credentials(id: String) async throws -> Credentials? {
        try await database.read { db in
            guard let row = try await db.raw("SELECT * FROM accounts WHERE id = \(bind: id)").first() else { return nil }
            return try Self.credentials(row)
        }
    }

    static func credentials(_ row: any SQLRow) throws -> Credentials {
        Credentials(
            account: try account(row), passwordHash: try row.string("password_hash"), totpSecret: try row.optionalString("totp_secret"),
            totpLastStep: try row.optionalInt64("totp_last_step"), failedLogins: try row.int("failed_logins"), lockedUntil: try row.optionalInstant("locked_until"))
    }

    public func find(id: String) async throws -> Account? { try await credentials(id: id)?.account }

    public func staff() async throws -> [Account] {
        try await database.read { db in
            try await db.raw("SELECT * FROM accounts WHERE role <> 'client' ORDER BY name").all().map(Self.account)
        }
    }

    public func therapists() async throws -> [Account] {
        try await database.cache.value(.therapists) { try await readTherapists() }
    }

    private func readTherapists() async throws -> [Account] {
        try await database.read { db in
            try await db.raw("SELECT * FROM accounts WHERE role = 'therapist' AND active = 1 ORDER BY name").all().map(Self.account)
        }
    }

    /// Counts a failed password; locks the account until `lockUntil` when given.
    public func recordFailure(id: String, lockUntil: Instant?) async throws {
        try await database.write { db in
            try await db.raw("""
                UPDATE accounts SET failed_logins = failed_logins + 1, locked_until = \(bind: lockUntil?.milliseconds)
                WHERE id = \(bind: id)
                """).run()
        }
    }

    public func recordSuccess(id: String) async throws {
        try await database.write { db in
            try await db.raw("UPDATE accounts SET failed_logins = 0, locked_until = NULL WHERE id = \(bind: id)").run()
        }
    }

    public func setPassword(id: String, hash: String) async throws {
        try await database.write { db in
            try await db.raw("UPDATE accounts SET password_hash = \(bind: hash), failed_logins = 0, locked_until = NULL, invitation_pending = 0 WHERE id = \(bind: id)").run()
            // A new password ends every other session.
            try await db.raw("DELETE FROM sessions WHERE account_id = \(bind: id)").run()
        }
    }

    /// Stores a pending secret; the second factor is on only after `enableTOTP`.
    public func setTOTPSecret(id: String, secret: String) async throws {
        try await database.write(changing: [.therapists]) { db in
            try await db.raw("""
                UPDATE accounts SET totp_secret = \(bind: secret), totp_enabled = 0, totp_last_step = NULL WHERE id = \(bind: id)
                """).run()
        }
    }

    /// Turns two-factor on and replaces the recovery codes, in one transaction.
    public func enableTOTP(id: String, recoveryCodeHashes: [String]) async throws {
        try await database.write(changing: [.therapists]) { db in
            try await db.raw("UPDATE accounts SET totp_enabled = 1 WHERE id = \(bind: id)").run()
            try await db.raw("DELETE FROM recovery_codes WHERE account_id = \(bind: id)").run()
            for hash in recoveryCodeHashes {
                try await db.raw("INSERT INTO recovery_codes (account_id, code_hash) VALUES (\(bind: id), \(bind: hash))").run()
            }
        }
    }

    /// Records `step` as the last one used, only if it is later than the one recorded; false when it is not,
    /// so two sign-ins racing with the same code cannot both succeed.
    public func acceptTOTPStep(id: String, step: Int64) async throws -> Bool {
        try await database.write { db in
            try await db.raw("""
                UPDATE accounts SET totp_last_step = \(bind: step)
                WHERE id = \(bind: id) AND (totp_last_step IS NULL OR totp_last_step < \(bind: step))
                RETURNING id
                """).first() != nil
        }
    }

    /// Spends one recovery code; false when it is unknown or already used.
    public func useRecoveryCode(id: String, hash: String, at now: Instant) async throws -> Bool {
        try await database.write { db in
            let row = try await db.raw("""
                SELECT code_hash FROM recovery_codes WHERE account_id = \(bind: id) AND code_hash = \(bind: hash) AND used_at IS NULL
                """).first()
            guard row != nil else { return false }
            try await db.raw("UPDATE recovery_codes SET used_at = \(bind: now.milliseconds) WHERE account_id = \(bind: id) AND code_hash = \(bind: hash)").run()
            return true
        }
    }
}
