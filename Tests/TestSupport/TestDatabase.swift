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
        switch engine {
        case .sqlite:
            let migrations = Schema.migrations.filter { $0.version <= (version ?? Int.max) }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lumbar-test-\(UUID().uuidString)").path
            let database = try Database(location: .sqlite(path: folder + "/lumbar.sqlite"), logger: logger)
            do {
                try await Migrator(database: database, migrations: migrations).migrate()
            } catch {
                await database.shutdown()
                throw error
            }
            return database
        case .postgres:
            return try await PostgresTestServer.shared.make(upTo: version)
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
        guard case .postgres(let url) = database.location,
              let name = URLComponents(string: url)?.path.dropFirst(), name.hasPrefix("lumbar_test_") else { return }
        await PostgresTestServer.shared.drop(String(name))
    }
}

/// The test process's one way into the PostgreSQL server. Hundreds of tests start at once on a two-core CI
/// machine, so databases are copied from one migrated template (not migrated one by one), a few at a time,
/// over a single admin pool, and a connection that times out under that load is tried again.
actor PostgresTestServer {
    static let shared = PostgresTestServer()

    private var admin: Database?
    private var template: Task<String, any Error>?
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private static let inFlight = 3
    /// A test's request may wait this long for a connection: with the whole suite running, the two cores are busy for
    /// minutes, and a request that waited 30 seconds was a failed test that had nothing wrong with it.
    static let waitSeconds: Int64 = 180

    func make(upTo version: Int?) async throws -> Database {
        await enter()
        defer { leave() }
        let name = "lumbar_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        if let version {
            try await retried { try await self.adminDatabase().createDatabase(named: name) }
            return try await open(name) { database in
                let migrations = Schema.migrations.filter { $0.version <= version }
                try await Migrator(database: database, migrations: migrations).migrate()
            }
        }
        let source = try await templateName()
        try await retried { try await self.adminDatabase().createDatabase(named: name, copying: source) }
        return try await open(name) { _ in }
    }

    func drop(_ name: String) async {
        try? await retried { try await self.adminDatabase().dropDatabase(named: name) }
    }

    /// Opens `name` and runs `prepare` on it; a failure closes the pool before it is dropped.
    private func open(_ name: String, _ prepare: (Database) async throws -> Void) async throws -> Database {
        let database = try Database(location: .postgres(url: Self.url(for: name)), logger: TestDatabase.logger, waitSeconds: Self.waitSeconds)
        do {
            try await retried { try await database.ping() }
            try await prepare(database)
            return database
        } catch {
            await database.shutdown()
            try? await adminDatabase().dropDatabase(named: name)
            throw error
        }
    }

    /// Migrated once per run; no one stays connected to it, as PostgreSQL requires of a template.
    private func templateName() async throws -> String {
        if let template { return try await template.value }
        let task = Task<String, any Error> {
            let name = "lumbar_tpl_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
            try await self.dropStaleTemplates()
            try await self.retried { try await self.adminDatabase().createDatabase(named: name) }
            let database = try Database(location: .postgres(url: Self.url(for: name)), logger: TestDatabase.logger, waitSeconds: Self.waitSeconds)
            do {
                try await Migrator(database: database, migrations: Schema.migrations).migrate()
                await database.shutdown()
            } catch {
                await database.shutdown()
                throw error
            }
            return name
        }
        template = task
        return try await task.value
    }

    /// Earlier runs' templates (a run cannot drop its own at exit); only one test run uses the server at a time.
    private func dropStaleTemplates() async throws {
        let names = try await retried {
            try await self.adminDatabase().databaseNames(startingWith: "lumbar_tpl_")
        }
        for name in names { try? await adminDatabase().dropDatabase(named: name) }
    }

    private func adminDatabase() throws -> Database {
        if let admin { return admin }
        let database = try Database(location: .postgres(url: Self.base), logger: TestDatabase.logger, waitSeconds: Self.waitSeconds)
        admin = database
        return database
    }

    /// Five tries, a second apart and longer each time: enough for a server busy with a test run's start.
    private func retried<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await body()
            } catch {
                attempt += 1
                guard attempt < 5, Self.isConnectionTrouble(error) else { throw error }
                try await Task.sleep(for: .seconds(attempt))
            }
        }
    }

    private static func isConnectionTrouble(_ error: any Error) -> Bool {
        let text = String(reflecting: error)
        return text.contains("connectionError") || text.contains("Connect timeout") || text.contains("timeout")
            || text.contains("too many clients") || text.contains("connection refused")
            || text.contains("being accessed by other users")
    }

    private func enter() async {
        if running < Self.inFlight {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the place straight to the next waiter, so `running` never over-counts.
    private func leave() {
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
    }

    private static var base: String { ProcessInfo.processInfo.environment["LUMBAR_TEST_POSTGRES_URL"]! }

    private static func url(for name: String) -> String {
        var parts = URLComponents(string: base)!
        parts.path = "/" + name
        return parts.string!
    }
}
