import LumbarCore
@testable import LumbarStorage
import SQLKit
import Testing
import TestSupport

/// Audit rows that arrive together commit together; none is lost, and one that fails takes no other with it.
@Suite struct CommitGroupTests {
    struct Refused: Error {}

    static func entry(_ detail: String) -> AuditEntry {
        AuditEntry(at: StorageTests.now, actorId: "t", actorRole: .therapist, clientId: "c", infoType: .clinical, action: .view,
                   address: "127.0.0.1", detail: detail)
    }

    @Test(arguments: TestDatabase.engines)
    func concurrentAppendsAllLand(engine: Database.Engine) async throws {
        try await TestDatabase.with(engine) { (database: Database) async throws in
            let audit = AuditRepository(database: database)
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
                                try await AuditRepository.append(Self.entry("write \(n)"), on: db)
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
            let details = Set(try await AuditRepository(database: database).entries(AuditFilter()).map(\.detail))
            #expect(details == Set((0..<30).filter { $0 != 7 }.map { "write \($0)" }), "the refused write's row was rolled back, the others kept")
        }
    }

    /// Writes that arrive while a shared transaction is committing wait, then all go in the next one.
    @Test(arguments: TestDatabase.engines)
    func writesThatArriveDuringACommitShareTheNext(engine: Database.Engine) async throws {
        try await TestDatabase.with(engine) { (database: Database) async throws in
            let (started, didStart) = AsyncStream.makeStream(of: Void.self)
            let (release, doRelease) = AsyncStream.makeStream(of: Void.self)
            let first = Task {
                try await database.writeTogether { db in
                    try await AuditRepository.append(Self.entry("first"), on: db)
                    didStart.yield()
                    for await _ in release { break }
                }
            }
            for await _ in started { break }
            let rest = (0..<20).map { n in Task { try await AuditRepository(database: database).append(Self.entry("later \(n)")) } }
            // All twenty are queued behind the first transaction before it is let go.
            for _ in 0..<500 where await database.commitGroup.queued < 20 { try await Task.sleep(for: .milliseconds(10)) }
            #expect(await database.commitGroup.queued == 20)
            doRelease.yield()
            try await first.value
            for task in rest { try await task.value }
            #expect(await database.commitGroup.commits == 2, "one commit for the first write, one for the twenty that waited")
            #expect(try await AuditRepository(database: database).entries(AuditFilter()).count == 21)
        }
    }
}
