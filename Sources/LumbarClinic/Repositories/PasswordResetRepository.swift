import LumbarCore

/// One-time password reset links; only the hash of the token is stored.
public protocol PasswordResetRepository: Sendable {
    func create(tokenHash: String, accountId: String, expiresAt: Instant) async throws

    /// The account the token resets, if it is unexpired and unused; marks it used.
    func consume(tokenHash: String, at now: Instant) async throws -> String?

    /// Whether the token would be accepted, without spending it (to show the form).
    func isValid(tokenHash: String, at now: Instant) async throws -> Bool
}
