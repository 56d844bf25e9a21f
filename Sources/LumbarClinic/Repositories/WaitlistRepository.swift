import LumbarCore

/// The waitlist for earlier times, and the offers (held times) made from it.
public protocol WaitlistRepository: Sendable {
    func join(_ entry: WaitlistEntry, at now: Instant) async throws

    /// Entries by status, oldest first (the order clients joined in).
    func entries(_ status: WaitlistEntry.Status, clientId: String?) async throws -> [WaitlistEntry]

    func offer(tokenHash: String) async throws -> WaitlistEntry?

    /// Makes an offer if the time is not already held by another live offer; one instance at a time decides.
    func makeOffer(entryId: String, start: Instant, end: Instant, therapistId: String, expiresAt: Instant, tokenHash: String, mail: QueuedMail, at now: Instant) async throws -> Bool

    /// Live offers, whose held times others cannot book.
    func heldOffers(at now: Instant) async throws -> [WaitlistEntry]

    /// Offers nobody took in time lapse, freeing the time for the next in line.
    func expireOffers(at now: Instant) async throws

    func setStatus(id: String, _ status: WaitlistEntry.Status) async throws

    func holdMinutes() async throws -> Int
}

/// The defaults callers rely on; each forwards to the requirement.
extension WaitlistRepository {
    public func entries(_ status: WaitlistEntry.Status, clientId: String? = nil) async throws -> [WaitlistEntry] {
        try await entries(status, clientId: clientId)
    }
}
