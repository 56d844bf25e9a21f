import LumbarClinic
import LumbarCore
import SQLKit

/// Reading and writing the ledger's rows, and checking a posting's expectations.
extension SQLBillingRepository {
    /// Invoices matching `condition` (on `invoices i`), each with its lines, void, payments, refunds and receipts.
    static func invoices(_ db: any SQLDatabase, where condition: SQLQueryString) async throws -> [ClientLedger.Entry] {
        func rows(_ select: String, _ table: String, order: String) async throws -> [any SQLRow] {
            try await db.raw("SELECT \(unsafeRaw: select) FROM \(unsafeRaw: table) JOIN invoices i ON i.id = x.invoice_id WHERE \(condition) ORDER BY \(unsafeRaw: order)").all()
        }
        let lines = Dictionary(grouping: try await rows("x.*", "invoice_lines x", order: "x.invoice_id, x.position"), by: { (try? $0.string("invoice_id")) ?? "" })
        let voids = try await rows("x.*", "invoice_voids x", order: "x.invoice_id").map(void)
        let payments = try await rows("x.*", "ledger_payments x", order: "x.received_at, x.id").compactMap(payment)
        let refunds = try await rows("x.*", "refunds x", order: "x.refunded_at, x.id").compactMap(refund)
        let receipts = try await rows("x.*", "invoice_receipts x", order: "x.number").map(receipt)
        let voidsBy = Dictionary(voids.map { ($0.invoiceId, $0) }, uniquingKeysWith: { a, _ in a })
        let paymentsBy = Dictionary(grouping: payments, by: \.invoiceId)
        let refundsBy = Dictionary(grouping: refunds, by: \.invoiceId)
        let receiptsBy = Dictionary(grouping: receipts, by: \.invoiceId)
        return try await db.raw("SELECT i.* FROM invoices i WHERE \(condition) ORDER BY i.issued_at, i.number").all().map { row in
            let invoice = try Self.invoice(row, lines: try (lines[try row.string("id")] ?? []).map {
                Invoice.Line(description: try $0.string("description"), subtotalCents: try $0.int("subtotal_cents"), taxCents: try $0.int("tax_cents"))
            })
            return ClientLedger.Entry(invoice: invoice, void: voidsBy[invoice.id], payments: paymentsBy[invoice.id] ?? [],
                                      refunds: refundsBy[invoice.id] ?? [], receipts: receiptsBy[invoice.id] ?? [])
        }
    }

    static func invoice(_ row: any SQLRow, lines: [Invoice.Line]) throws -> Invoice {
        guard let kind = Invoice.Kind(rawValue: try row.string("kind")) else { throw StorageError.notFound }
        return Invoice(id: try row.string("id"), number: try row.int("number"), clientId: try row.string("client_id"), kind: kind,
                       appointmentId: try row.optionalString("appointment_id"), locationId: try row.optionalString("location_id"),
                       therapistId: try row.optionalString("therapist_id"), serviceId: try row.optionalString("service_id"),
                       issuedAt: try row.instant("issued_at"), issuedBy: try row.string("issued_by"), lines: lines,
                       seller: Invoice.Seller(clinicName: try row.string("clinic_name"), clinicAddress: try row.string("clinic_address"),
                                              hstNumber: try row.optionalString("hst_number"), therapistName: try row.string("therapist_name"),
                                              therapistRegistration: try row.string("therapist_registration")))
    }

