import LumbarCore

/// The PHIPA access log. Rows are only ever inserted; the database refuses updates and deletes.
public protocol AuditRepository: Sendable {
    /// Durable when it returns; rows appended at the same moment share one commit.
    func append(_ entry: AuditEntry) async throws

    /// Several rows for one request, committed together (and with any others appended at the same moment).
    func append(_ entries: [AuditEntry]) async throws

    func entries(_ filter: AuditFilter) async throws -> [AuditEntry]
}
