import LumbarCore

/// Which audit rows to show; nil means any.
public struct AuditFilter: Sendable, Equatable {
    public var clientId: String?
    public var actorId: String?
    public var from: Instant?
    public var until: Instant?
    public var limit: Int

    public init(clientId: String? = nil, actorId: String? = nil, from: Instant? = nil, until: Instant? = nil, limit: Int = 500) {
        self.clientId = clientId
        self.actorId = actorId
        self.from = from
        self.until = until
        self.limit = limit
    }
}
