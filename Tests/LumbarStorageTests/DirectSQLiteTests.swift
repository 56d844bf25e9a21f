import Foundation
import LumbarClinic
import LumbarSQLite
@testable import LumbarStorage
import PropertyBased
import SQLKit
import SQLiteKit
import Synchronization
import Testing

/// The SQLite connection the server runs its queries on: values go in and come out as sqlite-kit's would, prepared
/// statements are reused without leaking one query's values into the next, failures carry SQLite's message, and the
/// pool lends each connection to one task at a time.
@Suite struct DirectSQLiteTests {
    static func scratch() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lumbar-direct-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("test.sqlite").path
    }

    static let values: [SQLiteData] = [
        .text("Ada"), .text(""), .text("12"), .text("ünïcødé ✓"), .integer(0), .integer(42), .integer(-7), .integer(Int.max),
        .null, .float(1.5), .blob(ByteBuffer(bytes: [1, 2, 3])),
    ]

    /// What sqlite-kit's decoder makes of `value` as a `D`, or nil where it refuses.
    static func standard<D: Decodable>(_ value: SQLiteData, as type: D.Type) -> D? {
        try? SQLiteDataDecoder().decode(D.self, from: value)
    }

    @Test func theShortcutAgreesWithSQLiteKitsDecoder() async {
        await propertyCheck(count: 200, input: Gen.element(of: Self.values)) { value in
            let value = value!
            if let direct: String = DirectSQLiteRow.direct(value) { #expect(direct == Self.standard(value, as: String.self)) }
            if let direct: Int = DirectSQLiteRow.direct(value) { #expect(direct == Self.standard(value, as: Int.self)) }
            if let direct: Int64 = DirectSQLiteRow.direct(value) { #expect(direct == Self.standard(value, as: Int64.self)) }
            if let direct: String? = DirectSQLiteRow.direct(value) { #expect(direct == Self.standard(value, as: String?.self)) }
            if let direct: Int? = DirectSQLiteRow.direct(value) { #expect(direct == Self.standard(value, as: Int?.self)) }
            if let direct: Int64? = DirectSQLiteRow.direct(value) { #expect(direct == Self.standard(value, as: Int64?.self)) }
        }
    }

    @Test func theShortcutTakesTheColumnsRepositoriesRead() {
        // Without the shortcut every column would go through a Decoder; these must not.
        #expect((DirectSQLiteRow.direct(.text("Ada")) as String?) == "Ada")
        #expect((DirectSQLiteRow.direct(.integer(42)) as Int64?) == 42)
        #expect((DirectSQLiteRow.direct(.integer(42)) as Int?) == 42)
        #expect((DirectSQLiteRow.direct(.null) as String??) == .some(nil))
        #expect((DirectSQLiteRow.direct(.null) as Int64??) == .some(nil))
        #expect((DirectSQLiteRow.direct(.text("Ada")) as String??) == .some("Ada"))
        // And leave the rest to the decoder.
        #expect((DirectSQLiteRow.direct(.float(1.5)) as Double?) == nil)
        #expect((DirectSQLiteRow.direct(.null) as String?) == nil)
    }

    @Test func valuesRoundTripThroughAReusedStatement() async throws {
        let path = try Self.scratch()
        let connection = try DirectSQLiteConnection(path: path, pragmas: DirectSQLiteConnection.pragmas)
        defer { connection.close() }
        let db = DirectSQLiteDatabase(connection: connection, logger: .init(label: "test"))
        try await db.raw("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, note TEXT, at BIGINT)").run()
        let names = ["Ada", "O'Brien; DROP TABLE t; --", "ünïcødé ✓", "", "<script>x</script>"]
        for (n, name) in names.enumerated() {
            // The same SQL each time: one prepared statement, new values bound.
            try await db.raw("INSERT INTO t (id, name, note, at) VALUES (\(bind: n), \(bind: name), \(bind: n.isMultiple(of: 2) ? "even" : nil), \(bind: Int64(n) * 1_000_000_000_000))").run()
        }
        for (n, name) in names.enumerated() {
            let row = try #require(try await db.raw("SELECT * FROM t WHERE id = \(bind: n)").first())
            #expect(try row.decode(column: "name", as: String.self) == name)
            #expect(try row.decode(column: "note", as: String?.self) == (n.isMultiple(of: 2) ? "even" : nil))
            #expect(try row.decode(column: "at", as: Int64.self) == Int64(n) * 1_000_000_000_000)
            #expect(row.allColumns == ["id", "name", "note", "at"])
            #expect(throws: DirectSQLiteRow.MissingColumn.self) { try row.decode(column: "nope", as: String.self) }
        }
        #expect(try await db.raw("SELECT count(*) AS n FROM t").first()?.decode(column: "n", as: Int.self) == names.count)
        // A query read only in part (first()) keeps no read snapshot open, which would stop the log being checkpointed.
        #expect(try await db.raw("SELECT name FROM t ORDER BY id").first()?.decode(column: "name", as: String.self) == "Ada")
        let other = try DirectSQLiteConnection(path: path, pragmas: DirectSQLiteConnection.pragmas)
        defer { other.close() }
        var busy: Int?
        try other.run("PRAGMA wal_checkpoint(TRUNCATE)", []) { busy = try DirectSQLiteRow(columns: $0, values: $1).decode(column: "busy", as: Int.self) }
        #expect(busy == 0)
    }

    @Test func failuresCarrySQLitesMessage() async throws {
        let connection = try DirectSQLiteConnection(path: try Self.scratch(), pragmas: DirectSQLiteConnection.pragmas)
        defer { connection.close() }
        try connection.run("CREATE TABLE t (email TEXT UNIQUE)", []) { _, _ in }
        try connection.run("INSERT INTO t VALUES (?)", [.text("a@example.com")]) { _, _ in }
        let duplicate = #expect(throws: DirectSQLiteConnection.Failure.self) {
            try connection.run("INSERT INTO t VALUES (?)", [.text("a@example.com")]) { _, _ in }
        }
        #expect(duplicate.map(isUniqueViolation) == true, "a second insert of the same email fails as a unique violation")
        #expect(throws: DirectSQLiteConnection.Failure.self) { try connection.run("SELEKT 1", []) { _, _ in } }
        // Every parameter must be given a value: none is left over from the statement's last run.
        #expect(throws: DirectSQLiteConnection.Failure.self) { try connection.run("SELECT ?1 AS a, ?2 AS b", [.integer(1)]) { _, _ in } }
        var row: [SQLiteValue] = []
        try connection.run("SELECT ?1 AS a, ?2 AS b", [.integer(1), .null]) { row = $1 }
        #expect(row == [.integer(1), .null])
        // The statement that failed is usable again.
        try connection.run("INSERT INTO t VALUES (?)", [.text("b@example.com")]) { _, _ in }
    }

    /// Refusals are told apart by SQLite's extended result codes: a missing value is not a taken email (it once was,
    /// when the message text was read and "constraint failed" matched both).
    @Test func refusalsAreClassifiedByResultCodeNotByMessage() throws {
        let connection = try DirectSQLiteConnection(path: try Self.scratch(), pragmas: DirectSQLiteConnection.pragmas)
        defer { connection.close() }
        try connection.run("CREATE TABLE parent (id TEXT PRIMARY KEY)", []) { _, _ in }
        try connection.run("""
            CREATE TABLE t (email TEXT UNIQUE, name TEXT NOT NULL, age INTEGER CHECK (age >= 0), parent TEXT REFERENCES parent(id))
            """, []) { _, _ in }
        try connection.run("CREATE TRIGGER t_fixed BEFORE UPDATE ON t BEGIN SELECT RAISE(ABORT, 'fixed'); END", []) { _, _ in }
        try connection.run("INSERT INTO t VALUES ('a@example.com', 'Ada', 1, NULL)", []) { _, _ in }
        func failure(_ sql: String) -> SQLFailure? {
            do {
                try connection.run(sql, []) { _, _ in }
                return nil
            } catch {
                return SQLFailure(error)
            }
        }
        #expect(failure("INSERT INTO t VALUES ('a@example.com', 'Bea', 1, NULL)") == .unique)
        #expect(failure("INSERT INTO t VALUES ('b@example.com', NULL, 1, NULL)") == .notNull)
        #expect(failure("INSERT INTO t VALUES ('c@example.com', 'Cy', -1, NULL)") == .check)
        #expect(failure("INSERT INTO t VALUES ('d@example.com', 'Di', 1, 'nobody')") == .foreignKey)
        #expect(failure("UPDATE t SET name = 'Eve'") == .trigger)
        #expect(failure("SELEKT 1") == nil)
        #expect(!isUniqueViolation(DirectSQLiteConnection.Failure(code: 1299, message: "NOT NULL constraint failed: t.name")))
    }

    /// Blocking work (a write transaction) runs on the borrowed connection's own thread, never on Swift's cooperative
    /// pool, whose two threads a disk sync would otherwise hold; a read runs where it is called.
    @Test func workRunsOnTheConnectionsOwnThread() async throws {
        let pool = DirectSQLitePool(path: try Self.scratch(), pragmas: DirectSQLiteConnection.pragmas, limit: 2)
        defer { pool.shutdown() }
        let places = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await pool.withConnection(onItsThread: true) { connection in
                        try connection.run("SELECT 1 AS one", []) { _, _ in }
                        return SQLiteThread.isCurrent
                    }
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(places == Array(repeating: true, count: 8))
        #expect(try await pool.withConnection { _ in SQLiteThread.isCurrent } == false, "a read stays where it was called")
    }

    @Test func thePoolLendsEachConnectionToOneTaskAtATime() async throws {
        let pool = DirectSQLitePool(path: try Self.scratch(), pragmas: DirectSQLiteConnection.pragmas, limit: 2)
        let inUse = Counter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await pool.withConnection { connection in
                        let held = inUse.change(by: 1, id: ObjectIdentifier(connection))
                        #expect(held.total <= 2)
                        #expect(held.sameConnection == 1)
                        try await Task.sleep(for: .milliseconds(2))
                        _ = inUse.change(by: -1, id: ObjectIdentifier(connection))
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(inUse.peak == 2)
        pool.shutdown()
        await #expect(throws: DirectSQLitePool.Closed.self) { try await pool.withConnection { _ in } }
    }
}

/// How many tasks hold connections, and each connection, at once.
final class Counter: Sendable {
    private let state = Mutex<(total: Int, peak: Int, byConnection: [ObjectIdentifier: Int])>((0, 0, [:]))

    func change(by delta: Int, id: ObjectIdentifier) -> (total: Int, sameConnection: Int) {
        state.withLock { state in
            state.total += delta
            state.peak = max(state.peak, state.total)
            state.byConnection[id, default: 0] += delta
            return (state.total, state.byConnection[id]!)
        }
    }

    var peak: Int { state.withLock { $0.peak } }
}
