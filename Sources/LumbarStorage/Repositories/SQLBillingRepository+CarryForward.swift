import LumbarClinic
import LumbarCore
import SQLKit

extension SQLBillingRepository {
    /// Before the ledger, payments and receipts hung on appointments. Each charged appointment (or one with money
    /// against it) gets its invoice, dated at the visit, with the clinic's details as they are now; its payments
    /// move onto it up to what it costs, and anything paid beyond that becomes credit on account rather than vanish.
    /// Receipts keep their numbers. The old tables stay as they were.
    @Sendable public static func carryForward(on db: any SQLDatabase) async throws {
        let clinic = try await db.raw("SELECT name, address, hst_number FROM clinic WHERE id = 1").first()
        let seller = Invoice.Seller(clinicName: try clinic?.string("name") ?? "", clinicAddress: try clinic?.string("address") ?? "",
                                    hstNumber: try clinic?.optionalString("hst_number"))
        let appointments = try await db.raw("""
            SELECT a.*, s.name AS service_name, s.price_cents, s.tax_basis_points, t.name AS therapist_name, t.college_registration
            FROM appointments a JOIN services s ON s.id = a.service_id JOIN accounts t ON t.id = a.therapist_id
            WHERE a.status IN ('arrived', 'completed') OR (a.status IN ('late-cancelled', 'no-show') AND a.fee_cents > 0)
               OR EXISTS (SELECT 1 FROM payments p WHERE p.appointment_id = a.id)
            ORDER BY a.starts_at, a.id
            """).all()
        var number = 0
        for row in appointments {
            let appointmentId = try row.string("id"), clientId = try row.string("client_id"), status = try row.string("status")
            let payments = try await db.raw("SELECT * FROM payments WHERE appointment_id = \(bind: appointmentId) ORDER BY received_at, id").all()
            let line: Invoice.Line? = switch status {
            case "arrived", "completed":
                Invoice.Line(description: try row.string("service_name"), subtotalCents: try row.int("price_cents"),
                             taxCents: Billing.tax(try row.int("price_cents"), basisPoints: try row.int("tax_basis_points")))
            case "late-cancelled", "no-show" where try row.int("fee_cents") > 0:
                Invoice.Line(description: "\(try row.string("service_name")): \(status == "no-show" ? "missed visit" : "late cancellation") fee",
                             subtotalCents: try row.int("fee_cents"), taxCents: 0)
            default: nil
            }
            var room = 0
            var invoiceId: String?
            if let line {
                number += 1
                var withTherapist = seller
                withTherapist.therapistName = try row.string("therapist_name")
                withTherapist.therapistRegistration = try row.optionalString("college_registration") ?? ""
                let invoice = Invoice(id: Database.newID(), number: number, clientId: clientId, kind: ["arrived", "completed"].contains(status) ? .visit : .fee,
                                     
                                      appointmentId: appointmentId, locationId: try row.string("location_id"), therapistId: try row.string("therapist_id"),
                                      serviceId: try row.string("service_id"), issuedAt: try row.instant("starts_at"),
                                      issuedBy: try payments.first?.string("recorded_by") ?? row.string("booked_by"), lines: [line], seller: withTherapist)
                try await insert(invoice, db)
                invoiceId = invoice.id
                room = line.totalCents
            }
            for payment in payments {
                let amount = try payment.int("amount_cents")
                let applied = min(amount, room)
                room -= applied
                let paymentId = try payment.string("id")
                if let invoiceId, applied > 0 {
                    try await db.raw("""
                        INSERT INTO ledger_payments (id, invoice_id, client_id, amount_cents, method, received_at, recorded_by)
                        VALUES (\(bind: paymentId), \(bind: invoiceId), \(bind: clientId), \(bind: applied), \(bind: try payment.string("method")),
                                \(bind: try payment.int("received_at")), \(bind: try payment.string("recorded_by")))
                        """).run()
                }
                if amount > applied {
                    try await db.raw("""
                        INSERT INTO credit_entries (id, client_id, amount_cents, method, note, at, by_id)
                        VALUES (\(bind: Database.newID()), \(bind: clientId), \(bind: amount - applied), \(bind: try payment.string("method")),
                                'Paid beyond what the visit cost, before invoices were kept: held as credit on account',
                                \(bind: try payment.int("received_at")), \(bind: try payment.string("recorded_by")))
                        """).run()
                }
            }
            if let invoiceId {
                try await db.raw("""
                    INSERT INTO invoice_receipts (id, number, invoice_id, client_id, issued_at, issued_by, duplicate_of)
                    SELECT id, number, \(bind: invoiceId), client_id, issued_at, issued_by, duplicate_of FROM receipts
                    WHERE appointment_id = \(bind: appointmentId) ORDER BY number
                    """).run()
            }
        }
        try await db.raw("UPDATE invoice_counter SET last_number = \(bind: number) WHERE id = 1").run()
    }
}
