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

/// The ledger through its use case, on both engines: overpayment, credit, voids, refunds and the receipts that
/// follow, packages, gift certificates, and tables that refuse to change.
@Suite struct LedgerTests {
    struct Desk {
        let setup: BookingAPITests.Setup
        var fixture: WebFixture { setup.fixture }
        var ledger: LedgerService { fixture.services.ledger }
        var actor: LedgerService.Actor { .init(account: fixture.frontDesk, address: "127.0.0.1") }

        /// A visit for `client` that happened, with its invoice issued as the desk's arrival mark issues it.
        func visit(_ client: Client, daysAgo: Int = 1, at location: Location? = nil) async throws -> ClientLedger.Entry {
            let start = fixture.clock.now.adding(seconds: Int64(-daysAgo * 86_400))
            let visit = try await BookingService(services: fixture.services).recordPast(
                clientId: client.id, serviceId: setup.service.id, locationId: (location ?? setup.location).id, therapistId: fixture.therapist.id,
                start: start, by: fixture.frontDesk, audit: AuditEntry(at: start, actorId: fixture.frontDesk.id, actorRole: .frontDesk, clientId: client.id,
                                                                       infoType: .appointment, action: .create, address: "127.0.0.1"))
            return try #require(try await ledger.invoice(visit, by: actor))
        }

        func entry(_ id: String) async throws -> ClientLedger.Entry { try #require(try await fixture.services.billing.entry(invoiceId: id)) }

        func refused(_ refusal: LedgerRules.Refusal, _ body: () async throws -> Void) async {
            await #expect(throws: LedgerService.Failure.refused(refusal)) { try await body() }
        }
    }

    /// Runs `body` at a fresh desk, inside the app's test client so the database is always closed afterwards.
    static func withDesk(_ engine: Database.Engine, _ body: @escaping @Sendable (Desk, any TestClientProtocol) async throws -> Void) async throws {
        let desk = Desk(setup: try await BookingAPITests.setUp(engine, clockAt: "2026-11-20T14:00:00Z"))
        try await desk.fixture.test { client in try await body(desk, client) }
    }

