import SQLKit

/// Group commit. Write transactions that arrive while one is running wait, then run one after another in the next
/// transaction, each inside its own savepoint: a failing one is rolled back alone, and the clinic pays one durable
/// commit (one disk sync) for all of them. Every caller returns only once its own work has committed.
/// On SQLite every write goes through it (SQLite has one writer anyway; queueing here rather than on its lock keeps
/// waiting writers off the connections, and other processes are still held off by BEGIN IMMEDIATE and busy_timeout).
/// On PostgreSQL, which has many writers, only small independent rows such as the audit log do.
actor WriteBatch {
    typealias Work = @Sendable (any SQLDatabase) async throws -> Void
    /// A caller's work and where to send its answer.
    typealias Entry = (work: Work, done: CheckedContinuation<Void, any Error>)

    /// Most works in one transaction, so a long queue still commits (and answers) steadily.
    static let limit = 64

    /// How a shared transaction starts: `BEGIN IMMEDIATE` takes SQLite's write lock up front.
    let begin: String
    private var waiting: [Entry] = []
    private var running = false
    /// Transactions committed, and works waiting for the next one (what tests observe of the batching).
    private(set) var commits = 0
    var queued: Int { waiting.count }
    /// Tests waiting for the queue to reach a length, so they line writes up without polling.
    private var watchers: [(count: Int, resume: CheckedContinuation<Void, Never>)] = []

    init(begin: String) {
        self.begin = begin
    }

    func submit(_ work: @escaping Work, to database: Database) async throws {
        try await withCheckedThrowingContinuation { done in
            waiting.append((work, done))
            if !watchers.isEmpty { wakeWatchers(all: false) }
            if !running {
                running = true
                // The transaction runs off the actor (`commit` is nonisolated), so writers can queue while it does.
                Task {
                    while let batch = await self.next() {
                        await self.finish(batch, Self.commit(batch.map(\.work), begin: begin, on: database), on: database)
                    }
                }
            }
        }
    }

    /// Returns once `count` works wait for the next transaction, or when the calling task is cancelled.
    func waitUntilQueued(_ count: Int) async {
        guard waiting.count < count, !Task.isCancelled else { return }
        await withTaskCancellationHandler {
            await withCheckedContinuation { watchers.append((count, $0)) }
        } onCancel: {
            Task { await self.wakeWatchers(all: true) }
        }
    }

    private func wakeWatchers(all: Bool) {
        let ready = watchers.filter { all || $0.count <= waiting.count }
        watchers.removeAll { all || $0.count <= waiting.count }
        for watcher in ready { watcher.resume.resume() }
    }

    private func next() -> [Entry]? {
        guard !waiting.isEmpty else {
            running = false
            return nil
        }
        let batch = Array(waiting.prefix(Self.limit))
        waiting.removeFirst(batch.count)
        return batch
    }

    private func finish(_ batch: [Entry], _ outcome: Result<[(any Error)?], any Error>, on database: Database) async {
        switch outcome {
        case .success(let failures):
            commits += 1
            for (entry, failure) in zip(batch, failures) {
                if let failure { entry.done.resume(throwing: failure) } else { entry.done.resume() }
            }
        case .failure(let error) where batch.count == 1:
            batch[0].done.resume(throwing: error)
        case .failure:
            // The transaction itself was lost (a work ended it, or the commit failed): nothing of it was kept, so each
            // work is run again on its own, and only the one at fault fails.
            for entry in batch { await finish([entry], Self.commit([entry.work], begin: begin, on: database), on: database) }
        }
    }

    /// Runs each work in its own savepoint inside one write transaction; each work's error, or the error that lost the
    /// whole transaction. `@concurrent`: the batching depends on this running off the actor (so writers can queue
    /// meanwhile), which a plain nonisolated function would not under Swift 6.2's nonisolated-nonsending default.
    @concurrent
    private nonisolated static func commit(_ works: [Work], begin: String, on database: Database) async -> Result<[(any Error)?], any Error> {
        do {
            return .success(try await database.transaction(begin) { db in
                var failures: [(any Error)?] = []
                for work in works {
                    try await db.raw("SAVEPOINT lumbar_write").run()
                    do {
                        try await work(db)
                        try await db.raw("RELEASE lumbar_write").run()
                        failures.append(nil)
                    } catch {
                        try await db.raw("ROLLBACK TO lumbar_write").run()
                        try await db.raw("RELEASE lumbar_write").run()
                        failures.append(error)
                    }
                }
                return failures
            })
        } catch {
            return .failure(error)
        }
    }
}
