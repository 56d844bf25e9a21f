import LumbarClinic
import LumbarCore
import SQLKit

/// The ledger on either engine. Every table is append-only (triggers refuse UPDATE and DELETE); balances are
/// summed from the rows when read. A posting locks the invoice counter first, so postings are one at a time and
/// the expectations checked inside one still hold when its rows are written.
public struct SQLBillingRepository: BillingRepository {
    let database: Database
    public init(database: Database) { self.database = database }

    public func ledger(clientId: String) async throws -> ClientLedger {
        try await database.read { db in
            let invoices = try await Self.invoices(db, where: "i.client_id = \(bind: clientId)")
            let credit = try await db.raw("SELECT * FROM credit_entries WHERE client_id = \(bind: clientId) ORDER BY at, id").all().map(Self.credit)
            let packages = try await Self.packages(db, clientId: clientId)
            return ClientLedger(clientId: clientId, entries: invoices, credit: credit, packages: packages)
        }
    }

    public func entry(invoiceId: String) async throws -> ClientLedger.Entry? {
        try await database.read { db in
            try await Self.invoices(db, where: "i.id = \(bind: invoiceId)").first
        }
    }

    @discardableResult
    public func post(_ posting: LedgerPosting, audit: AuditEntry) async throws -> [Invoice] {
        try await database.write { db in
            // Taking the counter row first makes postings wait for each other on PostgreSQL too.
            try await db.raw("UPDATE invoice_counter SET last_number = last_number WHERE id = 1").run()
            for expectation in posting.expect where try await !Self.holds(expectation, db) {
                throw StorageError.conflict("The account changed while this was being recorded. Look again and retry.")
            }
            var numbered: [Invoice] = []
            for var invoice in posting.invoices {
                guard let counter = try await db.raw("UPDATE invoice_counter SET last_number = last_number + 1 WHERE id = 1 RETURNING last_number").first() else {
                    throw StorageError.notFound
                }
                invoice.number = try counter.int("last_number")
                try await Self.insert(invoice, db)
                numbered.append(invoice)
            }
            let balance = try await Self.balanceChanges(posting, db)
            for void in posting.voids {
                try await db.raw("""
                    INSERT INTO invoice_voids (invoice_id, reason, voided_by, voided_at)
                    VALUES (\(bind: void.invoiceId), \(bind: void.reason), \(bind: void.by), \(bind: void.at.milliseconds))
                    """).run()
            }
            for gift in posting.giftCertificates {
                try await db.raw("""
                    INSERT INTO gift_certificates (id, code, amount_cents, invoice_id, recipient, sold_at)
                    VALUES (\(bind: gift.id), \(bind: gift.code), \(bind: gift.amountCents), \(bind: gift.invoiceId), \(bind: gift.recipient),
                            \(bind: gift.soldAt.milliseconds))
                    """).run()
            }
            for package in posting.packages {
                try await db.raw("""
                    INSERT INTO packages (id, client_id, plan_id, name, service_id, visits, expires_at, invoice_id, sold_at)
                    VALUES (\(bind: package.id), \(bind: package.clientId), \(bind: package.planId), \(bind: package.name), \(bind: package.serviceId),
                            \(bind: package.visits), \(bind: package.expiresAt.milliseconds), \(bind: package.invoiceId), \(bind: package.soldAt.milliseconds))
                    """).run()
            }
            for payment in posting.payments {
                try await db.raw("""
                    INSERT INTO ledger_payments (id, invoice_id, client_id, amount_cents, method, gift_certificate_id, package_id, received_at, recorded_by)
                    VALUES (\(bind: payment.id), \(bind: payment.invoiceId), \(bind: payment.clientId), \(bind: payment.amountCents),
                            \(bind: payment.method.rawValue), \(bind: payment.giftCertificateId), \(bind: payment.packageId),
                            \(bind: payment.receivedAt.milliseconds), \(bind: payment.recordedBy))
                    """).run()
            }
            for use in posting.packageUses {
                try await db.raw("INSERT INTO package_uses (package_id, invoice_id) VALUES (\(bind: use.packageId), \(bind: use.invoiceId))").run()
            }
            for refund in posting.refunds {
                try await db.raw("""
                    INSERT INTO refunds (id, payment_id, invoice_id, client_id, amount_cents, method, reason, refunded_at, refunded_by)
                    VALUES (\(bind: refund.id), \(bind: refund.paymentId), \(bind: refund.invoiceId), \(bind: refund.clientId), \(bind: refund.amountCents),
                            \(bind: refund.method.rawValue), \(bind: refund.reason), \(bind: refund.at.milliseconds), \(bind: refund.by))
                    """).run()
            }
            for entry in posting.credit {
                try await db.raw("""
                    INSERT INTO credit_entries (id, client_id, amount_cents, method, payment_id, refund_id, note, at, by_id)
                    VALUES (\(bind: entry.id), \(bind: entry.clientId), \(bind: entry.amountCents), \(bind: entry.method?.rawValue), \(bind: entry.paymentId),
                            \(bind: entry.refundId), \(bind: entry.note), \(bind: entry.at.milliseconds), \(bind: entry.by))
                    """).run()
            }
            try await Self.insert(balance, db)
            try await SQLRevenueDays.refresh(try await SQLRevenueDays.touches(posting, db), db)
            try await SQLAuditRepository.append(audit, on: db)
            return numbered
        }
    }

