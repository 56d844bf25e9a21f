import LumbarCore

/// A signed-in browser, kept in the database so any instance can serve it.
public struct SessionRecord: Sendable {
    public let tokenHash: String
    public let account: Account
    public let csrfToken: String
    public let secondFactorDone: Bool
    public let createdAt: Instant
    public let lastSeenAt: Instant

    public init(tokenHash: String, account: Account, csrfToken: String, secondFactorDone: Bool, createdAt: Instant, lastSeenAt: Instant) {
        self.tokenHash = tokenHash
        self.account = account
        self.csrfToken = csrfToken
        self.secondFactorDone = secondFactorDone
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }
}
