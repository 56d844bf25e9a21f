import LumbarClinic
import LumbarSQLite
@testable import LumbarStorage
import LumbarCore
import SQLKit
import Synchronization
import Testing
import TestSupport

/// Write transactions that arrive together share one commit, each in its own savepoint: every caller gets its own
/// answer, and a write that fails or breaks the transaction loses only itself. Every SQLite write goes this way; audit
/// rows (`writeTogether`) do on both engines.
@Suite struct WriteBatchTests {
    struct Refused: Error {}

    /// Holds the write queue with one open transaction until `release`, so what is submitted meanwhile forms one batch.
    static func holdingTheWriter(_ database: Database, _ queue: @escaping @Sendable () -> [Task<Int, any Error>],
                                 until count: Int) async throws -> (results: [Result<Int, any Error>], commits: Int) {
        try await database.write { db in try await db.raw("CREATE TABLE scratch (n INTEGER PRIMARY KEY)").run() }
        let before = await database.writeBatch.commits
        let (started, didStart) = AsyncStream.makeStream(of: Void.self)
        let (release, doRelease) = AsyncStream.makeStream(of: Void.self)
        let blocker = Task {
            try await database.write { db in
                didStart.yield()
                for await _ in release { break }
            }
        }
        for await _ in started { break }
        let tasks = queue()
        try await Self.within(seconds: 20, "\(count) writes queued behind the open transaction") { await database.writeBatch.waitUntilQueued(count) }
        #expect(await database.writeBatch.queued == count, "all queued behind the open transaction")
        doRelease.yield()
        try await blocker.value
        var results: [Result<Int, any Error>] = []
        for task in tasks { results.append(await task.result) }
        return (results, await database.writeBatch.commits - before)
    }

    struct TimedOut: Error, CustomStringConvertible { let description: String }

