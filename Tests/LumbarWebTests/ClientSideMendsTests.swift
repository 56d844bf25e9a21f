import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import Testing
import TestSupport

/// A client never lands on a staff page: their own record and the home page send them to the portal, their account
/// page has no staff words, and withdrawing a consent asks first and says it is done.
@Suite struct ClientSideMendsTests {
    @Test func aClientsOwnRecordAndHomeAreThePortal() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let ada = Browser(client)
            _ = try await ada.signIn("ada@example.com")
            let own = try await ada.get("/clients/\(fixture.clientA.id)")
            #expect(own.status == .seeOther && own.location == "/me")
            #expect(try await ada.get("/clients/\(fixture.clientB.id)").status == .notFound, "another client's record stays hidden")
            let home = try await ada.get("/")
            #expect(home.status == .seeOther && home.location == "/me")
            let account = try await ada.get("/account")
            #expect(account.status == .ok)
            for word in PortalWebTests.staffWords + ["client records"] { #expect(!account.body.contains(word), "\(word) on the client's account page") }
            #expect(account.body.contains("<a class=\"brand\" href=\"/\">Spine &amp; Ease</a>"), "the clinic's name, not Lumbar's")
            // Staff keep their pages.
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            #expect(try await theo.get("/clients/\(fixture.clientA.id)").status == .ok)
            #expect(try await theo.get("/").status == .ok)
        }
    }

    @Test func signingInShowsTheClinicsName() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let browser = Browser(client)
            for path in ["/login", "/password/forgot"] {
                let page = try await browser.get(path)
                #expect(page.body.contains("<a class=\"brand\" href=\"/\">Spine &amp; Ease</a>"), "\(path)")
            }
        }
    }

    @Test func withdrawingAConsentAsksFirstAndSaysItIsDone() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let (ada, base) = try await IntakeWebTests.submitted(client)
            try await ada.get("\(base)/consent/treatment")
            #expect(try await ada.post("\(base)/consent/treatment", ["signerName": "Ada Alpha", "agree": "yes"]).status == .seeOther)
            let consents = fixture.services.consents
            let treatment = try #require(try await consents.list(clientId: fixture.clientA.id).first { $0.kind == .treatment })

            // The portal offers a link to a question, not a button that withdraws at once.
            let me = try await ada.get("/me")
            #expect(me.body.contains("href=\"/me/consents/\(treatment.id)/withdraw\""))
            #expect(!me.body.contains("action=\"/me/consents/\(treatment.id)/withdraw\""))
            let question = try await ada.get("/me/consents/\(treatment.id)/withdraw")
            #expect(question.status == .ok)
            #expect(question.body.contains("Withdraw your consent?") && question.body.contains("Consent to assessment and treatment, signed "))
            #expect(question.body.contains("Your therapist will not assess or treat you until you sign it again."))
            #expect(question.body.contains("action=\"/me/consents/\(treatment.id)/withdraw\"") && question.body.contains("name=\"_csrf\""))
            #expect(question.body.contains("<a href=\"/me\">No, keep my consent</a>"))
            for word in PortalWebTests.staffWords { #expect(!question.body.contains(word), "\(word) on the question") }
            #expect(try await consents.list(clientId: fixture.clientA.id).allSatisfy { $0.withdraws == nil }, "asking withdraws nothing")
            #expect(try await fixture.audit(client: fixture.clientA.id).contains { $0.detail == "treatment consent withdrawal question" })

            // Yes: withdrawn, and the portal says so.
            let done = try await ada.post("/me/consents/\(treatment.id)/withdraw", [:])
            #expect(done.location == "/me?withdrawn=1")
            #expect(try await ada.get("/me?withdrawn=1").body.contains("Your consent is withdrawn."))
            #expect(try await consents.list(clientId: fixture.clientA.id).contains { $0.withdraws == treatment.id })
            // Asked again once withdrawn, the question is not shown.
            #expect(try await ada.get("/me/consents/\(treatment.id)/withdraw").location == "/me")

            // Nobody else's consent can be asked about.
            let ben = Browser(client)
            _ = try await ben.signIn("ben@example.com")
            let theirs = try await ben.get("/me/consents/\(treatment.id)/withdraw")
            #expect(theirs.status == .notFound)
            #expect(!theirs.body.contains("Ada"))
        }
    }

    @Test func aTherapistRecordingAWithdrawalIsAskedFirst() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let (ada, base) = try await IntakeWebTests.submitted(client)
            try await ada.get("\(base)/consent/treatment")
            _ = try await ada.post("\(base)/consent/treatment", ["signerName": "Ada Alpha", "agree": "yes"])
            let consents = fixture.services.consents
            let treatment = try #require(try await consents.list(clientId: fixture.clientA.id).first { $0.kind == .treatment })
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            let record = "/clients/\(fixture.clientA.id)"
            let chart = try await theo.get(record)
            #expect(chart.body.contains("href=\"\(record)/consents/\(treatment.id)/withdraw\">Record withdrawal"))
            #expect(!chart.body.contains("action=\"\(record)/consents/\(treatment.id)/withdraw\""), "no one-click withdrawal")
            let question = try await theo.get("\(record)/consents/\(treatment.id)/withdraw")
            #expect(question.status == .ok && question.body.contains("Record that Ada Alpha withdrew this consent?"))
            #expect(question.body.contains("Yes, record the withdrawal") && question.body.contains("href=\"\(record)#consent-heading\">No, go back"))
            #expect(try await consents.list(clientId: fixture.clientA.id).allSatisfy { $0.withdraws == nil }, "asking withdraws nothing")
            let done = try await theo.post("\(record)/consents/\(treatment.id)/withdraw", [:])
            #expect(done.location == "\(record)?saved=withdrawn#consent-heading")
            #expect(try await theo.get("\(record)?saved=withdrawn").body.contains("Withdrawal recorded."))
            #expect(try await consents.list(clientId: fixture.clientA.id).contains { $0.withdraws == treatment.id })
            // The front desk may not record it, nor be asked.
            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            #expect(try await desk.get("\(record)/consents/\(treatment.id)/withdraw").status == .forbidden)
        }
    }
}
