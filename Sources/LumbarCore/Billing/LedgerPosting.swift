/// New ledger rows written together, in one transaction, or not at all. `expect` holds what the use case read
/// before deciding; the store checks each inside the transaction and refuses the whole posting if another desk
/// changed it meanwhile, so two payments at once can never overpay an invoice or overspend credit.
public struct LedgerPosting: Sendable, Equatable {
    public enum Expectation: Sendable, Equatable {
        /// What has been paid less refunded on the invoice.
        case netPaid(invoiceId: String, cents: Int)
        case creditBalance(clientId: String, cents: Int)
        case giftUsed(certificateId: String, cents: Int)
        case packageUses(packageId: String, count: Int)
        case notVoid(invoiceId: String)
        /// No invoice stands for the appointment other than these.
        case standing(appointmentId: String, invoiceIds: [String])
    }

    public var invoices: [Invoice] = []
    public var voids: [InvoiceVoid] = []
    public var payments: [Payment] = []
    public var refunds: [Refund] = []
    public var credit: [CreditEntry] = []
    public var packages: [ClientPackage] = []
    /// A visit drawn from a package: (package id, the visit's invoice id).
    public var packageUses: [PackageUse] = []
    public var giftCertificates: [GiftCertificate] = []
    public var expect: [Expectation] = []

    public struct PackageUse: Sendable, Equatable {
        public var packageId: String
        public var invoiceId: String
        public init(packageId: String, invoiceId: String) {
            self.packageId = packageId
            self.invoiceId = invoiceId
        }
    }

    public init() {}

    public var isEmpty: Bool {
        invoices.isEmpty && voids.isEmpty && payments.isEmpty && refunds.isEmpty && credit.isEmpty && packages.isEmpty && packageUses.isEmpty
            && giftCertificates.isEmpty
    }
}
