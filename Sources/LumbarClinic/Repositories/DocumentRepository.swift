import LumbarCore

/// Files kept with clients' records, with their withdrawals. Rows are only ever added: a document is never changed
/// or deleted, and a withdrawal is a row of its own. Each write commits with its audit row.
public protocol DocumentRepository: Sendable {
    /// Keeps the document and its bytes; `conflict` if the id is taken.
    func add(_ document: ClientDocument, content: [UInt8], audit: AuditEntry) async throws

    /// The client's documents, oldest first, each with its withdrawal if it has one; no content.
    func list(clientId: String) async throws -> [ClientDocument]

    /// One document of this client, or nil (another client's id is nil too).
    func find(id: String, clientId: String) async throws -> ClientDocument?

    /// The bytes kept for the document, exactly as uploaded.
    func content(id: String) async throws -> [UInt8]?

    /// Marks the document withdrawn: `notFound` if it is not this client's, `conflict` if already withdrawn.
    func withdraw(_ withdrawal: DocumentWithdrawal, clientId: String, audit: AuditEntry) async throws

    /// How many documents the client has, withdrawn ones included, and the newest that is not withdrawn.
    func summary(clientId: String) async throws -> DocumentSummary

    /// The owner's upload limit in megabytes, or nil when never set.
    func sizeLimitMegabytes() async throws -> Int?

    func setSizeLimit(megabytes: Int) async throws
}