    public func issueReceipt(invoiceId: String, clientId: String, by accountId: String, audit: AuditEntry, at now: Instant) async throws -> Receipt {
        try await database.write { db in
            guard let counter = try await db.raw("UPDATE receipt_counter SET last_number = last_number + 1 WHERE id = 1 RETURNING last_number").first() else {
                throw StorageError.notFound
            }
            let number = try counter.int("last_number")
            let original = try await db.raw("""
                SELECT id FROM invoice_receipts WHERE invoice_id = \(bind: invoiceId) AND duplicate_of IS NULL
                """).first().map { try $0.string("id") }
            let receipt = Receipt(id: Database.newID(), number: number, invoiceId: invoiceId, clientId: clientId, issuedAt: now,
                                  issuedBy: accountId, duplicateOf: original)
            try await db.raw("""
                INSERT INTO invoice_receipts (id, number, invoice_id, client_id, issued_at, issued_by, duplicate_of)
                VALUES (\(bind: receipt.id), \(bind: number), \(bind: invoiceId), \(bind: clientId), \(bind: now.milliseconds), \(bind: accountId),
                        \(bind: original))
                """).run()
            try await SQLAuditRepository.append(audit, on: db)
            return receipt
        }
    }

    public func receipt(id: String) async throws -> Receipt? {
        try await database.read { db in try await db.raw("SELECT * FROM invoice_receipts WHERE id = \(bind: id)").first().map(Self.receipt) }
    }

    public func receipts(clientId: String) async throws -> [Receipt] {
        try await database.read { db in
            try await db.raw("SELECT * FROM invoice_receipts WHERE client_id = \(bind: clientId) ORDER BY number").all().map(Self.receipt)
        }
    }

    public func giftCertificate(code: String) async throws -> GiftCertificate? {
        try await database.read { db in
            try await db.raw("\(unsafeRaw: Self.giftColumns) WHERE g.code = \(bind: GiftCode.normalized(code))").first().map(Self.gift)
        }
    }

    public func giftCertificate(id: String) async throws -> GiftCertificate? {
        try await database.read { db in try await db.raw("\(unsafeRaw: Self.giftColumns) WHERE g.id = \(bind: id)").first().map(Self.gift) }
    }

    public func giftCertificates(soldTo clientId: String) async throws -> [GiftCertificate] {
        try await database.read { db in
            try await db.raw("""
                \(unsafeRaw: Self.giftColumns) JOIN invoices i ON i.id = g.invoice_id WHERE i.client_id = \(bind: clientId) ORDER BY g.sold_at
                """).all().map(Self.gift)
        }
    }

    public func packagePlans() async throws -> [PackagePlan] {
        try await database.read { db in
            try await db.raw("SELECT * FROM package_plans ORDER BY retired, name").all().map { row in
                PackagePlan(id: try row.string("id"), name: try row.string("name"), serviceId: try row.string("service_id"), visits: try row.int("visits"),
                            priceCents: try row.int("price_cents"), taxBasisPoints: try row.int("tax_basis_points"), validDays: try row.int("valid_days"),
                            retired: try row.flag("retired"))
            }
        }
    }

    public func save(_ plan: PackagePlan) async throws {
        try await database.write { db in
            try await db.raw("""
                INSERT INTO package_plans (id, name, service_id, visits, price_cents, tax_basis_points, valid_days, retired)
                VALUES (\(bind: plan.id), \(bind: plan.name), \(bind: plan.serviceId), \(bind: plan.visits), \(bind: plan.priceCents),
                        \(bind: plan.taxBasisPoints), \(bind: plan.validDays), \(bind: plan.retired.stored))
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, service_id = excluded.service_id, visits = excluded.visits,
                    price_cents = excluded.price_cents, tax_basis_points = excluded.tax_basis_points, valid_days = excluded.valid_days,
                    retired = excluded.retired
                """).run()
        }
    }
}