    static func insert(_ invoice: Invoice, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO invoices (id, number, client_id, kind, appointment_id, location_id, therapist_id, service_id, issued_at, issued_by,
                                  subtotal_cents, tax_cents, clinic_name, clinic_address, hst_number, therapist_name, therapist_registration)
            VALUES (\(bind: invoice.id), \(bind: invoice.number), \(bind: invoice.clientId), \(bind: invoice.kind.rawValue), \(bind: invoice.appointmentId),
                    \(bind: invoice.locationId), \(bind: invoice.therapistId), \(bind: invoice.serviceId), \(bind: invoice.issuedAt.milliseconds),
                    \(bind: invoice.issuedBy), \(bind: invoice.subtotalCents), \(bind: invoice.taxCents), \(bind: invoice.seller.clinicName),
                    \(bind: invoice.seller.clinicAddress), \(bind: invoice.seller.hstNumber), \(bind: invoice.seller.therapistName),
                    \(bind: invoice.seller.therapistRegistration))
            """).run()
        for (position, line) in invoice.lines.enumerated() {
            try await db.raw("""
                INSERT INTO invoice_lines (invoice_id, position, description, subtotal_cents, tax_cents)
                VALUES (\(bind: invoice.id), \(bind: position), \(bind: line.description), \(bind: line.subtotalCents), \(bind: line.taxCents))
                """).run()
        }
    }

    static func void(_ row: any SQLRow) throws -> InvoiceVoid {
        InvoiceVoid(invoiceId: try row.string("invoice_id"), reason: try row.string("reason"), by: try row.string("voided_by"), at: try row.instant("voided_at"))
    }

    static func payment(_ row: any SQLRow) throws -> Payment? {
        guard let method = Payment.Method(rawValue: try row.string("method")) else { return nil }
        return Payment(id: try row.string("id"), invoiceId: try row.string("invoice_id"), clientId: try row.string("client_id"),
                       amountCents: try row.int("amount_cents"), method: method, giftCertificateId: try row.optionalString("gift_certificate_id"),
                       packageId: try row.optionalString("package_id"), receivedAt: try row.instant("received_at"), recordedBy: try row.string("recorded_by"))
    }

    static func refund(_ row: any SQLRow) throws -> Refund? {
        guard let method = Payment.Method(rawValue: try row.string("method")) else { return nil }
        return Refund(id: try row.string("id"), paymentId: try row.string("payment_id"), invoiceId: try row.string("invoice_id"),
                      clientId: try row.string("client_id"), amountCents: try row.int("amount_cents"), method: method, reason: try row.string("reason"),
                      at: try row.instant("refunded_at"), by: try row.string("refunded_by"))
    }

    static func credit(_ row: any SQLRow) throws -> CreditEntry {
        CreditEntry(id: try row.string("id"), clientId: try row.string("client_id"), amountCents: try row.int("amount_cents"),
                    method: try row.optionalString("method").flatMap(Payment.Method.init(rawValue:)), paymentId: try row.optionalString("payment_id"),
                    refundId: try row.optionalString("refund_id"), note: try row.string("note"), at: try row.instant("at"), by: try row.string("by_id"))
    }

    static func receipt(_ row: any SQLRow) throws -> Receipt {
        Receipt(id: try row.string("id"), number: try row.int("number"), invoiceId: try row.string("invoice_id"), clientId: try row.string("client_id"),
                issuedAt: try row.instant("issued_at"), issuedBy: try row.string("issued_by"), duplicateOf: try row.optionalString("duplicate_of"))
    }

    /// A package with the visits drawn from it whose invoices still stand.
    static func packages(_ db: any SQLDatabase, clientId: String) async throws -> [ClientPackage] {
        let uses = try await db.raw("""
            SELECT u.package_id, u.invoice_id FROM package_uses u JOIN packages p ON p.id = u.package_id
            WHERE p.client_id = \(bind: clientId) AND NOT EXISTS (SELECT 1 FROM invoice_voids v WHERE v.invoice_id = u.invoice_id)
            """).all()
        let usedBy = Dictionary(grouping: try uses.map { (try $0.string("package_id"), try $0.string("invoice_id")) }, by: \.0).mapValues { $0.map(\.1) }
        return try await db.raw("""
            SELECT p.* FROM packages p WHERE p.client_id = \(bind: clientId)
            AND NOT EXISTS (SELECT 1 FROM invoice_voids v WHERE v.invoice_id = p.invoice_id) ORDER BY p.sold_at
            """).all().map { row in
            let id = try row.string("id")
            return ClientPackage(id: id, clientId: try row.string("client_id"), planId: try row.string("plan_id"), name: try row.string("name"),
                                 serviceId: try row.string("service_id"), visits: try row.int("visits"), expiresAt: try row.instant("expires_at"),
                                 invoiceId: try row.string("invoice_id"), soldAt: try row.instant("sold_at"), usedBy: usedBy[id] ?? [])
        }
    }

    /// A certificate with what was redeemed from it less what was refunded back; not valid once its sale is voided.
    static let giftColumns = """
        SELECT g.*, (SELECT COALESCE(SUM(p.amount_cents), 0) FROM ledger_payments p WHERE p.gift_certificate_id = g.id)
                  - (SELECT COALESCE(SUM(r.amount_cents), 0) FROM refunds r JOIN ledger_payments p ON p.id = r.payment_id
                     WHERE p.gift_certificate_id = g.id AND r.method = 'gift') AS used_cents,
               (SELECT COUNT(*) FROM invoice_voids v WHERE v.invoice_id = g.invoice_id) AS voided
        FROM gift_certificates g
        """

    static func gift(_ row: any SQLRow) throws -> GiftCertificate {
        GiftCertificate(id: try row.string("id"), code: try row.string("code"), amountCents: try row.int("amount_cents"), invoiceId: try row.string("invoice_id"),
                        recipient: try row.string("recipient"), soldAt: try row.instant("sold_at"), usedCents: try row.int("used_cents"),
                        valid: try row.int("voided") == 0)
    }

    static func holds(_ expectation: LedgerPosting.Expectation, _ db: any SQLDatabase) async throws -> Bool {
        func number(_ query: SQLQueryString) async throws -> Int { try await db.raw(query).first()?.int("n") ?? 0 }
        switch expectation {
        case .netPaid(let invoiceId, let cents):
            let paid = try await number("SELECT COALESCE(SUM(amount_cents), 0) AS n FROM ledger_payments WHERE invoice_id = \(bind: invoiceId)")
            let refunded = try await number("SELECT COALESCE(SUM(amount_cents), 0) AS n FROM refunds WHERE invoice_id = \(bind: invoiceId)")
            return paid - refunded == cents
        case .creditBalance(let clientId, let cents):
            return try await number("SELECT COALESCE(SUM(amount_cents), 0) AS n FROM credit_entries WHERE client_id = \(bind: clientId)") == cents
        case .giftUsed(let certificateId, let cents):
            return try await db.raw("\(unsafeRaw: giftColumns) WHERE g.id = \(bind: certificateId)").first().map(gift)?.usedCents == cents
        case .packageUses(let packageId, let count):
            return try await number("""
                SELECT COUNT(*) AS n FROM package_uses u WHERE u.package_id = \(bind: packageId)
                AND NOT EXISTS (SELECT 1 FROM invoice_voids v WHERE v.invoice_id = u.invoice_id)
                """) == count
        case .notVoid(let invoiceId):
            return try await number("SELECT COUNT(*) AS n FROM invoice_voids WHERE invoice_id = \(bind: invoiceId)") == 0
        case .standing(let appointmentId, let invoiceIds):
            let standing = try await db.raw("""
                SELECT i.id FROM invoices i WHERE i.appointment_id = \(bind: appointmentId)
                AND NOT EXISTS (SELECT 1 FROM invoice_voids v WHERE v.invoice_id = i.id)
                """).all().map { try $0.string("id") }
            return Set(standing) == Set(invoiceIds)
        }
    }
}
