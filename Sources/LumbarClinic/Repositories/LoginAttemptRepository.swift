import LumbarCore

/// Sign-in attempts per address, for rate limiting that holds across instances.
public protocol LoginAttemptRepository: Sendable {
    func record(email: String, address: String, succeeded: Bool, at now: Instant) async throws

    func failures(address: String, since: Instant) async throws -> Int

    /// Online sign-ups from one address since `since` (recorded as attempts under a reserved name).
    func registrations(address: String, since: Instant) async throws -> Int

    func recordRegistration(address: String, at now: Instant) async throws

    /// Forgets attempts older than `before`; they only matter for the rate-limit window.
    func prune(before: Instant) async throws
}
