import Synchronization

/// Lends ``DirectSQLiteConnection``s to one task at a time, opening them as demand needs up to `limit`; past that,
/// tasks wait their turn in order. Connections are reused most-recently-returned first, so their page caches stay warm.
public final class DirectSQLitePool: Sendable {
    public struct Closed: Error, CustomStringConvertible {
        public var description: String { "the database is shut down" }
    }

    private struct State {
        var idle: [DirectSQLiteConnection] = []
        var open = 0
        var waiting: [CheckedContinuation<DirectSQLiteConnection, any Error>] = []
        var closed = false
    }

    private enum Next {
        case lend(DirectSQLiteConnection)
        case open
        case wait
        case refuse
    }

    public let path: String
    public let pragmas: [String]
    public let limit: Int
    private let state = Mutex(State())

    public init(path: String, pragmas: [String], limit: Int) {
        self.path = path
        self.pragmas = pragmas
        self.limit = limit
    }

    /// Runs `body` with a connection of its own, returned to the pool however `body` ends. With `onItsThread`, the body
    /// runs on the connection's own thread, for work that blocks: a write transaction, whose COMMIT waits for the disk
    /// and whose BEGIN IMMEDIATE may wait (up to the busy timeout) for another process's write. Reads in WAL mode take
    /// no lock that waits and run where they are called: hopping to a thread and back for each of a chart page's
    /// twenty reads cost it a quarter of its throughput (docs/performance.md).
    /// `@concurrent` so the body leaves its caller's actor under either isolation default (Swift 6.2's
    /// nonisolated-nonsending would otherwise keep it there, blocking the actor on SQLite's disk syncs).
    @concurrent
    public func withConnection<T: Sendable>(onItsThread: Bool = false, _ body: @Sendable (DirectSQLiteConnection) async throws -> T)
        async throws -> T {
        let connection = try await borrow()
        defer { giveBack(connection) }
        guard onItsThread else { return try await body(connection) }
        // Entering the preference enqueues the task on the connection's thread (a preference alone would move it only
        // at its next suspension, and SQLite's calls never suspend). The caller carries on there until it next waits.
        return try await withTaskExecutorPreference(connection.thread) { try await body(connection) }
    }

    /// Closes idle connections now and lent ones as they come back; waiting and later callers are refused.
    public func shutdown() {
        let (idle, waiting) = state.withLock { state in
            state.closed = true
            defer { state.idle = []; state.waiting = [] }
            return (state.idle, state.waiting)
        }
        for connection in idle { connection.close() }
        for waiter in waiting { waiter.resume(throwing: Closed()) }
    }

    private func borrow() async throws -> DirectSQLiteConnection {
        let next: Next = state.withLock { state in
            if state.closed { return .refuse }
            if let connection = state.idle.popLast() { return .lend(connection) }
            guard state.open < limit else { return .wait }
            state.open += 1
            return .open
        }
        switch next {
        case .lend(let connection): return connection
        case .refuse: throw Closed()
        case .open:
            do {
                return try DirectSQLiteConnection(path: path, pragmas: pragmas)
            } catch {
                state.withLock { $0.open -= 1 }
                throw error
            }
        case .wait:
            return try await withCheckedThrowingContinuation { continuation in
                let lent: DirectSQLiteConnection?? = state.withLock { state in
                    // A connection may have come back between the first look and now.
                    if state.closed { return .some(nil) }
                    if let connection = state.idle.popLast() { return connection }
                    state.waiting.append(continuation)
                    return nil
                }
                switch lent {
                case .some(.some(let connection)): continuation.resume(returning: connection)
                case .some(.none): continuation.resume(throwing: Closed())
                case .none: break
                }
            }
        }
    }

    private func giveBack(_ connection: DirectSQLiteConnection) {
        let waiter: CheckedContinuation<DirectSQLiteConnection, any Error>?? = state.withLock { state in
            if state.closed {
                state.open -= 1
                return .some(nil)
            }
            if !state.waiting.isEmpty { return state.waiting.removeFirst() }
            state.idle.append(connection)
            return nil
        }
        switch waiter {
        case .some(.some(let waiter)): waiter.resume(returning: connection)
        case .some(.none): connection.close()
        case .none: break
        }
    }
}
