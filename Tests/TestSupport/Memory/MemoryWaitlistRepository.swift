import LumbarClinic
import LumbarCore
import Synchronization

/// The waitlist in memory: who waits for an earlier time, and the offers that hold a time for one of them.
public final class MemoryWaitlistRepository: WaitlistRepository {
    private struct State {
        var entries: [WaitlistEntry] = []
        var tokens: [String: String] = [:]
        var holdMinutes = 120
    }

    private let state = Mutex(State())
    private let outbox: MemoryOutbox
    private let scheduling: MemorySchedulingRepository

    public init(outbox: MemoryOutbox, scheduling: MemorySchedulingRepository) {
        self.outbox = outbox
        self.scheduling = scheduling
    }

    /// Joins once per appointment: a second request to move the same appointment earlier is the first one.
    public func join(_ entry: WaitlistEntry, at now: Instant) async throws {
        state.withLock { state in
            if let appointment = entry.appointmentId,
               state.entries.contains(where: { $0.appointmentId == appointment && [.waiting, .offered].contains($0.status) }) { return }
            var joined = entry
            joined.status = .waiting
            state.entries.append(joined)
        }
    }

    public func entries(_ status: WaitlistEntry.Status, clientId: String?) async throws -> [WaitlistEntry] {
        state.withLock { $0.entries.filter { $0.status == status && (clientId == nil || $0.clientId == clientId) } }
    }

    public func offer(tokenHash: String) async throws -> WaitlistEntry? {
        state.withLock { state in state.tokens[tokenHash].flatMap { id in state.entries.first { $0.id == id } } }
    }

    /// Makes an offer unless a live offer already holds an overlapping time with the same therapist.
    public func makeOffer(entryId: String, start: Instant, end: Instant, therapistId: String, expiresAt: Instant, tokenHash: String,
                          mail: QueuedMail, at now: Instant) async throws -> Bool {
        let lengths = Dictionary(try await scheduling.services().map { ($0.id, Int64($0.minutes + $0.bufferMinutes) * 60) }, uniquingKeysWith: { a, _ in a })
        let made = state.withLock { state in
            let clash = state.entries.contains { other in
                guard other.status == .offered, let held = other.offerStart, let expires = other.offerExpiresAt, expires > now,
                      other.offerTherapistId == therapistId else { return false }
                return held < end && start < held.adding(seconds: lengths[other.serviceId] ?? 0)
            }
            guard !clash else { return false }
            if let index = state.entries.firstIndex(where: { $0.id == entryId && $0.status == .waiting }) {
                state.entries[index].status = .offered
                state.entries[index].offerStart = start
                state.entries[index].offerTherapistId = therapistId
                state.entries[index].offerExpiresAt = expiresAt
                state.tokens[tokenHash] = entryId
            }
            return true
        }
        if made { outbox.enqueue([mail]) }
        return made
    }

    public func heldOffers(at now: Instant) async throws -> [WaitlistEntry] {
        state.withLock { $0.entries.filter { $0.status == .offered && ($0.offerExpiresAt.map { $0 > now } ?? false) } }
    }

    public func expireOffers(at now: Instant) async throws {
        state.withLock { state in
            for index in state.entries.indices where state.entries[index].status == .offered && (state.entries[index].offerExpiresAt.map { $0 <= now } ?? false) {
                state.entries[index].status = .expired
            }
        }
    }

    public func setStatus(id: String, _ status: WaitlistEntry.Status) async throws {
        state.withLock { state in
            if let index = state.entries.firstIndex(where: { $0.id == id }) { state.entries[index].status = status }
        }
    }

    public func holdMinutes() async throws -> Int { state.withLock { $0.holdMinutes } }
}
