import LumbarCore

/// The front desk's money: invoices for visits and fees, payments (with what is beyond the bill kept as credit when
/// the desk says so), refunds, voids, receipts, packages and gift certificates. Each step reads the ledger, decides
/// by `LedgerRules`, and posts new rows that the store checks against what was read.
public struct LedgerService: Sendable {
    public enum Failure: Error, Equatable {
        case refused(LedgerRules.Refusal)
        case notFound
        case nothingToCharge
        case invalid([FieldProblem])
    }

    /// Who is acting, for the audit rows.
    public struct Actor: Sendable {
        public let account: Account
        public let address: String
        public init(account: Account, address: String) {
            self.account = account
            self.address = address
        }
    }

    let billing: any BillingRepository
    let clinic: any ClinicRepository
    let accounts: any AccountRepository
    let scheduling: any SchedulingRepository
    let clock: WallClock
    let ids: IDSource

    public init(billing: any BillingRepository, clinic: any ClinicRepository, accounts: any AccountRepository, scheduling: any SchedulingRepository,
                clock: WallClock, ids: IDSource = .random) {
        self.billing = billing
        self.clinic = clinic
        self.accounts = accounts
        self.scheduling = scheduling
        self.clock = clock
        self.ids = ids
    }

    // MARK: Invoices

    /// Makes sure the appointment's invoice says what it now costs: issues one if none stands, and if the one
    /// standing no longer matches (the visit became a missed visit, say) voids it and issues the right one.
    /// Nothing is issued for an appointment that costs nothing; a standing invoice is then voided. Returns the
    /// invoice that stands afterwards.
    @discardableResult
    public func invoice(_ appointment: Appointment, by actor: Actor) async throws -> ClientLedger.Entry? {
        guard let service = try await scheduling.service(id: appointment.serviceId) else { throw Failure.notFound }
        let charge = Billing.charge(appointment, service: service)
        let ledger = try await billing.ledger(clientId: appointment.clientId)
        let standing = ledger.entries.filter { $0.invoice.appointmentId == appointment.id && !$0.isVoid }
        if let charge, let current = standing.last, standing.count == 1, current.invoice.totalCents == charge.totalCents,
           current.invoice.kind.rawValue == charge.kind.rawValue {
            return current
        }
        var posting = LedgerPosting()
        posting.expect = [.standing(appointmentId: appointment.id, invoiceIds: standing.map(\.invoice.id))]
        for stale in standing {
            // A stale invoice with money on it stays: the desk refunds or moves that money first.
            guard stale.netPaidCents == 0 || stale.payments.allSatisfy({ $0.method == .package }) else { return stale }
            posting.voids.append(InvoiceVoid(invoiceId: stale.invoice.id, reason: "The appointment changed to \(appointment.status.rawValue); reissued to match",
                                             by: actor.account.id, at: clock.now()))
        }
        if let charge {
            posting.invoices.append(Invoice(id: ids.next(), clientId: appointment.clientId, kind: charge.kind == .visit ? .visit : .fee,
                                            appointmentId: appointment.id, locationId: appointment.locationId, therapistId: appointment.therapistId,
                                            serviceId: service.id, issuedAt: clock.now(), issuedBy: actor.account.id,
                                            lines: [.init(description: charge.description, subtotalCents: charge.subtotalCents, taxCents: charge.taxCents)],
                                            seller: try await seller(therapistId: appointment.therapistId)))
        }
        guard !posting.isEmpty else { return nil }
        let issued = try await billing.post(posting, audit: audit(actor, appointment.clientId, .create,
                                                                 posting.invoices.isEmpty ? "invoice voided" : "invoice issued"))
        guard let invoice = issued.first else { return nil }
        return ClientLedger.Entry(invoice: invoice)
    }

