/// A file kept with a client's record: a physician's note, an imaging report, a signed paper form. The row is
/// never changed; a mistaken upload gets a `DocumentWithdrawal` beside it.
public struct ClientDocument: Sendable, Equatable {
    public var id: String
    public var clientId: String
    /// As sanitised by `DocumentName`, for showing and for the download's name.
    public var fileName: String
    public var type: DocumentType
    public var size: Int
    /// Lowercase hex, of the bytes kept.
    public var sha256: String
    /// Base64 of the SHA-1 digest, as FHIR's `Attachment.hash` wants it.
    public var sha1: String
    public var description: String?
    public var addedBy: String
    public var addedByName: String
    public var addedAt: Instant
    /// Set when the document was withdrawn; read with the document, stored apart.
    public var withdrawal: DocumentWithdrawal?

    public static let descriptionLimit = FieldLimit.short

    public init(id: String, clientId: String, fileName: String, type: DocumentType, size: Int, sha256: String, sha1: String,
                description: String?, addedBy: String, addedByName: String, addedAt: Instant, withdrawal: DocumentWithdrawal? = nil) {
        self.id = id
        self.clientId = clientId
        self.fileName = fileName
        self.type = type
        self.size = size
        self.sha256 = sha256
        self.sha1 = sha1
        self.description = description
        self.addedBy = addedBy
        self.addedByName = addedByName
        self.addedAt = addedAt
        self.withdrawal = withdrawal
    }

    public var isWithdrawn: Bool { withdrawal != nil }
}
