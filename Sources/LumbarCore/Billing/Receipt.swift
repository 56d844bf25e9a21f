/// An issued receipt for an invoice. The first is the original; each re-issue is a new numbered receipt marked
/// DUPLICATE that names the original. It states what stood when it was issued, refunds included.
public struct Receipt: Sendable, Equatable, Identifiable {
    public var id: String
    public var number: Int
    public var invoiceId: String
    public var clientId: String
    public var issuedAt: Instant
    public var issuedBy: String
    public var duplicateOf: String?

    public init(id: String, number: Int, invoiceId: String, clientId: String, issuedAt: Instant, issuedBy: String, duplicateOf: String?) {
        self.id = id
        self.number = number
        self.invoiceId = invoiceId
        self.clientId = clientId
        self.issuedAt = issuedAt
        self.issuedBy = issuedBy
        self.duplicateOf = duplicateOf
    }

    public var isDuplicate: Bool { duplicateOf != nil }
}