    /// Voids an invoice issued in error. Refused while money paid on it stands (refund it first).
    public func void(invoiceId: String, reason: String, by actor: Actor) async throws {
        guard let entry = try await billing.entry(invoiceId: invoiceId) else { throw Failure.notFound }
        if let refusal = LedgerRules.void(entry, reason: reason) { throw Failure.refused(refusal) }
        var posting = LedgerPosting()
        posting.voids = [InvoiceVoid(invoiceId: invoiceId, reason: reason.trimmed, by: actor.account.id, at: clock.now())]
        posting.expect = [.notVoid(invoiceId: invoiceId), .netPaid(invoiceId: invoiceId, cents: entry.netPaidCents)]
        try await billing.post(posting, audit: audit(actor, entry.invoice.clientId, .change, "invoice \(entry.invoice.number) voided"))
    }

    // MARK: Payments

    /// What the desk enters when a client pays.
    public struct Tender: Sendable {
        public var cents: Int
        public var method: Payment.Method
        /// For `.giftCertificate`: the code as typed.
        public var giftCode: String?
        /// For `.package`: which of the client's packages.
        public var packageId: String?
        /// Keep what is beyond the bill as credit on account instead of refusing.
        public var keepRestAsCredit: Bool

        public init(cents: Int, method: Payment.Method, giftCode: String? = nil, packageId: String? = nil, keepRestAsCredit: Bool = false) {
            self.cents = cents
            self.method = method
            self.giftCode = giftCode
            self.packageId = packageId
            self.keepRestAsCredit = keepRestAsCredit
        }
    }

    /// Records a payment on an invoice. Returns what went on the invoice and what was kept as credit.
    @discardableResult
    public func pay(invoiceId: String, _ tender: Tender, by actor: Actor) async throws -> LedgerRules.Split {
        guard let entry = try await billing.entry(invoiceId: invoiceId) else { throw Failure.notFound }
        let clientId = entry.invoice.clientId
        var posting = LedgerPosting()
        posting.expect = [.notVoid(invoiceId: invoiceId), .netPaid(invoiceId: invoiceId, cents: entry.netPaidCents)]
        var payment = Payment(id: ids.next(), invoiceId: invoiceId, clientId: clientId, amountCents: tender.cents, method: tender.method,
                              receivedAt: clock.now(), recordedBy: actor.account.id)
        var available: Int?
        switch tender.method {
        case .giftCertificate:
            guard let code = tender.giftCode, let gift = try await billing.giftCertificate(code: code) else { throw Failure.refused(.certificateNotValid) }
            guard gift.valid else { throw Failure.refused(.certificateNotValid) }
            guard let sale = try await billing.entry(invoiceId: gift.invoiceId), sale.owedCents == 0 else { throw Failure.refused(.certificateUnpaid) }
            // Money refunded from the certificate's sale is no longer on the certificate.
            available = max(0, min(gift.balanceCents, sale.netPaidCents - gift.usedCents))
            payment.giftCertificateId = gift.id
            posting.expect.append(.giftUsed(certificateId: gift.id, cents: gift.usedCents))
        case .accountCredit:
            let ledger = try await billing.ledger(clientId: clientId)
            available = ledger.creditCents
            posting.expect.append(.creditBalance(clientId: clientId, cents: ledger.creditCents))
        case .package:
            let ledger = try await billing.ledger(clientId: clientId)
            guard entry.invoice.kind == .visit, let package = ledger.packages.first(where: { $0.id == tender.packageId }),
                  package.serviceId == entry.invoice.serviceId, package.isUsable(at: clock.now()) else { throw Failure.refused(.packageNotUsable) }
            guard ledger.entry(package.invoiceId)?.owedCents == 0 else { throw Failure.refused(.packageUnpaid) }
            // A package covers the whole visit, whatever was typed.
            payment.amountCents = entry.owedCents
            payment.packageId = package.id
            posting.packageUses = [.init(packageId: package.id, invoiceId: invoiceId)]
            posting.expect.append(.packageUses(packageId: package.id, count: package.usedBy.count))
        case .cash, .debit, .credit, .eTransfer:
            break
        }
        let split: LedgerRules.Split
        switch LedgerRules.split(payment.amountCents, method: tender.method, on: entry, keepRestAsCredit: tender.keepRestAsCredit, available: available) {
        case .failure(let refusal): throw Failure.refused(refusal)
        case .success(let result): split = result
        }
        payment.amountCents = split.appliedCents
        posting.payments = [payment]
        if tender.method == .accountCredit {
            posting.credit.append(CreditEntry(id: ids.next(), clientId: clientId, amountCents: -split.appliedCents, paymentId: payment.id,
                                              note: "Used on invoice \(entry.invoice.number)", at: clock.now(), by: actor.account.id))
        }
        if split.creditKeptCents > 0 {
            posting.credit.append(CreditEntry(id: ids.next(), clientId: clientId, amountCents: split.creditKeptCents, method: tender.method,
                                              paymentId: payment.id, note: "Kept from a payment beyond invoice \(entry.invoice.number)",
                                              at: clock.now(), by: actor.account.id))
        }
        try await billing.post(posting, audit: audit(actor, clientId, .create, "payment on invoice \(entry.invoice.number)"))
        return split
    }

