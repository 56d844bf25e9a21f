import Foundation
import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import Testing
import TestSupport

/// The ledger through the API on both engines: the pages' roles, refusals named by JSON field in the page's words,
/// and the same audit rows.
@Suite struct LedgerAPITests {
    static func call(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, token: String = "lmb_desk",
                     _ body: Any? = nil) async throws -> TestResponse {
        try await SetupAPITests.call(client, method, uri, token: token, body)
    }

    static func tokens(_ desk: LedgerTests.Desk) async throws {
        let fixture = desk.fixture
        for (account, token) in [(fixture.owner, "lmb_owner"), (fixture.therapist, "lmb_theo"), (fixture.otherTherapist, "lmb_tara"),
                                 (fixture.clientAAccount, "lmb_ada")] {
            _ = try await fixture.services.apiTokens.create(accountId: account.id, name: "t", tokenHash: Secrets.hash(token), at: fixture.clock.now)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func anOverpaymentIsRefusedUnlessKeptAsCreditThenARefundAndAVoidLeaveTheirAuditRows(engine: Database.Engine) async throws {
        try await LedgerTests.withDesk(engine) { desk, client in
            try await Self.tokens(desk)
            let ada = desk.fixture.clientA
            let visit = try await desk.visit(ada)
            let uri = "/api/v1/invoices/\(visit.id)"

            let over = try await Self.call(client, .post, "\(uri)/payments", ["amountCents": 50_000, "method": "debit"])
            #expect(over.status == .unprocessableContent && SetupAPITests.fields(over) == ["amountCents"])
            #expect(String(buffer: over.body).contains("That is more than the $135.60 owed."), "the page's words")
            #expect(try await desk.entry(visit.id).payments.isEmpty)

            let paid = try await Self.call(client, .post, "\(uri)/payments", ["amountCents": 20_000, "method": "cash", "keepRestAsCredit": true])
            #expect(paid.status == .created, "\(String(buffer: paid.body))")
            let split = SetupAPITests.json(paid)
            #expect(split["appliedCents"] as? Int == 13_560 && split["creditKeptCents"] as? Int == 6_440)
            let account = SetupAPITests.json(try await Self.call(client, .get, "/api/v1/clients/\(ada.id)/account"))
            #expect(account["creditCents"] as? Int == 6_440 && account["owedCents"] as? Int == 0)
            let invoice = try #require((account["invoices"] as? [[String: Any]])?.first)
            #expect(invoice["totalCents"] as? Int == 13_560 && invoice["paidCents"] as? Int == 13_560 && invoice["number"] as? Int == 1)
            let payment = try #require((invoice["payments"] as? [[String: Any]])?.first?["id"] as? String)

            // A void while money stands is refused; refund it first, then void.
            let early = try await Self.call(client, .post, "\(uri)/void", ["reason": "wrong client"])
            #expect(early.status == .unprocessableContent && SetupAPITests.fields(early) == ["invoiceId"])
            let noReason = try await Self.call(client, .post, "\(uri)/payments/\(payment)/refunds", ["amountCents": 13_560, "reason": " "])
            #expect(noReason.status == .unprocessableContent && SetupAPITests.fields(noReason) == ["reason"])
            let refunded = try await Self.call(client, .post, "\(uri)/payments/\(payment)/refunds", ["amountCents": 13_560, "reason": "wrong client"])
            #expect(refunded.status == .created && SetupAPITests.json(refunded)["refundedCents"] as? Int == 13_560)
            let voided = try await Self.call(client, .post, "\(uri)/void", ["reason": "issued to the wrong client"])
            #expect(voided.status == .ok && (SetupAPITests.json(voided)["void"] as? [String: Any])?["reason"] as? String == "issued to the wrong client")
            let receipt = try await Self.call(client, .post, "\(uri)/receipts")
            #expect(receipt.status == .unprocessableContent, "no receipt for a void invoice")

            let details = try await desk.fixture.services.audit.entries(AuditFilter(actorId: desk.fixture.frontDesk.id)).map(\.detail)
            for row in ["payment on invoice 1", "refund on invoice 1", "invoice 1 voided", "billing (API)"] {
                #expect(details.contains(row), "audit row \(row)")
            }
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aReceiptThenADuplicateAndTheRolesThatMayNotSeeTheAccount(engine: Database.Engine) async throws {
        try await LedgerTests.withDesk(engine) { desk, client in
            try await Self.tokens(desk)
            let ada = desk.fixture.clientA
            let visit = try await desk.visit(ada)
            let uri = "/api/v1/invoices/\(visit.id)"
            #expect(try await Self.call(client, .post, "\(uri)/payments", ["amountCents": 13_560, "method": "credit"]).status == .created)
            let first = SetupAPITests.json(try await Self.call(client, .post, "\(uri)/receipts"))
            let second = SetupAPITests.json(try await Self.call(client, .post, "\(uri)/receipts"))
            #expect(first["duplicate"] as? Bool == false && second["duplicate"] as? Bool == true)
            #expect((second["issuedAt"] as? String)?.hasSuffix("Z") == true, "instants in UTC")
            #expect(try await Self.call(client, .get, uri, token: "lmb_theo").status == .ok, "Ada's therapist")
            #expect(try await Self.call(client, .get, uri, token: "lmb_owner").status == .ok)
            for token in ["lmb_tara", "lmb_ada"] {
                for (method, path, body) in [(HTTPRequest.Method.get, "/api/v1/clients/\(ada.id)/account", nil as [String: Any]?), (.get, uri, nil),
                                             (.post, "\(uri)/payments", ["amountCents": 100, "method": "cash"]), (.post, "\(uri)/void", ["reason": "x"])] {
                    let status = try await Self.call(client, method, path, token: token, body).status
                    #expect([.unauthorized, .forbidden, .notFound].contains(status), "\(method) \(path) with \(token): \(status)")
                }
            }
            let after = try await desk.entry(visit.id)
            #expect(after.payments.count == 1 && !after.isVoid)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func badBodiesAreNamedFieldByField(engine: Database.Engine) async throws {
        try await LedgerTests.withDesk(engine) { desk, client in
            let visit = try await desk.visit(desk.fixture.clientA)
            let uri = "/api/v1/invoices/\(visit.id)"
            let unknown = try await Self.call(client, .post, "\(uri)/payments", ["amountCents": 100, "method": "cash", "tip": 5, "note": "x"])
            #expect(unknown.status == .unprocessableContent && Set(SetupAPITests.fields(unknown)) == ["tip", "note"])
            let method = try await Self.call(client, .post, "\(uri)/payments", ["amountCents": 100, "method": "bitcoin"])
            #expect(method.status.code / 100 == 4 && SetupAPITests.fields(method).contains("method"), "\(String(buffer: method.body))")
            let amount = try await Self.call(client, .post, "\(uri)/payments", ["amountCents": 0, "method": "cash"])
            #expect(amount.status == .unprocessableContent && SetupAPITests.fields(amount) == ["amountCents"])
            let gift = try await Self.call(client, .post, "\(uri)/payments", ["amountCents": 100, "method": "gift", "giftCode": "GIFT-NOPE-NOPE"])
            #expect(gift.status == .unprocessableContent && SetupAPITests.fields(gift) == ["giftCode"])
            let package = try await Self.call(client, .post, "\(uri)/payments", ["method": "package", "packageId": "none"])
            #expect(package.status == .unprocessableContent && SetupAPITests.fields(package) == ["packageId"])
            let void = try await Self.call(client, .post, "\(uri)/void", ["reason": 3])
            #expect(void.status.code / 100 == 4 && SetupAPITests.fields(void).contains("reason"), "\(String(buffer: void.body))")
            #expect(try await Self.call(client, .get, "/api/v1/invoices/nope").status == .notFound)
            #expect(try await desk.entry(visit.id).payments.isEmpty)
        }
    }
    @Test(arguments: TestDatabase.engines)
    func aGiftCertificateIsSoldPaidAndRedeemedInTwoPartsAndPackagesAreTheOwnersToOffer(engine: Database.Engine) async throws {
        try await LedgerTests.withDesk(engine) { desk, client in
            try await Self.tokens(desk)
            let ada = desk.fixture.clientA, ben = desk.fixture.clientB
            let bad = try await Self.call(client, .post, "/api/v1/clients/\(ben.id)/gift-certificates", ["amountCents": 0, "recipient": " "])
            #expect(bad.status == .unprocessableContent && Set(SetupAPITests.fields(bad)) == ["amountCents", "recipient"])
            let sold = SetupAPITests.json(try await Self.call(client, .post, "/api/v1/clients/\(ben.id)/gift-certificates", ["amountCents": 20_000, "recipient": "Ada"]))
            let code = try #require(sold["code"] as? String), sale = try #require(sold["invoiceId"] as? String)
            let visit = try await desk.visit(ada)
            let early = try await Self.call(client, .post, "/api/v1/invoices/\(visit.id)/payments", ["amountCents": 5_000, "method": "gift", "giftCode": code])
            #expect(early.status == .unprocessableContent && SetupAPITests.fields(early) == ["giftCode"], "not paid for yet")
            #expect(try await Self.call(client, .post, "/api/v1/invoices/\(sale)/payments", ["amountCents": 20_000, "method": "cash"]).status == .created)
            #expect(try await Self.call(client, .post, "/api/v1/invoices/\(visit.id)/payments", ["amountCents": 5_000, "method": "gift", "giftCode": code]).status == .created)
            #expect(try await Self.call(client, .post, "/api/v1/invoices/\(visit.id)/payments", ["amountCents": 8_560, "method": "gift", "giftCode": code]).status == .created)
            let looked = SetupAPITests.json(try await Self.call(client, .get, "/api/v1/gift-certificates/\(code)", token: "lmb_tara"))
            #expect(looked["balanceCents"] as? Int == 6_440, "any staff member sees the balance")
            #expect(try await desk.entry(visit.id).owedCents == 0)
            #expect(try await Self.call(client, .get, "/api/v1/gift-certificates/GIFT-NONE-NONE").status == .notFound)
            // Each balance check is logged with the code's last four characters only: a code spends like cash.
            let checks = try await desk.fixture.services.audit.entries(AuditFilter()).map(\.detail).filter { $0.hasPrefix("gift certificate") }
            #expect(checks.contains("gift certificate balance checked (…\(code.suffix(4))) (API)") && checks.contains("gift certificate code not found (…NONE) (API)"))
            #expect(!checks.contains { $0.contains(code) })

            let plan: [String: Any] = ["name": "Five", "serviceId": desk.setup.service.id, "visits": 5, "priceCents": 50_000, "validDays": 365]
            #expect(try await Self.call(client, .post, "/api/v1/package-plans", plan).status == .forbidden, "the desk does not offer packages")
            let offered = try await Self.call(client, .post, "/api/v1/package-plans", token: "lmb_owner", plan)
            #expect(offered.status == .created && SetupAPITests.json(offered)["taxCents"] as? Int == 6_500)
            let planId = try #require(SetupAPITests.json(offered)["id"] as? String)
            let package = try await Self.call(client, .post, "/api/v1/clients/\(ada.id)/packages", ["planId": planId])
            #expect(package.status == .created && SetupAPITests.json(package)["totalCents"] as? Int == 56_500)
            #expect(SetupAPITests.fields(try await Self.call(client, .post, "/api/v1/clients/\(ada.id)/packages", ["planId": "nope"])) == ["planId"])
            let account = SetupAPITests.json(try await Self.call(client, .get, "/api/v1/clients/\(ada.id)/account"))
            #expect((account["packages"] as? [[String: Any]])?.first?["visitsLeft"] as? Int == 5)
        }
    }
}
