import LumbarCore

/// A personal API token as listed to its owner (the secret itself is shown once and never stored).
public struct APITokenSummary: Sendable, Equatable {
    public let id: String
    public let name: String
    public let createdAt: Instant
    public let revokedAt: Instant?
    public let lastUsedAt: Instant?

    public init(id: String, name: String, createdAt: Instant, revokedAt: Instant?, lastUsedAt: Instant?) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
        self.revokedAt = revokedAt
        self.lastUsedAt = lastUsedAt
    }
}