    /// Gives back `cents` of a payment: to the card, cash or transfer it came from, onto the gift certificate it was
    /// drawn from, or as credit on account when `toCredit` (and always for credit that was spent).
    public func refund(paymentId: String, invoiceId: String, cents: Int, toCredit: Bool, reason: String, by actor: Actor) async throws {
        guard let entry = try await billing.entry(invoiceId: invoiceId), let payment = entry.payments.first(where: { $0.id == paymentId }) else {
            throw Failure.notFound
        }
        guard payment.method != .package else { throw Failure.refused(.packageNotUsable) }
        if let refusal = LedgerRules.refund(cents, of: payment, on: entry, reason: reason) { throw Failure.refused(refusal) }
        // What was already spent from a gift certificate cannot be refunded from its sale.
        if entry.invoice.kind == .gift,
           let gift = try await billing.giftCertificates(soldTo: entry.invoice.clientId).first(where: { $0.invoiceId == entry.invoice.id }) {
            let refundable = max(0, min(entry.refundable(payment), entry.netPaidCents - gift.usedCents))
            if cents > refundable { throw Failure.refused(.refundTooLarge(refundableCents: refundable)) }
        }
        let method: Payment.Method = payment.method == .giftCertificate ? .giftCertificate
            : (toCredit || payment.method == .accountCredit ? .accountCredit : payment.method)
        let refund = Refund(id: ids.next(), paymentId: payment.id, invoiceId: invoiceId, clientId: entry.invoice.clientId, amountCents: cents,
                            method: method, reason: reason.trimmed, at: clock.now(), by: actor.account.id)
        var posting = LedgerPosting()
        posting.refunds = [refund]
        posting.expect = [.netPaid(invoiceId: invoiceId, cents: entry.netPaidCents)]
        if method == .accountCredit {
            posting.credit = [CreditEntry(id: ids.next(), clientId: entry.invoice.clientId, amountCents: cents, refundId: refund.id,
                                          note: "Refunded from invoice \(entry.invoice.number)", at: clock.now(), by: actor.account.id)]
        }
        try await billing.post(posting, audit: audit(actor, entry.invoice.clientId, .create, "refund on invoice \(entry.invoice.number)"))
    }

    // MARK: Receipts

    public func issueReceipt(invoiceId: String, by actor: Actor) async throws -> Receipt {
        guard let entry = try await billing.entry(invoiceId: invoiceId) else { throw Failure.notFound }
        guard !entry.isVoid else { throw Failure.refused(.voided) }
        return try await billing.issueReceipt(invoiceId: invoiceId, clientId: entry.invoice.clientId, by: actor.account.id,
                                              audit: audit(actor, entry.invoice.clientId, .print, "receipt for invoice \(entry.invoice.number)", .record),
                                              at: clock.now())
    }

    // MARK: Packages and gift certificates

