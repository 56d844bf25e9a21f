@testable import LumbarStorage
import SQLKit
import Testing
import TestSupport

/// SQLite's write transactions that arrive together share one commit, each in its own savepoint: every caller gets its
/// own answer, and a write that fails or breaks the transaction loses only itself.
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
        for _ in 0..<500 where await database.writeBatch.queued < count { try await Task.sleep(for: .milliseconds(10)) }
        #expect(await database.writeBatch.queued == count, "all queued behind the open transaction")
        doRelease.yield()
        try await blocker.value
        var results: [Result<Int, any Error>] = []
        for task in tasks { results.append(await task.result) }
        return (results, await database.writeBatch.commits - before)
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
}
