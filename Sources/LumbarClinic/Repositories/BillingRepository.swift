import LumbarCore

/// The ledger: invoices, voids, payments, refunds, credit, packages and gift certificates, all only ever added, and
/// the receipts issued from them. Invoice and receipt numbers come from counter rows, so two desks never share one.
public protocol BillingRepository: Sendable {
    /// Everything charged to and paid by one client.
    func ledger(clientId: String) async throws -> ClientLedger

    /// The invoice with what was done against it, for whichever client it belongs to.
    func entry(invoiceId: String) async throws -> ClientLedger.Entry?

    /// Writes the posting in one transaction after checking its expectations (else `StorageError.conflict`).
    /// Returns the invoices as numbered.
    @discardableResult
    func post(_ posting: LedgerPosting, audit: AuditEntry) async throws -> [Invoice]

    /// Issues the next receipt for an invoice: the original the first time, a duplicate of it after that.
    func issueReceipt(invoiceId: String, clientId: String, by accountId: String, audit: AuditEntry, at now: Instant) async throws -> Receipt

    func receipt(id: String) async throws -> Receipt?

    func receipts(clientId: String) async throws -> [Receipt]

    func giftCertificate(code: String) async throws -> GiftCertificate?

    func giftCertificate(id: String) async throws -> GiftCertificate?

    func giftCertificates(soldTo clientId: String) async throws -> [GiftCertificate]

    func packagePlans() async throws -> [PackagePlan]

    func save(_ plan: PackagePlan) async throws
}
