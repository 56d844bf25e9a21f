import AsyncKit
import Foundation
import Logging
import LumbarSQLite
import LumbarClinic
import LumbarCore
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit

/// The one way to reach the database: pooled connections on either engine, reads and write transactions.
/// The pools are internally synchronised (AsyncKit), hence `@unchecked`.
public final class Database: @unchecked Sendable {
    public enum Engine: String, Sendable { case sqlite, postgres }

    public let engine: Engine
    public let location: DatabaseLocation
    private let sqlitePool: DirectSQLitePool?
    private let postgresPool: EventLoopGroupConnectionPool<PostgresConnectionSource>?
    private let logger: Logger
    /// Write transactions batched into shared commits: every write on SQLite, `writeTogether` on PostgreSQL.
    let writeBatch: WriteBatch
    /// Settings read on nearly every request; writes that change them name them in `write(changing:)`.
    public let cache = ReadCache()

    /// `waitSeconds`: how long a PostgreSQL request may wait for a pooled connection (and a new connection to open).
    /// Thirty for a clinic; the test suite, hundreds of databases at once on two cores, waits longer rather than fail.
    public init(location: DatabaseLocation, logger: Logger, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                waitSeconds: Int64 = 30) throws {
        self.location = location
        self.logger = logger
        switch location {
        case .sqlite(let path):
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            engine = .sqlite
            writeBatch = WriteBatch(begin: "BEGIN IMMEDIATE")
            // Eight: a query runs on its caller's thread, so more connections than requests in flight would only idle.
            sqlitePool = DirectSQLitePool(path: path, pragmas: DirectSQLiteConnection.pragmas, limit: 8)
            postgresPool = nil
        case .postgres(let url):
            var configuration = try SQLPostgresConfiguration(url: url)
            configuration.searchPath = nil
            // As long as a request may wait: a server busy starting many connections at once is slow, not down.
            configuration.coreConfiguration.options.connectTimeout = .seconds(waitSeconds)
            engine = .postgres
            writeBatch = WriteBatch(begin: "BEGIN")
            postgresPool = EventLoopGroupConnectionPool(
                source: PostgresConnectionSource(sqlConfiguration: configuration), maxConnectionsPerEventLoop: 4,
                requestTimeout: .seconds(waitSeconds), logger: logger, on: eventLoopGroup)
            sqlitePool = nil
        }
    }

    /// Runs `body` on one pooled connection, outside any transaction.
    public func read<T: Sendable>(_ body: @Sendable @escaping (any SQLDatabase) async throws -> T) async throws -> T {
        try await connection(blocking: false, body)
    }

    /// One pooled connection; on SQLite, `blocking` work (a write transaction) runs on the connection's own thread.
    private func connection<T: Sendable>(blocking: Bool, _ body: @Sendable @escaping (any SQLDatabase) async throws -> T) async throws -> T {
        if let sqlitePool {
            return try await sqlitePool.withConnection(onItsThread: blocking) { connection in
                try await body(DirectSQLiteDatabase(connection: connection, logger: logger))
            }
        }
        return try await Self.with(postgresPool!, logger) { try await body($0.sql()) }
    }

    private static func with<Source, T>(
        _ pool: EventLoopGroupConnectionPool<Source>, _ logger: Logger,
        _ body: (Source.Connection) async throws -> T
    ) async throws -> T {
        let connection = try await pool.requestConnection(logger: logger).get()
        defer { pool.releaseConnection(connection, logger: logger) }
        return try await body(connection)
    }

    /// Runs `body` in one transaction: all of it is kept, or none. SQLite takes the write lock up front
    /// (`BEGIN IMMEDIATE`) so check-then-insert sequences cannot interleave with another writer; writes that arrive
    /// together share a commit, each in its own savepoint (`WriteBatch`). What the transaction
    /// changes of the cached settings is dropped from `cache` when it ends, committed or not.
    ///
    /// A write started inside another write's body joins that transaction (in a savepoint of its own) on both engines:
    /// queued behind the transaction it is part of, it would otherwise wait for it forever on SQLite.
    public func write<T: Sendable>(changing cached: [ReadCache.Key] = [], _ body: @Sendable @escaping (any SQLDatabase) async throws -> T) async throws -> T {
        defer { cache.drop(cached) }
        if let open = openTransaction() { return try await Self.nested(open, body) }
        return try await writeTransaction(body)
    }

    /// Runs `work` in a write transaction it may share with other `writeTogether` work that arrives meanwhile (group
    /// commit); returns once that transaction has committed. For small independent rows, such as the audit log.
    /// Inside another write's body it joins that write, as `write` does.
    public func writeTogether(_ work: @escaping @Sendable (any SQLDatabase) async throws -> Void) async throws {
        if let open = openTransaction() { return try await Self.nested(open, work) }
        try await writeBatch.submit(work, to: self)
    }