    /// Waits for `body`, failing with `what` after `seconds` instead of hanging the suite.
    static func within(seconds: Int, _ what: String, _ body: @escaping @Sendable () async -> Void) async throws {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask { await body(); return true }
            group.addTask { try await Task.sleep(for: .seconds(seconds)); return false }
            let finished = try await group.next() ?? false
            group.cancelAll()
            if !finished { throw TimedOut(description: "timed out after \(seconds) s waiting for \(what)") }
        }
    }

    static func rows(_ database: Database) async throws -> Set<Int> {
        Set(try await database.read { db in try await db.raw("SELECT n FROM scratch").all().map { try $0.decode(column: "n", as: Int.self) } })
    }

    @Test func eachWriteGetsItsOwnResultAndOnlyAFailingOneIsRolledBack() async throws {
        try await TestDatabase.with(.sqlite) { (database: Database) async throws in
            let (results, commits) = try await Self.holdingTheWriter(database, {
                (0..<30).map { n in
                    Task {
                        try await database.write { db -> Int in
                            try await db.raw("INSERT INTO scratch (n) VALUES (\(bind: n))").run()
                            if n == 7 { throw Refused() }
                            // A statement that fails inside the write: the savepoint takes back the row above too.
                            if n == 13 { try await db.raw("INSERT INTO scratch (n) VALUES (\(bind: n))").run() }
                            return n * 2
                        }
                    }
                }
            }, until: 30)
            for (n, result) in results.enumerated() {
                switch (n, result) {
                case (7, .failure(let error)): #expect(error is Refused)
                case (13, .failure): break
                case (_, .success(let doubled)): #expect(doubled == n * 2)
                default: Issue.record("write \(n) answered \(result)")
                }
            }
            #expect(try await Self.rows(database) == Set((0..<30).filter { $0 != 7 && $0 != 13 }))
            #expect(commits == 2, "the blocker's, then one for the thirty that waited")
        }
    }

    /// A write that ends the whole transaction (as SQLite itself does on some errors) loses the batch; each of the
    /// others is run again on its own and kept, and only the one at fault fails.
    @Test func aWriteThatEndsTheTransactionFailsAlone() async throws {
        try await TestDatabase.with(.sqlite) { (database: Database) async throws in
            let results = try await Self.holdingTheWriter(database, {
                (0..<10).map { n in
                    Task {
                        try await database.write { db -> Int in
                            try await db.raw("INSERT INTO scratch (n) VALUES (\(bind: n))").run()
                            if n == 4 { try await db.raw("ROLLBACK").run() }
                            return n
                        }
                    }
                }
            }, until: 10).results
            #expect(results.enumerated().allSatisfy { n, result in (try? result.get()) == (n == 4 ? nil : n) })
            #expect(try await Self.rows(database) == Set((0..<10).filter { $0 != 4 }))
        }
    }

    // Audit rows, on both engines.

    static func entry(_ detail: String) -> AuditEntry {
        AuditEntry(at: StorageTests.now, actorId: "t", actorRole: .therapist, clientId: "c", infoType: .clinical, action: .view,
                   address: "127.0.0.1", detail: detail)
    }

    @Test(arguments: TestDatabase.engines)
    func concurrentAppendsAllLand(engine: Database.Engine) async throws {
        try await TestDatabase.with(engine) { (database: Database) async throws in
            let audit = SQLAuditRepository(database: database)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 0..<60 { group.addTask { try await audit.append(Self.entry("view \(n)")) } }
                try await group.waitForAll()
            }
            let details = Set(try await audit.entries(AuditFilter()).map(\.detail))
            #expect(details == Set((0..<60).map { "view \($0)" }))
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aFailingWriteLosesOnlyItself(engine: Database.Engine) async throws {
        try await TestDatabase.with(engine) { (database: Database) async throws in
            let outcomes = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
                for n in 0..<30 {
                    group.addTask {
                        do {
                            try await database.writeTogether { db in
                                try await SQLAuditRepository.append(Self.entry("write \(n)"), on: db)
                                if n == 7 { throw Refused() }
                            }
                            return (n, true)
                        } catch is Refused {
                            return (n, false)
                        }
                    }
                }
                return try await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
            }
            #expect(outcomes.filter { !$0.value }.keys.sorted() == [7])
            let details = Set(try await SQLAuditRepository(database: database).entries(AuditFilter()).map(\.detail))
            #expect(details == Set((0..<30).filter { $0 != 7 }.map { "write \($0)" }), "the refused write's row was rolled back, the others kept")
        }
    }

    /// Audit rows that arrive while a shared transaction is committing wait, then all go in the next one (both engines).
    @Test(arguments: TestDatabase.engines)
    func writesThatArriveDuringACommitShareTheNext(engine: Database.Engine) async throws {
        try await TestDatabase.with(engine) { (database: Database) async throws in
            let before = await database.writeBatch.commits
            let (started, didStart) = AsyncStream.makeStream(of: Void.self)
            let (release, doRelease) = AsyncStream.makeStream(of: Void.self)
            let first = Task {
                try await database.writeTogether { db in
                    try await SQLAuditRepository.append(Self.entry("first"), on: db)
                    didStart.yield()
                    for await _ in release { break }
                }
            }
            for await _ in started { break }
            let rest = (0..<20).map { n in Task { try await SQLAuditRepository(database: database).append(Self.entry("later \(n)")) } }
            // All twenty are queued behind the first transaction before it is let go.
            try await Self.within(seconds: 20, "twenty audit rows queued behind the first") { await database.writeBatch.waitUntilQueued(20) }
            #expect(await database.writeBatch.queued == 20)
            doRelease.yield()
            try await first.value
            for task in rest { try await task.value }
            #expect(await database.writeBatch.commits - before == 2, "one commit for the first write, one for the twenty that waited")
            #expect(try await SQLAuditRepository(database: database).entries(AuditFilter()).count == 21)
        }
    }

    /// A write begun inside another write's body joins it, on both engines: it used to wait forever for the very
    /// transaction it was part of on SQLite. Joined, its failure undoes only its own part, and the outer's undoes all.
    @Test(arguments: TestDatabase.engines)
    func aWriteInsideAWriteJoinsIt(engine: Database.Engine) async throws {
        try await TestDatabase.with(engine) { (database: Database) async throws in
            let audit = SQLAuditRepository(database: database)
            let finished = Mutex(false)
            try await Self.within(seconds: 20, "a write inside a write") {
                do {
                    try await database.write { db in
                        try await SQLAuditRepository.append(Self.entry("outer"), on: db)
                        try await database.write { inner in try await SQLAuditRepository.append(Self.entry("inner"), on: inner) }
                        try await audit.append(Self.entry("together"))
                        do {
                            try await database.write { inner in
                                try await SQLAuditRepository.append(Self.entry("undone"), on: inner)
                                throw Refused()
                            }
                        } catch is Refused {}
                    }
                    finished.withLock { $0 = true }
                } catch {
                    Issue.record("the nested write failed: \(error)")
                }
            }
            #expect(finished.withLock { $0 }, "the nested write finished")
            #expect(Set(try await audit.entries(AuditFilter()).map(\.detail)) == ["outer", "inner", "together"])
            await #expect(throws: Refused.self) {
                try await database.write { db in
                    try await database.write { inner in try await SQLAuditRepository.append(Self.entry("lost with the outer"), on: inner) }
                    throw Refused()
                }
            }
            #expect(try await audit.entries(AuditFilter()).count == 3)
        }
    }

    /// On SQLite a write transaction, whose COMMIT waits for the disk, runs on its connection's own thread: several at
    /// once, and none of them on Swift's cooperative pool.
    @Test func writeTransactionsRunOnTheirConnectionsThread() async throws {
        try await TestDatabase.with(.sqlite) { (database: Database) async throws in
            let places = try await withThrowingTaskGroup(of: Bool.self) { group in
                for n in 0..<6 {
                    group.addTask {
                        try await database.write { db in
                            try await SQLAuditRepository.append(Self.entry("write \(n)"), on: db)
                            return SQLiteThread.isCurrent
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(places == Array(repeating: true, count: 6))
        }
    }
}