    @Test(arguments: TestDatabase.engines)
    func anOverpaymentIsRefusedUnlessTheRestIsKeptAsCreditWhichPaysALaterVisit(engine: Database.Engine) async throws {
        try await Self.withDesk(engine) { desk, client in
            let ada = desk.fixture.clientA
            let first = try await desk.visit(ada, daysAgo: 2)
            #expect(first.invoice.totalCents == 13_560 && first.invoice.number == 1)
            await desk.refused(.moreThanOwed(owedCents: 13_560)) {
                try await desk.ledger.pay(invoiceId: first.id, .init(cents: 50_000, method: .debit), by: desk.actor)
            }
            #expect(try await desk.entry(first.id).payments.isEmpty, "a refused payment leaves nothing behind")
            let split = try await desk.ledger.pay(invoiceId: first.id, .init(cents: 50_000, method: .cash, keepRestAsCredit: true), by: desk.actor)
            #expect(split == .init(appliedCents: 13_560, creditKeptCents: 36_440))
            var ledger = try await desk.fixture.services.billing.ledger(clientId: ada.id)
            #expect(ledger.entry(first.id)?.owedCents == 0 && ledger.entry(first.id)?.paidCents == 13_560 && ledger.creditCents == 36_440)

            let second = try await desk.visit(ada)
            await desk.refused(.notEnoughCredit(availableCents: 36_440)) {
                try await desk.ledger.pay(invoiceId: second.id, .init(cents: 40_000, method: .accountCredit), by: desk.actor)
            }
            // Credit already held stops at what is owed: it is never "kept" again.
            await desk.refused(.moreThanOwed(owedCents: 13_560)) {
                try await desk.ledger.pay(invoiceId: second.id, .init(cents: 20_000, method: .accountCredit, keepRestAsCredit: true), by: desk.actor)
            }
            try await desk.ledger.pay(invoiceId: second.id, .init(cents: 13_560, method: .accountCredit), by: desk.actor)
            ledger = try await desk.fixture.services.billing.ledger(clientId: ada.id)
            #expect(ledger.creditCents == 22_880 && ledger.owedCents == 0)
            await desk.refused(.nothingOwed) { try await desk.ledger.pay(invoiceId: second.id, .init(cents: 1, method: .cash), by: desk.actor) }
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aRefundAndAVoidAreNewRowsAndTheReceiptsAfterThemSaySo(engine: Database.Engine) async throws {
        try await Self.withDesk(engine) { desk, client in
            let ada = desk.fixture.clientA
            let visit = try await desk.visit(ada)
            try await desk.ledger.pay(invoiceId: visit.id, .init(cents: 13_560, method: .credit), by: desk.actor)
            let original = try await desk.ledger.issueReceipt(invoiceId: visit.id, by: desk.actor)
            #expect(!original.isDuplicate)
            await desk.refused(.voidWhilePaid(netPaidCents: 13_560)) { try await desk.ledger.void(invoiceId: visit.id, reason: "wrong client", by: desk.actor) }
            let payment = try #require(try await desk.entry(visit.id).payments.first)
            await desk.refused(.reasonMissing) {
                try await desk.ledger.refund(paymentId: payment.id, invoiceId: visit.id, cents: 3_560, toCredit: false, reason: " ", by: desk.actor)
            }
            await desk.refused(.refundTooLarge(refundableCents: 13_560)) {
                try await desk.ledger.refund(paymentId: payment.id, invoiceId: visit.id, cents: 13_561, toCredit: false, reason: "too much", by: desk.actor)
            }
            desk.fixture.clock.advance(seconds: 3_600)
            try await desk.ledger.refund(paymentId: payment.id, invoiceId: visit.id, cents: 3_560, toCredit: false, reason: "shortened session", by: desk.actor)
            let refunded = try await desk.entry(visit.id)
            #expect(refunded.paidCents == 13_560 && refunded.refundedCents == 3_560 && refunded.netPaidCents == 10_000 && refunded.owedCents == 0)
            #expect(refunded.payments.count == 1 && refunded.payments[0].amountCents == 13_560, "the payment itself is never changed")
            let reissued = try await desk.ledger.issueReceipt(invoiceId: visit.id, by: desk.actor)
            #expect(reissued.duplicateOf == original.id && reissued.number == original.number + 1)

            desk.fixture.clock.advance(seconds: 60)
            try await desk.ledger.refund(paymentId: payment.id, invoiceId: visit.id, cents: 10_000, toCredit: true, reason: "booked in error", by: desk.actor)
            #expect(try await desk.fixture.services.billing.ledger(clientId: ada.id).creditCents == 10_000, "kept as credit when the client asks")
            try await desk.ledger.void(invoiceId: visit.id, reason: "visit recorded for the wrong day", by: desk.actor)
            let voided = try await desk.entry(visit.id)
            #expect(voided.isVoid && voided.owedCents == 0 && voided.void?.reason == "visit recorded for the wrong day")
            await desk.refused(.voided) { _ = try await desk.ledger.issueReceipt(invoiceId: visit.id, by: desk.actor) }
            await desk.refused(.alreadyVoid) { try await desk.ledger.void(invoiceId: visit.id, reason: "again", by: desk.actor) }

            // Each receipt states what stood when it was issued, whatever came after.
            do {
                let browser = Browser(client)
                _ = try await browser.signIn("desk@example.com")
                let before = try await browser.get("/receipts/\(original.id)").body
                #expect(before.contains("id=\"receipt-paid\"><strong>$135.60") && !before.contains("Re-issued after"),
                        "a receipt states what stood when it was issued")
                #expect(before.contains("VOID: this invoice was voided on") && before.contains("visit recorded for the wrong day"),
                        "and says so when its invoice was voided later")
                let after = try await browser.get("/receipts/\(reissued.id)").body
                #expect(after.contains("DUPLICATE") && after.contains("Re-issued after a refund of $35.60")
                        && after.contains("id=\"receipt-paid\"><strong>$100.00") && after.contains("id=\"receipt-balance\">$0.00"))
            }
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aPackageIsDrawnDownToZeroThenRefusedAndAVoidedVisitGoesBackOnIt(engine: Database.Engine) async throws {
        try await Self.withDesk(engine) { desk, client in
            let ada = desk.fixture.clientA
            let plan = PackagePlan(id: "plan-2", name: "Two massages", serviceId: desk.setup.service.id, visits: 2, priceCents: 22_000, taxBasisPoints: 1300,
                                   validDays: 90)
            try await desk.fixture.services.billing.save(plan)
            let sale = try await desk.ledger.sellPackage(planId: plan.id, to: ada.id, locationId: desk.setup.location.id, by: desk.actor)
            #expect(sale.invoice.kind == .package && sale.invoice.totalCents == 24_860)
            try await desk.ledger.pay(invoiceId: sale.id, .init(cents: 24_860, method: .debit), by: desk.actor)
            var package = try #require(try await desk.fixture.services.billing.ledger(clientId: ada.id).packages.first)
            #expect(package.remaining == 2 && package.expiresAt == desk.fixture.clock.now.adding(seconds: 90 * 86_400))

            var visits: [ClientLedger.Entry] = []
            for day in [3, 2] {
                let visit = try await desk.visit(ada, daysAgo: day)
                try await desk.ledger.pay(invoiceId: visit.id, .init(cents: 0, method: .package, packageId: package.id), by: desk.actor)
                #expect(try await desk.entry(visit.id).owedCents == 0)
                visits.append(visit)
            }
            package = try #require(try await desk.fixture.services.billing.ledger(clientId: ada.id).packages.first)
            #expect(package.remaining == 0)
            let third = try await desk.visit(ada)
            await desk.refused(.packageNotUsable) {
                try await desk.ledger.pay(invoiceId: third.id, .init(cents: 0, method: .package, packageId: package.id), by: desk.actor)
            }
            // Voided at the desk, the page says the visit went back on the package.
            let browser = Browser(client)
            _ = try await browser.signIn("desk@example.com")
            _ = try await browser.get("/clients/\(ada.id)/billing")
            let voided = try await browser.post("/clients/\(ada.id)/invoices/\(visits[0].id)/void", ["reason": "recorded twice"])
            #expect(voided.location == "/clients/\(ada.id)/billing?saved=void-package")
            #expect(try await browser.get(try #require(voided.location)).body.contains("The visit it drew from the package is back on the package"))
            #expect(try await desk.fixture.services.billing.ledger(clientId: ada.id).packages.first?.remaining == 1)
            try await desk.ledger.pay(invoiceId: third.id, .init(cents: 0, method: .package, packageId: package.id), by: desk.actor)
            // Expired: refused even with a visit left.
            try await desk.ledger.void(invoiceId: visits[1].id, reason: "recorded twice", by: desk.actor)
            desk.fixture.clock.advance(seconds: 91 * 86_400)
            let late = try await desk.visit(ada)
            await desk.refused(.packageNotUsable) {
                try await desk.ledger.pay(invoiceId: late.id, .init(cents: 0, method: .package, packageId: package.id), by: desk.actor)
            }
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aSaleIsCountedAtTheLocationChosenOrWhereTheClientIsSeenAndAnUnknownOneIsRefused(engine: Database.Engine) async throws {
        try await Self.withDesk(engine) { desk, client in
            let ada = desk.fixture.clientA, ben = desk.fixture.clientB
            let east = try await desk.fixture.services.scheduling.addLocation(name: "East End", address: "9 Queen St E", timeZone: "America/Toronto",
                                                                             rooms: [], at: desk.fixture.clock.now)
            try await desk.fixture.services.billing.save(PackagePlan(id: "five", name: "Five massages", serviceId: desk.setup.service.id, visits: 5,
                                                                    priceCents: 55_000, taxBasisPoints: 1300, validDays: 365))
            _ = try await desk.visit(ada, daysAgo: 2, at: east)
            let browser = Browser(client)
            _ = try await browser.signIn("desk@example.com")
            let billing = "/clients/\(ada.id)/billing"
            let page = try await browser.get(billing).body
            // Two locations: each sale form asks where, starting from where Ada was last seen.
            #expect(page.contains("id=\"package-location\"") && page.contains("id=\"gift-location\""))
            #expect(page.contains("<option value=\"\(east.id)\" selected>East End</option>"))
            let unknown = try await browser.post("/clients/\(ada.id)/gift-certificates", ["amount": "50", "recipient": "Ben Beta", "location": "nowhere"])
            #expect(unknown.status == .unprocessableContent && unknown.body.contains("Choose one of the clinic&#39;s locations.")
                    && unknown.body.contains("value=\"50\"") && unknown.body.contains("value=\"Ben Beta\""))
            #expect(try await browser.post("/clients/\(ada.id)/gift-certificates", ["amount": "50", "recipient": "Ben Beta",
                                                                                     "location": desk.setup.location.id]).location == "\(billing)?saved=gift")
            let badPackage = try await browser.post("/clients/\(ada.id)/packages", ["plan": "five", "location": "nowhere"])
            #expect(badPackage.status == .unprocessableContent && badPackage.body.contains("id=\"package-location-error\""))
            #expect(try await browser.post("/clients/\(ada.id)/packages", ["plan": "five", "location": east.id]).location == "\(billing)?saved=package")
            let sold = try await desk.fixture.services.billing.ledger(clientId: ada.id).entries.filter { $0.invoice.kind != .visit }
            #expect(sold.map(\.invoice.locationId) == [desk.setup.location.id, east.id])
            // Through the API: a location named is used, an unknown one is named back, none means where the client is seen.
            try await LedgerAPITests.tokens(desk)
            let refused = try await LedgerAPITests.call(client, .post, "/api/v1/clients/\(ben.id)/gift-certificates",
                                                        ["amountCents": 5_000, "recipient": "Ada", "locationId": "nowhere"])
            #expect(refused.status == .unprocessableContent && SetupAPITests.fields(refused) == ["locationId"])
            _ = try await desk.visit(ben, daysAgo: 3, at: east)
            #expect(try await LedgerAPITests.call(client, .post, "/api/v1/clients/\(ben.id)/gift-certificates",
                                                  ["amountCents": 5_000, "recipient": "Ada"]).status == .created)
            #expect(try await LedgerAPITests.call(client, .post, "/api/v1/clients/\(ben.id)/packages",
                                                  ["planId": "five", "locationId": desk.setup.location.id]).status == .created)
            let benSales = try await desk.fixture.services.billing.ledger(clientId: ben.id).entries.filter { $0.invoice.kind != .visit }
            #expect(benSales.map(\.invoice.locationId) == [east.id, desk.setup.location.id])
            // With one location there is nothing to choose.
            #expect(try await desk.fixture.services.scheduling.setLocationRetired(id: east.id, true, at: desk.fixture.clock.now))
            #expect(!(try await browser.get(billing).body.contains("Sold at")))
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aPackageBoughtOnlineIsPaidAtTheDeskBeforeItCoversAVisit(engine: Database.Engine) async throws {
        try await Self.withDesk(engine) { desk, client in
            let ada = desk.fixture.clientA
            try await desk.fixture.services.billing.save(PackagePlan(id: "five", name: "Five massages", serviceId: desk.setup.service.id, visits: 5,
                                                                    priceCents: 55_000, taxBasisPoints: 1300, validDays: 365))
            let browser = Browser(client)
            _ = try await browser.signIn("ada@example.com")
            let portal = try await browser.get("/me").body
            #expect(portal.contains("Five massages: 5 visits for $621.50, to use within 365 days") && portal.contains("href=\"/me/packages/five\""))
            #expect(try await browser.get("/me/packages/five").body.contains("You pay at the clinic, at your next visit."), "asked first")
            #expect(try await browser.post("/me/packages/five", [:]).location == "/me?package=1")
            #expect(try await browser.get("/me").body.contains("Five massages: 5 of 5 visits left"))
            let ledger = try await desk.fixture.services.billing.ledger(clientId: ada.id)
            let package = try #require(ledger.packages.first)
            let sale = try #require(ledger.entry(package.invoiceId))
            #expect(sale.owedCents == 62_150 && sale.invoice.issuedBy == desk.fixture.clientAAccount.id)
            let visit = try await desk.visit(ada)
            await desk.refused(.packageUnpaid) {
                try await desk.ledger.pay(invoiceId: visit.id, .init(cents: 0, method: .package, packageId: package.id), by: desk.actor)
            }
            // The desk is not offered a package that is not paid for yet, only once it is.
            let frontDesk = Browser(client)
            _ = try await frontDesk.signIn("desk@example.com")
            #expect(!(try await frontDesk.get("/clients/\(ada.id)/billing").body.contains("<option value=\"package\"")))
            try await desk.ledger.pay(invoiceId: sale.id, .init(cents: 62_150, method: .debit), by: desk.actor)
            #expect(try await frontDesk.get("/clients/\(ada.id)/billing").body.contains("<option value=\"package\""))
            try await desk.ledger.pay(invoiceId: visit.id, .init(cents: 0, method: .package, packageId: package.id), by: desk.actor)
            #expect(try await browser.get("/me").body.contains("Five massages: 4 of 5 visits left"))
            #expect(try await browser.get("/me/packages/nothing").status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aGiftCertificateIsRedeemedInTwoPartsByAnotherClient(engine: Database.Engine) async throws {
        try await Self.withDesk(engine) { desk, client in
            let (ada, ben) = (desk.fixture.clientA, desk.fixture.clientB)
            let gift = try await desk.ledger.sellGift(cents: 10_000, recipient: "Ben Beta", to: ada.id, locationId: desk.setup.location.id, by: desk.actor)
            #expect(gift.code.hasPrefix("GIFT-") && gift.code.count == 14)
            let sale = try #require(try await desk.fixture.services.billing.ledger(clientId: ada.id).entries.first)
            #expect(sale.invoice.kind == .gift && sale.invoice.totalCents == 10_000 && sale.invoice.taxCents == 0)
            await desk.refused(.certificateNotValid) { _ = try await desk.ledger.pay(invoiceId: sale.id, .init(cents: 100, method: .giftCertificate, giftCode: "GIFT-NOPE-NOPE"), by: desk.actor) }
            try await desk.ledger.pay(invoiceId: sale.id, .init(cents: 10_000, method: .cash), by: desk.actor)

            let first = try await desk.visit(ben, daysAgo: 7)
            let typed = gift.code.lowercased().replacingOccurrences(of: "-", with: " ")
            try await desk.ledger.pay(invoiceId: first.id, .init(cents: 6_000, method: .giftCertificate, giftCode: typed), by: desk.actor)
            #expect(try await desk.fixture.services.billing.giftCertificate(code: gift.code)?.balanceCents == 4_000)
            let second = try await desk.visit(ben)
            await desk.refused(.notEnoughOnCertificate(balanceCents: 4_000)) {
                try await desk.ledger.pay(invoiceId: second.id, .init(cents: 5_000, method: .giftCertificate, giftCode: gift.code), by: desk.actor)
            }
            try await desk.ledger.pay(invoiceId: second.id, .init(cents: 4_000, method: .giftCertificate, giftCode: gift.code), by: desk.actor)
            try await desk.ledger.pay(invoiceId: second.id, .init(cents: 9_560, method: .credit), by: desk.actor)
            #expect(try await desk.fixture.services.billing.giftCertificate(code: gift.code)?.balanceCents == 0)
            #expect(try await desk.entry(second.id).owedCents == 0)
            await desk.refused(.notEnoughOnCertificate(balanceCents: 0)) {
                try await desk.ledger.pay(invoiceId: first.id, .init(cents: 100, method: .giftCertificate, giftCode: gift.code), by: desk.actor)
            }
            // Refunding a redemption puts it back on the certificate.
            let redemption = try #require(try await desk.entry(second.id).payments.first { $0.method == .giftCertificate })
            try await desk.ledger.refund(paymentId: redemption.id, invoiceId: second.id, cents: 1_000, toCredit: false, reason: "price corrected", by: desk.actor)
            #expect(try await desk.fixture.services.billing.giftCertificate(code: gift.code)?.balanceCents == 1_000)
            // Only what is still on the certificate can be refunded from its sale, and what is refunded is off the certificate.
            let cash = try #require(try await desk.entry(sale.id).payments.first)
            await desk.refused(.refundTooLarge(refundableCents: 1_000)) {
                try await desk.ledger.refund(paymentId: cash.id, invoiceId: sale.id, cents: 2_000, toCredit: false, reason: "returned", by: desk.actor)
            }
            try await desk.ledger.refund(paymentId: cash.id, invoiceId: sale.id, cents: 1_000, toCredit: false, reason: "returned", by: desk.actor)
            let third = try await desk.visit(ben, daysAgo: 3)
            await desk.refused(.notEnoughOnCertificate(balanceCents: 0)) {
                try await desk.ledger.pay(invoiceId: third.id, .init(cents: 500, method: .giftCertificate, giftCode: gift.code), by: desk.actor)
            }
        }
    }

    @Test(arguments: TestDatabase.engines)
    func everyLedgerTableRefusesUpdateAndDelete(engine: Database.Engine) async throws {
        try await Self.withDesk(engine) { desk, client in
            let ada = desk.fixture.clientA
            let visit = try await desk.visit(ada)
            try await desk.ledger.pay(invoiceId: visit.id, .init(cents: 20_000, method: .cash, keepRestAsCredit: true), by: desk.actor)
            let payment = try #require(try await desk.entry(visit.id).payments.first)
            try await desk.ledger.refund(paymentId: payment.id, invoiceId: visit.id, cents: 100, toCredit: false, reason: "change", by: desk.actor)
            _ = try await desk.ledger.issueReceipt(invoiceId: visit.id, by: desk.actor)
            try await desk.fixture.services.billing.save(PackagePlan(id: "p", name: "Five", serviceId: desk.setup.service.id, visits: 5, priceCents: 50_000,
                                                                    taxBasisPoints: 1300, validDays: 365))
            let sold = try await desk.ledger.sellPackage(planId: "p", to: ada.id, locationId: nil, by: desk.actor)
            try await desk.ledger.pay(invoiceId: sold.id, .init(cents: 56_500, method: .debit), by: desk.actor)
            let package = try #require(try await desk.fixture.services.billing.ledger(clientId: ada.id).packages.first)
            let covered = try await desk.visit(ada, daysAgo: 2)
            try await desk.ledger.pay(invoiceId: covered.id, .init(cents: 0, method: .package, packageId: package.id), by: desk.actor)
            _ = try await desk.ledger.sellGift(cents: 5_000, recipient: "Someone", to: ada.id, locationId: nil, by: desk.actor)
            let spare = try await desk.visit(ada, daysAgo: 3)
            try await desk.ledger.void(invoiceId: spare.id, reason: "duplicate", by: desk.actor)

            let database = desk.fixture.services.database
            let columns = ["invoices": "number", "invoice_lines": "position", "invoice_voids": "reason", "ledger_payments": "amount_cents",
                           "refunds": "amount_cents", "credit_entries": "amount_cents", "packages": "visits", "package_uses": "invoice_id",
                           "gift_certificates": "amount_cents", "invoice_receipts": "number",
                           "ledger_balance_changes": "owing"]
            for (table, column) in columns.sorted(by: { $0.key < $1.key }) {
                let rows = try await database.read { db in
                    try await db.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?.decode(column: "n", as: Int.self) ?? 0
                }
                #expect(rows > 0, "\(table) has a row to protect")
                for statement in ["UPDATE \(table) SET \(column) = \(column)", "DELETE FROM \(table)"] {
                    do {
                        try await database.write { db in try await db.raw("\(unsafeRaw: statement)").run() }
                        Issue.record("\(statement) was allowed")
                    } catch {
                        #expect(String(reflecting: error).contains("append-only"), "\(statement): \(String(reflecting: error))")
                    }
                }
            }
        }
    }
}
