/// Why a document was marked as a mistake, by whom and when. Added once; the document itself stays as it was.
public struct DocumentWithdrawal: Sendable, Equatable {
    public var documentId: String
    public var reason: String
    public var by: String
    public var byName: String
    public var at: Instant

    public static let reasonLimit = FieldLimit.short

    public init(documentId: String, reason: String, by: String, byName: String, at: Instant) {
        self.documentId = documentId
        self.reason = reason
        self.by = by
        self.byName = byName
        self.at = at
    }
}
