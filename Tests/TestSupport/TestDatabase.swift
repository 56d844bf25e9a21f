import Foundation
import Logging
import LumbarClinic
import LumbarStorage

/// A fresh, migrated database per test: a temporary SQLite file always, and a new PostgreSQL database
/// when `LUMBAR_TEST_POSTGRES_URL` is set, so `swift test` passes on a machine without PostgreSQL.
public enum TestDatabase {
    public static let logger = Logger(label: "test")

    public static var engines: [Database.Engine] {
        ProcessInfo.processInfo.environment["LUMBAR_TEST_POSTGRES_URL"].map { $0.isEmpty ? [.sqlite] : [.sqlite, .postgres] } ?? [.sqlite]
    }

    /// `upTo` stops the migrations at that version, for a test of what a later one does to rows already there.
    public static func make(_ engine: Database.Engine, upTo version: Int? = nil) async throws -> Database {
        let logger = Self.logger
        let migrations = Schema.migrations.filter { $0.version <= (version ?? Int.max) }
        switch engine {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lumbar-test-\(UUID().uuidString)").path
            let database = try Database(location: .sqlite(path: folder + "/lumbar.sqlite"), logger: logger)
            try await Migrator(database: database, migrations: migrations).migrate()
            return database
        case .postgres:
            let base = ProcessInfo.processInfo.environment["LUMBAR_TEST_POSTGRES_URL"]!
            let name = "lumbar_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
            let admin = try Database(location: .postgres(url: base), logger: logger)
            try await admin.createDatabase(named: name)
            await admin.shutdown()
            var parts = URLComponents(string: base)!
            parts.path = "/" + name
            let database = try Database(location: .postgres(url: parts.string!), logger: logger)
            try await Migrator(database: database, migrations: migrations).migrate()
            return database
        }
    }

    /// Runs `body` with a fresh database and always disposes of it.
    public static func with<T>(_ engine: Database.Engine, _ body: (Database) async throws -> T) async throws -> T {
        let database = try await make(engine)
        do {
            let result = try await body(database)
            await dispose(database)
            return result
        } catch {
            await dispose(database)
            throw error
        }
    }

    /// Closes the database; a PostgreSQL test database is dropped too, so runs do not pile them up.
    public static func dispose(_ database: Database) async {
        await database.shutdown()
        guard case .postgres(let url) = database.location, let base = ProcessInfo.processInfo.environment["LUMBAR_TEST_POSTGRES_URL"],
              let name = URLComponents(string: url)?.path.dropFirst(), name.hasPrefix("lumbar_test_"),
              let admin = try? Database(location: .postgres(url: base), logger: logger) else { return }
        try? await admin.dropDatabase(named: String(name))
        await admin.shutdown()
    }
}
