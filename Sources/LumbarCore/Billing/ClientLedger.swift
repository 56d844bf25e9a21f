/// Everything a client has been charged and has paid, as stored, with the balances worked out from the rows
/// (nothing is kept as a running total that could drift from them).
public struct ClientLedger: Sendable, Equatable {
    /// One invoice with what has been done against it.
    public struct Entry: Sendable, Equatable, Identifiable {
        public var invoice: Invoice
        public var void: InvoiceVoid?
        public var payments: [Payment]
        public var refunds: [Refund]
        public var receipts: [Receipt]

        public var id: String { invoice.id }
        public var isVoid: Bool { void != nil }
        public var paidCents: Int { payments.map(\.amountCents).reduce(0, +) }
        public var refundedCents: Int { refunds.map(\.amountCents).reduce(0, +) }
        /// Paid and kept: what the client is out of pocket for this invoice.
        public var netPaidCents: Int { paidCents - refundedCents }
        /// A refund gives money back for what was charged, so it lowers the charge as well as the payment.
        public var chargedCents: Int { isVoid ? 0 : invoice.totalCents - refundedCents }
        /// What is still owed: never below zero, nothing on a voided invoice.
        public var owedCents: Int { max(0, chargedCents - netPaidCents) }

        /// What may still be refunded from `payment`.
        public func refundable(_ payment: Payment) -> Int {
            payment.amountCents - refunds.filter { $0.paymentId == payment.id }.map(\.amountCents).reduce(0, +)
        }

        /// The entry as it stood at `instant` (a receipt states that).
        public func asOf(_ instant: Instant) -> Entry {
            Entry(invoice: invoice, void: void.flatMap { $0.at <= instant ? $0 : nil }, payments: payments.filter { $0.receivedAt <= instant },
                  refunds: refunds.filter { $0.at <= instant }, receipts: receipts.filter { $0.issuedAt <= instant })
        }

        public init(invoice: Invoice, void: InvoiceVoid? = nil, payments: [Payment] = [], refunds: [Refund] = [], receipts: [Receipt] = []) {
            self.invoice = invoice
            self.void = void
            self.payments = payments
            self.refunds = refunds
            self.receipts = receipts
        }
    }

    public var clientId: String
    public var entries: [Entry]
    public var credit: [CreditEntry]
    public var packages: [ClientPackage]

    public init(clientId: String, entries: [Entry] = [], credit: [CreditEntry] = [], packages: [ClientPackage] = []) {
        self.clientId = clientId
        self.entries = entries
        self.credit = credit
        self.packages = packages
    }

    public var creditCents: Int { max(0, credit.map(\.amountCents).reduce(0, +)) }
    public var owedCents: Int { entries.map(\.owedCents).reduce(0, +) }

    public func entry(_ invoiceId: String) -> Entry? { entries.first { $0.invoice.id == invoiceId } }

    /// The invoice that stands for an appointment (the latest not voided), if one was issued.
    public func standing(appointmentId: String) -> Entry? {
        entries.last { $0.invoice.appointmentId == appointmentId && !$0.isVoid }
    }

    /// What is owed for one appointment: on its invoice, or its whole charge while none has been issued yet.
    public func owedCents(for appointment: Appointment, charge: Billing.Charge?) -> Int {
        if let standing = standing(appointmentId: appointment.id) { return standing.owedCents }
        let voided = entries.contains { $0.invoice.appointmentId == appointment.id }
        return voided ? 0 : charge?.totalCents ?? 0
    }
}
