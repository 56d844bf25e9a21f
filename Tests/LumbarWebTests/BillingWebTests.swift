import Foundation
import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import SQLKit
import Testing
import TestSupport

/// Payments and receipts to the College's billing standard.
@Suite struct BillingWebTests {
    @Test(arguments: TestDatabase.engines)
    func paymentsAndReceiptsWithDuplicates(engine: Database.Engine) async throws {
        let setup = try await BookingAPITests.setUp(engine, clockAt: "2026-11-20T14:00:00Z")
        let fixture = setup.fixture
        try await fixture.services.database.write(changing: [.clinic]) { db in try await db.raw("UPDATE clinic SET hst_number = '123456789 RT0001' WHERE id = 1").run() }
        let booked = try await BookingService(services: fixture.services).book(
            clientId: fixture.clientA.id, serviceId: setup.service.id, locationId: setup.location.id, therapistId: fixture.therapist.id,
            starts: [Instant(milliseconds: 1_795_204_800_000)], bookedBy: fixture.frontDesk, channel: .staff)
        try await fixture.services.appointments.setStatus(id: booked[0].id, .completed, at: fixture.clock.now)
        try await fixture.test { client in
            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            let billing = "/clients/\(fixture.clientA.id)/billing"
            // Marked done outside the desk's buttons: offered for invoicing rather than lost.
            let before = try await desk.get(billing)
            #expect(before.body.contains("Not invoiced yet") && before.body.contains("$135.60"))
            try await desk.post("/clients/\(fixture.clientA.id)/appointments/\(booked[0].id)/invoice", [:])
            let invoice = try #require(try await fixture.services.billing.ledger(clientId: fixture.clientA.id).entries.first)
            let pay = "/clients/\(fixture.clientA.id)/invoices/\(invoice.id)/payments"
            let page = try await desk.get(billing)
            #expect(page.body.contains("Invoice 1: Massage, 60 minutes") && page.body.contains("Owes $135.60") && !page.body.contains("Not invoiced yet"))
            let bad = try await desk.post(pay, ["amount": "twelve", "method": "debit"])
            #expect(bad.status == .unprocessableContent && bad.body.contains("Enter an amount above $0.00 with at most two decimals") && bad.body.contains("value=\"twelve\""))
            let part = try await desk.post(pay, ["amount": "100", "method": "debit"])
            #expect(part.location == "\(billing)?saved=payment")
            #expect(try await desk.get(part.location ?? "").body.contains("Payment recorded."))
            fixture.clock.advance(seconds: 60)
            // More than is owed is refused, so a receipt never shows more paid than the visit cost, unless kept as credit.
            let over = try await desk.post(pay, ["amount": "500", "method": "cash"])
            #expect(over.status == .unprocessableContent && over.body.contains("That is more than the $35.60 owed.") && over.body.contains("value=\"500\""))
            let kept = try await desk.post(pay, ["amount": "50", "method": "cash", "keepCredit": "1"])
            #expect(kept.location == "\(billing)?saved=payment-credit")
            let after = try await desk.get(billing).body
            #expect(after.contains("id=\"total-owed\">$0.00") && after.contains("id=\"credit\">$14.40") && after.contains("and $14.40 more kept as credit"))
            #expect(try await desk.get("/clients/\(fixture.clientA.id)").body.contains("nothing owing, $14.40 credit on account"), "the chart shows the credit")
            let paidUp = try await desk.post(pay, ["amount": "0.01", "method": "cash"])
            #expect(paidUp.status == .unprocessableContent)
            let entry = try #require(try await fixture.services.billing.entry(invoiceId: invoice.id))
            #expect(entry.payments.map(\.amountCents) == [10_000, 3_560])

            let issued = try await desk.post("/clients/\(fixture.clientA.id)/invoices/\(invoice.id)/receipts", [:])
            let first = try #require(issued.location)
            let receipt = try await desk.get(first)
            for fact in ["Ada Alpha", "Friday 20 November 2026 at 3:00 p.m.", "Theo Therapist, registration R1234", "HST number: 123456789 RT0001",
                         "$120.00", "$15.60", "$135.60", "Signed electronically", "for invoice 1"] {
                #expect(receipt.body.contains(fact), "\(fact)")
            }
            #expect(!receipt.body.contains("DUPLICATE"))
            let again = try #require(try await desk.post("/clients/\(fixture.clientA.id)/invoices/\(invoice.id)/receipts", [:]).location)
            let duplicate = try await desk.get(again)
            #expect(duplicate.body.contains("DUPLICATE") && duplicate.body.contains("Receipt 2"))
            #expect(!receipt.body.contains("Receipt sent by email"))
            let emailed = try await desk.post("\(first)/email", [:])
            #expect(try await desk.get(try #require(emailed.location)).body.contains("Receipt sent by email to ada@example.com."), "says where it went")
            let mail = try await fixture.services.outbox.claim(limit: 10, lease: 60, at: fixture.clock.now)
            #expect(mail.contains { $0.subject == "Your receipt 1" && $0.recipient == "ada@example.com" && $0.body.contains("registration R1234") })

            // A refund asks first, needs a reason and keeps what was typed when refused.
            let payment = entry.payments[0]
            let refund = "/clients/\(fixture.clientA.id)/invoices/\(invoice.id)/payments/\(payment.id)/refund"
            #expect(try await desk.get(refund).body.contains("Refund a payment?"))
            let noReason = try await desk.post(refund, ["amount": "20", "reason": ""])
            #expect(noReason.status == .unprocessableContent && noReason.body.contains("Say why") && noReason.body.contains("value=\"20\""))
            #expect(try await desk.post(refund, ["amount": "20", "reason": "shortened visit"]).location == "\(billing)?saved=refund")
            #expect(try await desk.get(billing).body.contains("Refunded $20.00 by debit"))
            // A void is refused while money stands on the invoice.
            let void = "/clients/\(fixture.clientA.id)/invoices/\(invoice.id)/void"
            let refusedVoid = try await desk.post(void, ["reason": "wrong client"])
            #expect(refusedVoid.status == .unprocessableContent && refusedVoid.body.contains("Refund the payments first") && refusedVoid.body.contains("value=\"wrong client\""))

            // The client reads their own receipts; another client cannot.
            let ada = Browser(client)
            _ = try await ada.signIn("ada@example.com")
            #expect(try await ada.get("/me").body.contains("id=\"my-receipts\""))
            #expect(try await ada.get(first).status == .ok)
            let ben = Browser(client)
            _ = try await ben.signIn("ben@example.com")
            #expect(try await ben.get(first).status == .notFound)
            let audit = try await fixture.audit(client: fixture.clientA.id)
            #expect(audit.filter { $0.detail == "payment on invoice 1" }.count == 2 && audit.filter { $0.detail == "receipt for invoice 1" }.count == 2)
            #expect(audit.contains { $0.detail == "refund on invoice 1" } && audit.contains { $0.detail == "invoice issued" })
            #expect(audit.contains { $0.action == .export && $0.detail == "receipt 1 emailed" })
        }
    }
}
