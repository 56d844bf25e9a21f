import SQLKit

/// Group commit: small independent writes that arrive while a transaction is committing wait for it, then commit
/// together in the next one, so a busy clinic pays one durable commit for many audit rows instead of one each.
/// Every caller still returns only after its own write is durable.
actor CommitGroup {
    typealias Work = @Sendable (any SQLDatabase) async throws -> Void

    private var waiting: [(work: Work, done: CheckedContinuation<Void, any Error>)] = []
    private var committing = false
    /// Shared transactions committed, and writes waiting for the next one (what tests observe of the grouping).
    private(set) var commits = 0
    var queued: Int { waiting.count }

    func submit(_ work: @escaping Work, to database: Database) async throws {
        try await withCheckedThrowingContinuation { done in
            waiting.append((work, done))
            if !committing {
                committing = true
                Task { await self.commitWaiting(to: database) }
            }
        }
    }

    private func commitWaiting(to database: Database) async {
        while !waiting.isEmpty {
            let batch = waiting
            waiting = []
            let works = batch.map(\.work)
            do {
                try await database.write { db in for work in works { try await work(db) } }
                commits += 1
                for entry in batch { entry.done.resume() }
            } catch where batch.count == 1 {
                batch[0].done.resume(throwing: error)
            } catch {
                // One failing write must not take the others with it: each is tried again on its own.
                for entry in batch {
                    do {
                        try await database.write(entry.work)
                        entry.done.resume()
                    } catch {
                        entry.done.resume(throwing: error)
                    }
                }
            }
        }
        committing = false
    }
}
