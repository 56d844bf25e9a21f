/// Money applied to an invoice. Payments are only ever added; money given back is a `Refund`.
public struct Payment: Sendable, Equatable, Identifiable {
    public enum Method: String, Sendable, CaseIterable {
        case cash, debit, credit
        case eTransfer = "e-transfer"
        /// Drawn from a gift certificate (`giftCertificateId`).
        case giftCertificate = "gift"
        /// Drawn from the client's credit on account.
        case accountCredit = "account"
        /// A visit covered by a package the client bought (`packageId`).
        case package

        public var label: String {
            switch self {
            case .cash: return "Cash"
            case .debit: return "Debit"
            case .credit: return "Credit card"
            case .eTransfer: return "E-transfer"
            case .giftCertificate: return "Gift certificate"
            case .accountCredit: return "Credit on account"
            case .package: return "Package"
            }
        }

        /// Money handed over at the desk (or sent), as opposed to value the clinic already holds for the client.
        public var isTender: Bool { [.cash, .debit, .credit, .eTransfer].contains(self) }
        public static var tenders: [Method] { allCases.filter(\.isTender) }
    }

    public var id: String
    public var invoiceId: String
    public var clientId: String
    public var amountCents: Int
    public var method: Method
    public var giftCertificateId: String?
    public var packageId: String?
    public var receivedAt: Instant
    public var recordedBy: String

    public init(id: String = "", invoiceId: String, clientId: String, amountCents: Int, method: Method, giftCertificateId: String? = nil,
                packageId: String? = nil, receivedAt: Instant, recordedBy: String) {
        self.id = id
        self.invoiceId = invoiceId
        self.clientId = clientId
        self.amountCents = amountCents
        self.method = method
        self.giftCertificateId = giftCertificateId
        self.packageId = packageId
        self.receivedAt = receivedAt
        self.recordedBy = recordedBy
    }
}

/// Money given back against one payment: to where it came from, or kept as credit on account.
public struct Refund: Sendable, Equatable, Identifiable {
    public var id: String
    public var paymentId: String
    public var invoiceId: String
    public var clientId: String
    public var amountCents: Int
    /// The payment's own method, or `.accountCredit` when the client keeps it as credit.
    public var method: Payment.Method
    public var reason: String
    public var at: Instant
    public var by: String

    public init(id: String = "", paymentId: String, invoiceId: String, clientId: String, amountCents: Int, method: Payment.Method,
                reason: String, at: Instant, by: String) {
        self.id = id
        self.paymentId = paymentId
        self.invoiceId = invoiceId
        self.clientId = clientId
        self.amountCents = amountCents
        self.method = method
        self.reason = reason
        self.at = at
        self.by = by
    }
}

/// A change to a client's credit on account: kept from an overpayment or a refund (positive), or spent on an
/// invoice (negative). The balance is the sum of these rows, never below zero.
public struct CreditEntry: Sendable, Equatable, Identifiable {
    public var id: String
    public var clientId: String
    public var amountCents: Int
    /// How the money came in when credit is kept from an overpayment (the till counts it).
    public var method: Payment.Method?
    public var paymentId: String?
    public var refundId: String?
    public var note: String
    public var at: Instant
    public var by: String

    public init(id: String = "", clientId: String, amountCents: Int, method: Payment.Method? = nil, paymentId: String? = nil, refundId: String? = nil,
                note: String, at: Instant, by: String) {
        self.id = id
        self.clientId = clientId
        self.amountCents = amountCents
        self.method = method
        self.paymentId = paymentId
        self.refundId = refundId
        self.note = note
        self.at = at
        self.by = by
    }
}
