import LumbarClinic
import Logging
import SQLKit

/// Applies pending migrations in order, each in its own transaction, and records them.
public struct Migrator: Sendable {
    let database: Database
    let migrations: [Migration]

    public init(database: Database, migrations: [Migration] = Schema.migrations) {
        self.database = database
        self.migrations = migrations
    }

    /// Returns the versions applied by this call. Safe to run from several instances at once.
    @discardableResult
    public func migrate() async throws -> [Int] {
        let dialect = Dialect(engine: database.engine)
        let engine = database.engine
        try await database.write { db in
            try await db.raw("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)").run()
        }
        var applied: [Int] = []
        for migration in migrations {
            let done = try await database.write { db -> Bool in
                // One instance migrates at a time on PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises.
                if engine == .postgres { try await db.raw("SELECT pg_advisory_xact_lock(7310)").run() }
                let existing = try await db.select().column("version").from("schema_migrations")
                    .where("version", .equal, migration.version).first()
                if existing != nil { return false }
                for statement in migration.statements(dialect) {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await migration.backfill?(db)
                try await db.insert(into: "schema_migrations")
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(WallClock.nowMilliseconds()))
                    .run()
                return true
            }
            if done { applied.append(migration.version) }
        }
        return applied
    }

    public func currentVersion() async throws -> Int {
        try await database.read { db in
            let row = try await db.raw("SELECT MAX(version) AS v FROM schema_migrations").first()
            return (try? row?.decode(column: "v", as: Int?.self)) ?? 0
        }
    }
}
