import LumbarClinic
import LumbarCore
import SQLKit

/// What the clinic is owed, kept as it changes: each invoice, payment and void adds one row to
/// `ledger_balance_changes` saying by how much it moved the amount owed and the number of invoices owing, at its
/// own instant and location. What was owed at any moment is then one indexed sum of the rows before it, instead of
/// a pass over every invoice and payment ever recorded (the end-of-day report reads it).
///
/// An invoice adds its total (and one owing, if it charges anything); a payment takes its amount off (and the
/// owing one, when it pays the invoice in full); a void takes off what was still owed. Refunds change nothing here:
/// what an invoice owes is its total less what was paid on it, refunds cancelling out on both sides.
extension SQLBillingRepository {
    struct BalanceChange {
        /// "i:", "p:" or "v:" and the invoice's, payment's or voided invoice's id: one row per ledger row.
        let source: String
        let at: Instant
        let locationId: String?
        let owedCents: Int
        let owing: Int
    }

    /// The changes a posting makes. Read after its invoices are written and before its payments are.
    static func balanceChanges(_ posting: LedgerPosting, _ db: any SQLDatabase) async throws -> [BalanceChange] {
        var changes = posting.invoices.map {
            BalanceChange(source: "i:\($0.id)", at: $0.issuedAt, locationId: $0.locationId, owedCents: $0.totalCents, owing: $0.totalCents > 0 ? 1 : 0)
        }
        var standing: [String: (total: Int, paid: Int, location: String?)] = [:]
        func invoice(_ id: String) async throws -> (total: Int, paid: Int, location: String?) {
            if let known = standing[id] { return known }
            guard let row = try await db.raw("""
                SELECT i.location_id, i.subtotal_cents + i.tax_cents AS total,
                       (SELECT COALESCE(SUM(p.amount_cents), 0) FROM ledger_payments p WHERE p.invoice_id = i.id) AS paid
                FROM invoices i WHERE i.id = \(bind: id)
                """).first() else { throw StorageError.notFound }
            let found = (total: try row.int("total"), paid: try row.int("paid"), location: try row.optionalString("location_id"))
            standing[id] = found
            return found
        }
        for void in posting.voids {
            let state = try await invoice(void.invoiceId)
            let owed = max(0, state.total - state.paid)
            changes.append(BalanceChange(source: "v:\(void.invoiceId)", at: void.at, locationId: state.location, owedCents: -owed, owing: owed > 0 ? -1 : 0))
        }
        for payment in posting.payments {
            let state = try await invoice(payment.invoiceId)
            let settles = state.paid < state.total && state.paid + payment.amountCents >= state.total
            changes.append(BalanceChange(source: "p:\(payment.id)", at: payment.receivedAt, locationId: state.location, owedCents: -payment.amountCents,
                                         owing: settles ? -1 : 0))
            standing[payment.invoiceId] = (state.total, state.paid + payment.amountCents, state.location)
        }
        return changes
    }

    static func insert(_ changes: [BalanceChange], _ db: any SQLDatabase) async throws {
        for change in changes {
            try await db.raw("""
                INSERT INTO ledger_balance_changes (source, at, location_id, owed_cents, owing)
                VALUES (\(bind: change.source), \(bind: change.at.milliseconds), \(bind: change.locationId), \(bind: change.owedCents), \(bind: change.owing))
                """).run()
        }
    }

    /// Adds the rows missing for ledger rows written without `post` (the table's first filling, the demo clinic).
    /// Payments on one invoice count in the order they were received, ties by id.
    @Sendable public static func fillBalanceChanges(on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO ledger_balance_changes (source, at, location_id, owed_cents, owing)
            SELECT 'i:' || i.id, i.issued_at, i.location_id, i.subtotal_cents + i.tax_cents,
                   CASE WHEN i.subtotal_cents + i.tax_cents > 0 THEN 1 ELSE 0 END
            FROM invoices i WHERE NOT EXISTS (SELECT 1 FROM ledger_balance_changes c WHERE c.source = 'i:' || i.id)
            """).run()
        try await db.raw("""
            INSERT INTO ledger_balance_changes (source, at, location_id, owed_cents, owing)
            SELECT 'v:' || x.invoice_id, x.voided_at, x.location_id, -(CASE WHEN x.total > x.paid THEN x.total - x.paid ELSE 0 END),
                   CASE WHEN x.total > x.paid THEN -1 ELSE 0 END
            FROM (SELECT v.invoice_id, v.voided_at, i.location_id, i.subtotal_cents + i.tax_cents AS total,
                         (SELECT COALESCE(SUM(p.amount_cents), 0) FROM ledger_payments p WHERE p.invoice_id = v.invoice_id) AS paid
                  FROM invoice_voids v JOIN invoices i ON i.id = v.invoice_id
                  WHERE NOT EXISTS (SELECT 1 FROM ledger_balance_changes c WHERE c.source = 'v:' || v.invoice_id)) x
            """).run()
        try await db.raw("""
            INSERT INTO ledger_balance_changes (source, at, location_id, owed_cents, owing)
            SELECT 'p:' || x.id, x.received_at, x.location_id, -x.amount_cents,
                   CASE WHEN x.paid_before < x.total AND x.paid_before + x.amount_cents >= x.total THEN -1 ELSE 0 END
            FROM (SELECT p.id, p.received_at, p.amount_cents, i.location_id, i.subtotal_cents + i.tax_cents AS total,
                         (SELECT COALESCE(SUM(q.amount_cents), 0) FROM ledger_payments q WHERE q.invoice_id = p.invoice_id
                            AND (q.received_at < p.received_at OR (q.received_at = p.received_at AND q.id < p.id))) AS paid_before
                  FROM ledger_payments p JOIN invoices i ON i.id = p.invoice_id
                  WHERE NOT EXISTS (SELECT 1 FROM ledger_balance_changes c WHERE c.source = 'p:' || p.id)) x
            """).run()
    }
}