    /// Sells a package to a client: an invoice for its price with tax, and the package, usable until it expires.
    @discardableResult
    public func sellPackage(planId: String, to clientId: String, locationId: String?, by actor: Actor) async throws -> ClientLedger.Entry {
        guard let plan = try await billing.packagePlans().first(where: { $0.id == planId && !$0.retired }) else { throw Failure.notFound }
        let soldAt = try await saleLocation(locationId)
        let invoice = Invoice(id: ids.next(), clientId: clientId, kind: .package, locationId: soldAt, serviceId: plan.serviceId,
                              issuedAt: clock.now(), issuedBy: actor.account.id,
                              lines: [.init(description: "Package: \(plan.name) (\(plan.visits) visits)", subtotalCents: plan.priceCents,
                                            taxCents: Billing.tax(plan.priceCents, basisPoints: plan.taxBasisPoints))],
                              seller: try await seller(therapistId: nil))
        var posting = LedgerPosting()
        posting.invoices = [invoice]
        posting.packages = [ClientPackage(id: ids.next(), clientId: clientId, planId: plan.id, name: plan.name, serviceId: plan.serviceId,
                                          visits: plan.visits, expiresAt: clock.now().adding(seconds: Int64(plan.validDays) * 86_400),
                                          invoiceId: invoice.id, soldAt: clock.now())]
        let issued = try await billing.post(posting, audit: audit(actor, clientId, .create, "package sold"))
        return ClientLedger.Entry(invoice: issued[0])
    }

    /// Sells a gift certificate: an invoice to the buyer for its amount (no tax: tax is charged on what it later
    /// pays for) and a new code.
    @discardableResult
    public func sellGift(cents: Int, recipient: String, to buyerId: String, locationId: String?, by actor: Actor) async throws -> GiftCertificate {
        var problems: [FieldProblem] = []
        if cents <= 0 || cents > 1_000_000 { problems.append(FieldProblem("amount", "Enter an amount from $1.00 to $10,000.00.")) }
        if recipient.trimmed.isEmpty || recipient.count > 120 { problems.append(FieldProblem("recipient", "Say who the certificate is for.")) }
        var soldAt: String?
        do { soldAt = try await saleLocation(locationId) } catch Failure.invalid(let found) { problems += found }
        guard problems.isEmpty else { throw Failure.invalid(problems) }
        var generator = SystemRandomNumberGenerator()
        let code = GiftCode.make { Int.random(in: 0..<1_000_000, using: &generator) }
        let invoice = Invoice(id: ids.next(), clientId: buyerId, kind: .gift, locationId: soldAt, issuedAt: clock.now(), issuedBy: actor.account.id,
                              lines: [.init(description: "Gift certificate \(code) for \(recipient.trimmed)", subtotalCents: cents, taxCents: 0)],
                              seller: try await seller(therapistId: nil))
        let gift = GiftCertificate(id: ids.next(), code: code, amountCents: cents, invoiceId: invoice.id, recipient: recipient.trimmed, soldAt: clock.now())
        var posting = LedgerPosting()
        posting.invoices = [invoice]
        posting.giftCertificates = [gift]
        try await billing.post(posting, audit: audit(actor, buyerId, .create, "gift certificate sold"))
        return gift
    }

    // MARK: Support

    static let unknownLocation = FieldProblem("location", "Choose one of the clinic's locations.")

    /// Where a sale is counted on the reports: the location chosen, which must be one of the clinic's, or when none
    /// is chosen the clinic's first (a clinic with one location never has to say).
    private func saleLocation(_ requested: String?) async throws -> String? {
        let locations = try await scheduling.locations()
        guard let requested, !requested.trimmed.isEmpty else { return locations.first?.id }
        guard locations.contains(where: { $0.id == requested }) else { throw Failure.invalid([Self.unknownLocation]) }
        return requested
    }

    private func seller(therapistId: String?) async throws -> Invoice.Seller {
        let profile = try await clinic.profile()
        let therapist: Account? = if let therapistId { try await accounts.find(id: therapistId) } else { nil }
        return Invoice.Seller(clinicName: profile?.name ?? "", clinicAddress: profile?.address ?? "", hstNumber: profile?.hstNumber,
                              therapistName: therapist?.name ?? "", therapistRegistration: therapist?.collegeRegistration ?? "")
    }

    private func audit(_ actor: Actor, _ clientId: String, _ action: AuditEntry.Action, _ detail: String,
                       _ info: AuditEntry.InfoType = .appointment) -> AuditEntry {
        AuditEntry(at: clock.now(), actorId: actor.account.id, actorRole: actor.account.role, clientId: clientId, infoType: info, action: action,
                   address: actor.address, detail: detail)
    }
}
