import LumbarCore

/// Therapists' private calendar feed links; only a hash of each secret is stored, and links can be revoked.
public protocol CalendarFeedRepository: Sendable {
    /// Replaces any live link with a new one.
    func create(therapistId: String, tokenHash: String, at now: Instant) async throws

    func revokeAll(therapistId: String, at now: Instant) async throws

    func hasLiveFeed(therapistId: String) async throws -> Bool

    /// The therapist behind a live link.
    func therapist(tokenHash: String) async throws -> Account?
}
