import LumbarCore

/// Payments and receipts: both only ever added. Receipt numbers come from one counter row, so two desks
/// issuing at once never share a number.
public protocol BillingRepository: Sendable {
    func record(_ payment: Payment, audit: AuditEntry) async throws

    func payments(clientId: String) async throws -> [Payment]

    /// Issues the next receipt for an appointment: the original the first time, a duplicate of it after that.
    func issueReceipt(appointmentId: String, clientId: String, by accountId: String, audit: AuditEntry, at now: Instant) async throws -> Receipt

    func receipt(id: String) async throws -> Receipt?

    func receipts(clientId: String) async throws -> [Receipt]
}
