/// A dated clinical entry on a client's chart. Never changed: a correction is a new note that amends it.
public struct ChartNote: Sendable, Equatable, Identifiable {
    public var id: String
    public var clientId: String
    public var authorId: String
    public var authorName: String
    public var body: String
    public var createdAt: Instant
    public var amends: String?
    public var reason: String?

    public init(id: String, clientId: String, authorId: String, authorName: String, body: String, createdAt: Instant,
                amends: String? = nil, reason: String? = nil) {
        self.id = id
        self.clientId = clientId
        self.authorId = authorId
        self.authorName = authorName
        self.body = body
        self.createdAt = createdAt
        self.amends = amends
        self.reason = reason
    }
}
