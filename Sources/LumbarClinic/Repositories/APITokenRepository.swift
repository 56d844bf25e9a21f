import LumbarCore

/// APITokenRepository.
public protocol APITokenRepository: Sendable {
    func create(accountId: String, name: String, tokenHash: String, at now: Instant) async throws -> String

    func list(accountId: String) async throws -> [APITokenSummary]

    func revoke(id: String, accountId: String, at now: Instant) async throws

    /// The active staff account an unrevoked token belongs to. "Last used" is kept to the minute: writing it on every
    /// call would put each API read behind the write lock and a disk sync.
    func account(tokenHash: String, at now: Instant) async throws -> Account?
}
