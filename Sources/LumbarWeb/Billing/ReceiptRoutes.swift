import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarZones

/// Receipts that meet the College's billing standard: what was charged, tax, what was paid and how, refunds and
/// the balance, as they stood when the receipt was issued, with the clinic's and therapist's details as printed on
/// the invoice. Re-issues say DUPLICATE, and one issued after a refund says so. The client sees their own.
struct ReceiptRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        router.get("/receipts/:receipt") { request, context -> Response in
            let (account, receipt, client) = try await readable(context)
            try await services.audit(account, context, .view, .record, client: client.id, detail: "receipt \(receipt.number)")
            let emailed = FormData(encoded: request.uri.query ?? "")["emailed"] == "1"
            return try await page(receipt, client: client, context: context, staff: account.role.isStaff, emailed: emailed)
        }
        router.post("/receipts/:receipt/email") { _, context -> Response in
            let (account, receipt, client) = try await readable(context)
            guard account.role.isStaff, EmailAddress.isPlausible(client.email) else { throw PageError.forbidden }
            let text = try await self.text(try await facts(receipt), client: client)
            try await services.outbox.enqueue([QueuedMail(to: client.email, subject: "Your receipt \(receipt.number)", body: text)], at: services.now)
            try await services.audit(account, context, .export, .record, client: client.id, detail: "receipt \(receipt.number) emailed")
            return .seeOther("/receipts/\(receipt.id)?emailed=1")
        }
    }

    /// The receipt, if the signed-in account is its client or staff who may see that client.
    private func readable(_ context: AppRequestContext) async throws -> (Account, Receipt, Client) {
        let account = try context.signedIn()
        guard let receipt = try await services.billing.receipt(id: try context.parameters.require("receipt")) else { throw PageError.notFound }
        let access = try await services.clientAccess(account, receipt.clientId)
        return (account, receipt, access.client)
    }

    /// What a receipt states, worked out once for the page and the email.
    struct Facts {
        let receipt: Receipt
        let entry: ClientLedger.Entry
        let visit: String?
        let zone: FoundationZone
        let afterRefund: String?
        let voided: String?
    }

    private func facts(_ receipt: Receipt) async throws -> Facts {
        guard let stored = try await services.billing.entry(invoiceId: receipt.invoiceId) else { throw PageError.notFound }
        let entry = stored.asOf(receipt.issuedAt)
        var appointment: Appointment?
        var timeZone = try await services.clinic.profile()?.timeZone ?? "UTC"
        if let id = entry.invoice.appointmentId, let found = try await services.appointments.find(id: id) {
            appointment = found
            if let location = try await services.scheduling.location(id: found.locationId) { timeZone = location.timeZone }
        }
        let zone = FoundationZone(identifier: timeZone) ?? FoundationZone(identifier: "UTC")!
        let refundWords = "\(entry.refunds.count == 1 ? "a refund" : "refunds") of \(Money.text(entry.refundedCents)) on \(zone.local(entry.refunds.last.map(\.at) ?? receipt.issuedAt).date.spoken)"
        let afterRefund = entry.refunds.isEmpty ? nil : receipt.isDuplicate ? "Re-issued after \(refundWords)." : "Includes \(refundWords)."
        let voided = stored.void.map { "VOID: this invoice was voided on \(zone.local($0.at).date.spoken) (\($0.reason)). This receipt no longer stands." }
        return Facts(receipt: receipt, entry: entry, visit: appointment.map { BookingService.spoken($0.start, zone) }, zone: zone, afterRefund: afterRefund,
                     voided: voided)
    }

    private func page(_ receipt: Receipt, client: Client, context: AppRequestContext, staff: Bool, emailed: Bool) async throws -> Response {
        let facts = try await facts(receipt)
        let invoice = facts.entry.invoice, seller = invoice.seller
        let page = ReceiptPage(
            chrome: context.chrome("Receipt \(receipt.number)"), receiptId: receipt.id, number: receipt.number, invoiceNumber: invoice.number,
            duplicate: receipt.isDuplicate, afterRefund: facts.afterRefund, voided: facts.voided, clinicName: seller.clinicName, clinicAddress: seller.clinicAddress,
            hstNumber: seller.hstNumber, clientName: client.fullName, visitDate: facts.visit,
            therapist: seller.therapistName.isEmpty ? nil : seller.therapistName, registration: seller.therapistRegistration,
            lines: invoice.lines.map { .init(text: $0.description, amount: Money.text($0.subtotalCents)) },
            subtotal: Money.text(invoice.subtotalCents), tax: Money.text(invoice.taxCents), total: Money.text(invoice.totalCents), charged: Money.text(facts.entry.chargedCents),
            payments: facts.entry.payments.map { .init(text: "\(Self.method($0)), \(facts.zone.local($0.receivedAt).date.spoken)", amount: Money.text($0.amountCents)) },
            paid: Money.text(facts.entry.paidCents),
            refunds: facts.entry.refunds.map { .init(text: "\(Self.method($0.method)), \(facts.zone.local($0.at).date.spoken)", amount: Money.text($0.amountCents)) },
            hasRefunds: !facts.entry.refunds.isEmpty, netPaid: Money.text(facts.entry.netPaidCents), owed: Money.text(facts.entry.owedCents),
            issued: facts.zone.local(receipt.issuedAt).date.spoken, canEmail: staff && EmailAddress.isPlausible(client.email), emailedTo: emailed ? client.email : nil, emailAddress: client.email,
            billingURL: staff ? "/clients/\(client.id)/billing" : nil)
        return services.views.page("receipt", page)
    }

    static func method(_ payment: Payment) -> String { method(payment.method) }

    static func method(_ method: Payment.Method) -> String { method.label }

    /// The receipt as plain text for email, with the same facts as the printed one.
    private func text(_ facts: Facts, client: Client) async throws -> String {
        let entry = facts.entry, invoice = entry.invoice, seller = invoice.seller
        var lines = ["\(facts.receipt.isDuplicate ? "DUPLICATE RECEIPT" : "RECEIPT") \(facts.receipt.number) for invoice \(invoice.number)",
                     seller.clinicName, seller.clinicAddress]
        if let hst = seller.hstNumber { lines.append("HST number: \(hst)") }
        if let afterRefund = facts.afterRefund { lines.append(afterRefund) }
        if let voided = facts.voided { lines.append(voided) }
        lines += ["", "Client: \(client.fullName)"]
        if let visit = facts.visit { lines.append("Appointment: \(visit)") }
        if !seller.therapistName.isEmpty { lines.append("Registered Massage Therapist: \(seller.therapistName), registration \(seller.therapistRegistration)") }
        lines += invoice.lines.map { "\($0.description): \(Money.text($0.subtotalCents))" }
        lines.append("Subtotal \(Money.text(invoice.subtotalCents)) + HST \(Money.text(invoice.taxCents)) = \(Money.text(invoice.totalCents))")
        lines += entry.payments.map { "Paid \(Money.text($0.amountCents)) by \(Self.method($0).lowercased()), \(facts.zone.local($0.receivedAt).date.spoken)" }
        lines += entry.refunds.map { "Refunded \(Money.text($0.amountCents)), \(facts.zone.local($0.at).date.spoken)" }
        lines.append("Paid in all: \(Money.text(entry.netPaidCents)). Balance owing: \(Money.text(entry.owedCents)).")
        if !seller.therapistName.isEmpty { lines.append("Signed electronically by \(seller.therapistName), RMT") }
        return lines.joined(separator: "\n")
    }
}
