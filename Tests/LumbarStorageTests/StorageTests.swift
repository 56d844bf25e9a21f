import Foundation
import LumbarClinic
import LumbarCore
import LumbarStorage
import SQLKit
import Testing
import TestSupport

/// The same cases on SQLite always, and on PostgreSQL when LUMBAR_TEST_POSTGRES_URL is set.
@Suite struct StorageTests {
    static let now = Instant(milliseconds: 1_795_000_000_000)

    static func owner() -> AccountDraft {
        AccountDraft(email: "Owner@Example.com ", name: "Olive Owner", role: .owner, password: "correct horse battery")
    }

    static func seedClient(_ database: Database) async throws -> Client {
        try await SQLClientRepository(database: database).create(Client(id: "", firstName: "Ada", lastName: "Client", email: "ada@example.com"), at: now)
    }

    @Test(arguments: TestDatabase.engines)
    func migrationsAreRecordedAndIdempotent(engine: Database.Engine) async throws {
        try await TestDatabase.with(engine) { (database: Database) async throws in
            let migrator = Migrator(database: database)
            #expect(try await migrator.currentVersion() == Schema.migrations.last!.version)
            #expect(try await migrator.migrate() == [])
        }
    }

    /// A token's "last used" is kept to the minute: a read within the minute writes nothing, a later one updates it.
    @Test(arguments: TestDatabase.engines)
    func tokenLastUsedIsWrittenAtMostOnceAMinute(engine: Database.Engine) async throws {
        try await TestDatabase.with(engine) { (database: Database) async throws in
            let account = try await SQLAccountRepository(database: database).create(
                AccountDraft(email: "desk@example.com", name: "Fran Desk", role: .frontDesk, password: "correct horse battery"), passwordHash: "x", at: Self.now)
            let tokens = SQLAPITokenRepository(database: database)
            _ = try await tokens.create(accountId: account.id, name: "export", tokenHash: "h", at: Self.now)
            let lastUsed = { try await tokens.list(accountId: account.id).first?.lastUsedAt }
            #expect(try await tokens.account(tokenHash: "h", at: Self.now)?.id == account.id)
            #expect(try await lastUsed() == Self.now)
            _ = try await tokens.account(tokenHash: "h", at: Self.now.adding(seconds: 59))
            #expect(try await lastUsed() == Self.now, "within the minute nothing is written")
            _ = try await tokens.account(tokenHash: "h", at: Self.now.adding(seconds: 61))
            #expect(try await lastUsed() == Self.now.adding(seconds: 61))
            #expect(try await tokens.account(tokenHash: "other", at: Self.now) == nil)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func auditLogRefusesUpdateAndDelete(engine: Database.Engine) async throws {
        try await TestDatabase.with(engine) { (database: Database) async throws in
            let audit = SQLAuditRepository(database: database)
            try await audit.append(AuditEntry(at: Self.now, actorId: "a", actorRole: .owner, clientId: "c", infoType: .clinical, action: .view, address: "127.0.0.1"))
            await #expect(throws: (any Error).self) {
                try await database.write { db in try await db.raw("UPDATE audit_log SET action = 'change'").run() }
            }
            await #expect(throws: (any Error).self) {
                try await database.write { db in try await db.raw("DELETE FROM audit_log").run() }
            }
            let rows = try await audit.entries(AuditFilter())
            #expect(rows.count == 1)
            #expect(rows.first?.action == .view)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func chartNotesCannotBeChangedOnlyAmended(engine: Database.Engine) async throws {
        try await TestDatabase.with(engine) { (database: Database) async throws in
            let account = try await SQLAccountRepository(database: database).create(Self.owner(), passwordHash: "x", at: Self.now)
            let client = try await Self.seedClient(database)
            let notes = SQLChartNoteRepository(database: database)
            let first = try await notes.add(clientId: client.id, authorId: account.id, body: "Tight QL on the left.", at: Self.now)
            await #expect(throws: (any Error).self) {
                try await database.write { db in try await db.raw("UPDATE chart_notes SET body = 'changed' WHERE id = \(bind: first)").run() }
            }
            _ = try await notes.add(clientId: client.id, authorId: account.id, body: "Tight QL on the right.", amends: first, reason: "side was wrong", at: Self.now.adding(seconds: 60))
            let list = try await notes.list(clientId: client.id)
            #expect(list.map(\.body) == ["Tight QL on the left.", "Tight QL on the right."])
            #expect(list.last?.amends == first)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func accountsAreUniqueByEmailAndLockOut(engine: Database.Engine) async throws {
        try await TestDatabase.with(engine) { (database: Database) async throws in
            let accounts = SQLAccountRepository(database: database)
            let account = try await accounts.create(Self.owner(), passwordHash: "hash", at: Self.now)
            #expect(account.email == "owner@example.com")
            await #expect(throws: StorageError.self) { _ = try await accounts.create(Self.owner(), passwordHash: "hash", at: Self.now) }
            try await accounts.recordFailure(id: account.id, lockUntil: nil)
            try await accounts.recordFailure(id: account.id, lockUntil: Self.now.adding(seconds: 900))
            let locked = try await accounts.credentials(email: "OWNER@example.com")
            #expect(locked?.failedLogins == 2)
            #expect(locked?.lockedUntil == Self.now.adding(seconds: 900))
            try await accounts.recordSuccess(id: account.id)
            #expect(try await accounts.credentials(id: account.id)?.lockedUntil == nil)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func setupHappensOnce(engine: Database.Engine) async throws {
        try await TestDatabase.with(engine) { (database: Database) async throws in
            let clinic = SQLClinicRepository(database: database)
            let profile = ClinicProfile(name: "Back Clinic", address: "1 Main St", timeZone: "America/Toronto", hstNumber: "123456789 RT0001")
            _ = try await clinic.setUp(profile, owner: Self.owner(), passwordHash: "h", totpSecret: "S", at: Self.now)
            #expect(try await clinic.profile() == profile)
            await #expect(throws: StorageError.conflict("The clinic is already set up.")) {
                _ = try await clinic.setUp(profile, owner: AccountDraft(email: "x@example.com", name: "X", role: .owner, password: "p"), passwordHash: "h", totpSecret: "S", at: Self.now)
            }
        }
    }

