import Synchronization

/// The clinic's settings that nearly every page and booking reads and that change a few times a year: the clinic row,
/// booking rules, services, locations, therapists and their weekly hours. Kept in memory so a page does not read them again and again.
///
/// A write through ``Database/write(changing:_:)`` drops what it names as soon as it commits. Changes this process
/// cannot see (another instance on the same PostgreSQL database, the `lumbar` command in another process) show within
/// ``lifetime``. A load that started before a drop is not kept, so a value read before a change never outlives it.
public final class ReadCache: Sendable {
    public enum Key: Hashable, Sendable { case clinic, bookingRules, services, locations, therapists, workingHours }

    private struct Entry {
        let value: any Sendable
        let loadedAt: ContinuousClock.Instant
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        /// Bumped by every drop; a load keeps its value only if its key's count has not moved meanwhile.
        var drops: [Key: Int] = [:]
    }

    public let lifetime: Duration
    private let state = Mutex(State())

    public init(lifetime: Duration = .seconds(5)) {
        self.lifetime = lifetime
    }

    /// The cached value for `key`, or what `load` returns (kept for next time).
    public func value<T: Sendable>(_ key: Key, load: () async throws -> T) async throws -> T {
        let started = ContinuousClock.now
        let (cached, drops): (T?, Int) = state.withLock { state in
            if let entry = state.entries[key], started - entry.loadedAt < lifetime, let value = entry.value as? T {
                return (value, 0)
            }
            return (nil, state.drops[key, default: 0])
        }
        if let cached { return cached }
        let value = try await load()
        state.withLock { state in
            if state.drops[key, default: 0] == drops { state.entries[key] = Entry(value: value, loadedAt: started) }
        }
        return value
    }

    /// Forgets `keys`, including any load of them still under way.
    public func drop(_ keys: some Sequence<Key>) {
        state.withLock { state in
            for key in keys {
                state.entries[key] = nil
                state.drops[key, default: 0] += 1
            }
        }
    }
}