    /// The transaction this task is inside, on this database, if any.
    private func openTransaction() -> (any SQLDatabase)? {
        guard let open = Self.current, open.owner == ObjectIdentifier(self) else { return nil }
        return open.connection
    }

    /// The write transaction the current task is running a body of: set around each body, read by `write`.
    @TaskLocal private static var current: OpenTransaction?

    private struct OpenTransaction: Sendable {
        let owner: ObjectIdentifier
        let connection: any SQLDatabase
    }

    /// Runs a joined write in a savepoint of the open transaction, so its failure undoes only its own part.
    private static func nested<T: Sendable>(_ db: any SQLDatabase, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await db.raw("SAVEPOINT lumbar_nested").run()
        do {
            let result = try await body(db)
            try await db.raw("RELEASE lumbar_nested").run()
            return result
        } catch {
            try await db.raw("ROLLBACK TO lumbar_nested").run()
            try await db.raw("RELEASE lumbar_nested").run()
            throw error
        }
    }

    private func writeTransaction<T: Sendable>(_ body: @Sendable @escaping (any SQLDatabase) async throws -> T) async throws -> T {
        guard engine == .sqlite else {
            // Concurrent inserts checked by an exclusion constraint can deadlock in PostgreSQL; the one it aborts is
            // run again, and then meets the constraint (or succeeds) like any other writer.
            for attempt in 1... {
                do {
                    return try await transaction("BEGIN", body)
                } catch let error as PSQLError where attempt < 5 && ["40P01", "40001"].contains(error.serverInfo?[.sqlState] ?? "") {
                    try await Task.sleep(for: .milliseconds(Int.random(in: 5...(20 * attempt))))
                }
            }
            fatalError("unreachable")
        }
        let result = WriteResult<T>()
        try await writeBatch.submit({ db in result.value = try await body(db) }, to: self)
        guard let value = result.value else { throw StorageError.configuration("a committed write left no result") }
        return value
    }

    func transaction<T: Sendable>(_ begin: String, _ body: @Sendable @escaping (any SQLDatabase) async throws -> T) async throws -> T {
        try await connection(blocking: true) { db in
            try await db.raw(SQLQueryString(begin)).run()
            do {
                let result = try await Self.$current.withValue(OpenTransaction(owner: ObjectIdentifier(self), connection: db)) {
                    try await body(db)
                }
                try await db.raw("COMMIT").run()
                return result
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// One round trip, for health checks.
    public func ping() async throws {
        _ = try await read { db in try await db.raw("SELECT 1 AS ok").first() }
    }

    /// Creates an empty PostgreSQL database (for tests and first installs).
    public func createDatabase(named name: String) async throws {
        try await administer("CREATE DATABASE \(try checked(name))")
    }

    /// Creates a PostgreSQL database as a copy of `source`, which no one may be connected to (a test run's
    /// migrated template).
    public func createDatabase(named name: String, copying source: String) async throws {
        try await administer("CREATE DATABASE \(try checked(name)) TEMPLATE \(try checked(source))")
    }

    /// Removes a PostgreSQL database (test clean-up), closing anyone still connected to it.
    public func dropDatabase(named name: String) async throws {
        try await administer("DROP DATABASE IF EXISTS \(try checked(name)) WITH (FORCE)")
    }

    /// The server's databases whose names start with `prefix` (test clean-up of earlier runs' templates).
    public func databaseNames(startingWith prefix: String) async throws -> [String] {
        _ = try checked(prefix)
        return try await read { db in
            try await db.raw("SELECT datname FROM pg_database").all().map { try $0.decode(column: "datname", as: String.self) }
        }.filter { $0.hasPrefix(prefix) }
    }

    private func administer(_ statement: String) async throws {
        try await read { db in try await db.raw(SQLQueryString(statement)).run() }
    }

    /// DDL cannot bind a database's name, so it is held to letters, digits and underscores before it is spliced.
    private func checked(_ name: String) throws -> String {
        guard engine == .postgres, !name.isEmpty, name.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" }) else {
            throw StorageError.configuration("database names are lower-case letters, digits and underscores")
        }
        return name
    }

    public func shutdown() async {
        sqlitePool?.shutdown()
        if let postgresPool { try? await postgresPool.shutdownAsync() }
    }

    /// A unique random identifier for new rows.
    public static func newID() -> String { RandomUUID.make() }
}

/// What a batched write's body returned, handed back once its transaction has committed. Written before the
/// submitter is resumed and read after, so the continuation orders the two.
private final class WriteResult<T>: @unchecked Sendable {
    var value: T?
}