    @Test(arguments: TestDatabase.engines)
    func failedTransactionsLeaveNothingBehind(engine: Database.Engine) async throws {
        try await TestDatabase.with(engine) { (database: Database) async throws in
            struct Boom: Error {}
            await #expect(throws: Boom.self) {
                try await database.write { db in
                    try await db.raw("INSERT INTO clients (id, first_name, last_name, email, phone, emergency_contact, created_at) VALUES ('c1', 'A', 'B', '', '', '', 0)").run()
                    throw Boom()
                }
            }
            #expect(try await SQLClientRepository(database: database).find(id: "c1") == nil)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func searchValuesAreBoundNotSpliced(engine: Database.Engine) async throws {
        try await TestDatabase.with(engine) { (database: Database) async throws in
            _ = try await Self.seedClient(database)
            let clients = SQLClientRepository(database: database)
            #expect(try await clients.list(matching: "' OR '1'='1").isEmpty)
            #expect(try await clients.list(matching: "ada").count == 1)
        }
    }

    @Test func sqliteRunsWithDurabilitySettings() async throws {
        try await TestDatabase.with(.sqlite) { (database: Database) async throws in
            let (journal, sync, keys) = try await database.read { db in
                (try await db.raw("PRAGMA journal_mode").first()!.decode(column: "journal_mode", as: String.self),
                 try await db.raw("PRAGMA synchronous").first()!.decode(column: "synchronous", as: Int.self),
                 try await db.raw("PRAGMA foreign_keys").first()!.decode(column: "foreign_keys", as: Int.self))
            }
            #expect(journal == "wal")
            #expect(sync == 2)  // FULL
            #expect(keys == 1)
        }
    }
}
