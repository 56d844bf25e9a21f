/// What the owner offers as a package: so many treatments of one service for one price, used within so many days.
public struct PackagePlan: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var serviceId: String
    public var visits: Int
    public var priceCents: Int
    public var taxBasisPoints: Int
    public var validDays: Int
    public var retired: Bool

    public init(id: String = "", name: String, serviceId: String, visits: Int, priceCents: Int, taxBasisPoints: Int, validDays: Int, retired: Bool = false) {
        self.id = id
        self.name = name
        self.serviceId = serviceId
        self.visits = visits
        self.priceCents = priceCents
        self.taxBasisPoints = taxBasisPoints
        self.validDays = validDays
        self.retired = retired
    }
}

/// A package a client bought: its visits are drawn one per attended appointment of its service until none are left
/// or it expires. A visit whose invoice is voided goes back on the package.
public struct ClientPackage: Sendable, Equatable, Identifiable {
    public var id: String
    public var clientId: String
    public var planId: String
    public var name: String
    public var serviceId: String
    public var visits: Int
    public var expiresAt: Instant
    public var invoiceId: String
    public var soldAt: Instant
    /// Invoices of the visits drawn from it that still stand.
    public var usedBy: [String]

    public init(id: String = "", clientId: String, planId: String, name: String, serviceId: String, visits: Int, expiresAt: Instant,
                invoiceId: String, soldAt: Instant, usedBy: [String] = []) {
        self.id = id
        self.clientId = clientId
        self.planId = planId
        self.name = name
        self.serviceId = serviceId
        self.visits = visits
        self.expiresAt = expiresAt
        self.invoiceId = invoiceId
        self.soldAt = soldAt
        self.usedBy = usedBy
    }

    public var remaining: Int { max(0, visits - usedBy.count) }
    public func isUsable(at now: Instant) -> Bool { remaining > 0 && now < expiresAt }
}

/// A gift certificate sold at the desk: a code, an amount, and what has been redeemed from it (partly, more than
/// once, by anyone who has the code).
public struct GiftCertificate: Sendable, Equatable, Identifiable {
    public var id: String
    public var code: String
    public var amountCents: Int
    public var invoiceId: String
    public var recipient: String
    public var soldAt: Instant
    /// Redeemed less refunded back onto it.
    public var usedCents: Int
    /// False once its sale was voided.
    public var valid: Bool

    public init(id: String = "", code: String, amountCents: Int, invoiceId: String, recipient: String, soldAt: Instant, usedCents: Int = 0, valid: Bool = true) {
        self.id = id
        self.code = code
        self.amountCents = amountCents
        self.invoiceId = invoiceId
        self.recipient = recipient
        self.soldAt = soldAt
        self.usedCents = usedCents
        self.valid = valid
    }

    public var balanceCents: Int { valid ? max(0, amountCents - usedCents) : 0 }
}
