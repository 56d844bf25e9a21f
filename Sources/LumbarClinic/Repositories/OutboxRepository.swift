import LumbarCore

/// Mail written in the same transaction as the change it reports, delivered later by a background service.
public protocol OutboxRepository: Sendable {
    /// Queues messages inside the caller's transaction, so they exist exactly when the change they report does.
    /// Queues messages on their own (outside any other change).
    func enqueue(_ messages: [QueuedMail], at now: Instant) async throws

    /// Claims up to `limit` due messages for `lease` seconds, so no other instance sends them meanwhile.
    /// PostgreSQL skips rows another instance has locked; SQLite's write lock already serialises claimers.
    func claim(limit: Int, lease: Int64, at now: Instant) async throws -> [OutboxMessage]

    func markSent(id: Int64, at now: Instant) async throws

    /// Schedules another try after an exponential backoff (1, 2, 4 … minutes, at most 6 hours).
    func markFailed(id: Int64, attempts: Int, error: String, at now: Instant) async throws

    func pending() async throws -> Int
}
