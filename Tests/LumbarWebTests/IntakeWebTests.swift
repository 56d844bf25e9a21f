import Foundation
import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import Testing
import TestSupport

/// The intake from first contact to a consented, triaged record, and what the clinic sees and does with it.
@Suite struct IntakeWebTests {
    /// Ordinary answers to every step: a month of gradual low back pain with tingling in one leg.
    static func answers(_ changes: [String: [String]] = [:]) -> [String: [String]] { SampleIntake.answers(changes) }

    /// Starts the signed-in client's intake and posts every step; returns the intake's path.
    static func fillIntake(_ browser: Browser, _ answers: [String: [String]], form: IntakeForm = IntakeForm()) async throws -> String {
        try await browser.get("/intake")
        let start = try await browser.post("/intake", [:])
        let base = try #require(start.location?.replacingOccurrences(of: "/step/about", with: ""))
        for step in form.steps {
            try await browser.get("\(base)/step/\(step.id)")
            let pairs = step.questions.flatMap { question in (answers[question.id] ?? [""]).map { (question.id, $0) } }
            let posted = try await browser.post("\(base)/step/\(step.id)", pairs: pairs + [("go", "next")])
            #expect(posted.status == .seeOther, "step \(step.id): \(posted.body.components(separatedBy: "class=\"error\"").dropFirst().first?.prefix(120) ?? "")")
        }
        return base
    }

    /// Ada signed in, with her intake filled and sent; returns her browser and the intake's path.
    static func submitted(_ client: any TestClientProtocol, _ answers: [String: [String]] = answers(), form: IntakeForm = IntakeForm()) async throws -> (Browser, String) {
        let ada = Browser(client)
        _ = try await ada.signIn("ada@example.com")
        let intake = try await fillIntake(ada, answers, form: form)
        try await ada.post("\(intake)/submit", [:])
        return (ada, intake)
    }

    static func intake(_ fixture: WebFixture, _ base: String) async throws -> Intake {
        try #require(try await SQLIntakeRepository(database: fixture.services.database).find(id: String(base.split(separator: "/").last!)))
    }

    @Test(arguments: TestDatabase.engines)
    func aClientGoesFromFirstContactToAConsentedTriagedIntake(engine: Database.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        try await fixture.test { client in
            let browser = Browser(client)
            _ = try await browser.signIn("ada@example.com")
            #expect(try await browser.get("/me").body.contains("Start my intake"))
            try await browser.get("/intake")
            let base = try #require(try await browser.post("/intake", [:]).location?.replacingOccurrences(of: "/step/about", with: ""))

            // A bad step comes back with each problem beside its question, and what was typed is saved regardless.
            let about = try await browser.get("\(base)/step/about")
            #expect(about.body.contains("Step 1 of"))
            #expect(about.body.contains("value=\"Ada\""), "contact details are pre-filled")
            let bad = try await browser.post("\(base)/step/about", ["firstName": "Ada", "lastName": "", "dateOfBirth": "1980-12-01", "phone": "12",
                                                                   "emergencyName": "Sam Alpha", "emergencyPhone": "416-555-0199"])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("id=\"lastName-error\"") && bad.body.contains("id=\"phone-error\""))
            #expect(bad.body.contains("value=\"1980-12-01\"") && bad.body.contains("value=\"Sam Alpha\""))
            #expect(try await Self.intake(fixture, base).answers["emergencyName"] == "Sam Alpha", "nothing typed is lost")
            // The page script's autosave keeps a half-typed step too.
            let saved = try await browser.post("\(base)/autosave/about", ["lastName": "Alph", "firstName": "Ada"])
            #expect(saved.status == .noContent)
            #expect(try await Self.intake(fixture, base).answers["lastName"] == "Alph")
            #expect(try await browser.get("\(base)/step/about").body.contains("value=\"Alph\""))
        }
    }

    @Test func submittingTriagesAndConsentIsSignedAndWithdrawn() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let browser = Browser(client)
            _ = try await browser.signIn("ada@example.com")
            let base = try await Self.fillIntake(browser, Self.answers())
            let review = try await browser.get("\(base)/review")
            #expect(review.body.contains("Send my intake") && review.body.contains("Lifting my toddler"))
            #expect(try await browser.post("\(base)/submit", [:]).location == "\(base)/result")
            let result = try await browser.get("\(base)/result")
            #expect(result.body.contains("Please also see your doctor") && result.body.contains("tingling in my leg"))
            let stored = try await Self.intake(fixture, base)
            #expect(stored.urgency == .routine && stored.inputJSON?.contains("\"leg-tingling\"") == true)
            #expect(try await fixture.services.clients.find(id: fixture.clientA.id)?.emergencyContact == "Sam Alpha · 416-555-0199")

            // Consent: the box must be ticked; the name typed is kept when it is not.
            try await browser.get("\(base)/consent/treatment")
            let unticked = try await browser.post("\(base)/consent/treatment", ["signerName": "Ada Alpha"])
            #expect(unticked.status == .unprocessableContent && unticked.body.contains("id=\"agree-error\"") && unticked.body.contains("value=\"Ada Alpha\""))
            #expect(try await browser.post("\(base)/consent/treatment", ["signerName": "Ada Alpha", "agree": "yes"]).location == "\(base)/consent/gluteal")
            try await browser.get("\(base)/consent/gluteal")
            let forged = try await browser.post("\(base)/consent/gluteal", ["signerName": "Ada Alpha", "agree": "yes", "signatureData": "M1 1 L2 2\"><script>"])
            #expect(forged.status == .unprocessableContent)
            #expect(try await browser.post("\(base)/consent/gluteal", ["signerName": "Ada Alpha", "agree": "yes", "signatureData": "M10 10 L20 25 L30 12"]).status == .seeOther)
            let consents = try await SQLConsentRepository(database: fixture.services.database).list(clientId: fixture.clientA.id)
            #expect(Set(consents.map(\.kind)) == [.treatment, .gluteal])
            let treatment = try #require(consents.first { $0.kind == .treatment })
            let gluteal = try #require(consents.first { $0.kind == .gluteal })
            #expect(treatment.text.contains("Your right to stop") && treatment.textVersion == ConsentText.current(.treatment).version)
            #expect(gluteal.signature == .drawn && treatment.signature == .typed)

            // The client withdraws the gluteal consent; it is recorded, not erased.
            let me = try await browser.get("/me")
            #expect(me.body.contains("Withdraw"))
            #expect(try await browser.post("/me/consents/\(gluteal.id)/withdraw", [:]).location == "/me?withdrawn=1")
            let after = try await SQLConsentRepository(database: fixture.services.database).list(clientId: fixture.clientA.id)
            let withdrawal = try #require(after.first { $0.withdraws != nil })
            #expect(after.count == 3 && withdrawal.withdraws == gluteal.id)
            #expect(ConsentStatus(after, intakeId: stored.id, appointmentId: nil).states[.gluteal] == .withdrawn(at: withdrawal.at))
            #expect(ConsentStatus(after, intakeId: stored.id, appointmentId: nil).isGiven(.treatment))

            // Every read and change of the intake and the consents is in the audit log.
            let audit = try await fixture.audit(client: fixture.clientA.id)
            #expect(audit.contains { $0.infoType == .intake && $0.action == .view })
            #expect(audit.contains { $0.infoType == .intake && $0.action == .change })
            #expect(audit.contains { $0.infoType == .intake && $0.action == .create && $0.detail.contains("triage routine") })
            #expect(audit.contains { $0.infoType == .consent && $0.action == .view })
            #expect(audit.filter { $0.infoType == .consent && $0.action == .create }.count == 3)
            #expect(audit.allSatisfy { !$0.detail.contains("tingling") }, "no clinical detail in the log")
        }
    }

    @Test(arguments: TestDatabase.engines)
    func anEmergencyIsToldToCall911BookingStopsAndTheClinicActs(engine: Database.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        try await fixture.test { client in
            let browser = Browser(client)
            _ = try await browser.signIn("ada@example.com")
            let base = try await Self.fillIntake(browser, Self.answers(["sign.saddle-numbness": ["yes"], "sign.bladder-dysfunction": ["yes"], "legSides": ["both"]]))
            try await browser.post("\(base)/submit", [:])
            let result = try await browser.get("\(base)/result")
            #expect(result.body.contains("Call 911 or go to the nearest emergency department"))
            #expect(result.body.contains("numbness around my bottom, genitals or inner thighs") && result.body.contains("new trouble passing or holding urine"))
            #expect(!result.body.contains("consent to treatment"), "no consent step while treatment must wait")
            // Online booking is paused, on the page and in the booking itself.
            #expect(try await browser.get("/book").body.contains("id=\"booking-blocked\""))
            await #expect(throws: BookingService.Failure.blocked("Please get emergency care now")) {
                try await BookingService(services: fixture.services).book(clientId: fixture.clientA.id, serviceId: "any", locationId: "any", therapistId: nil,
                                                                         starts: [fixture.clock.now], bookedBy: fixture.clientAAccount, channel: .online)
            }
            // The clinic is alerted by email, without health details in the email.
            let alerts = try await SQLOutboxRepository(database: fixture.services.database).claim(limit: 10, lease: 60, at: fixture.clock.now)
            #expect(Set(alerts.map(\.recipient)) == ["theo@example.com", "owner@example.com"])
            #expect(alerts.allSatisfy { $0.subject == "Intake needs attention today" && !$0.body.contains("saddle") && !$0.body.contains("bladder") })

            let therapist = Browser(client)
            _ = try await therapist.signIn("theo@example.com")
            #expect(try await therapist.get("/").body.contains("Intakes that need action today"))
            let chart = try await therapist.get("/clients/\(fixture.clientA.id)")
            #expect(chart.body.contains("badge emergency") && chart.body.contains("Technique suggestions") && chart.body.contains("contraindicated"))
            #expect(chart.body.contains("id=\"booking-paused\""))
            let intakeId = try #require(try await SQLIntakeRepository(database: fixture.services.database).latestSubmitted(clientId: fixture.clientA.id)?.id)
            let missing = try await therapist.post("/clients/\(fixture.clientA.id)/intakes/\(intakeId)/actions",
                                                   ["kind": "cleared", "recipient": " ", "detail": "Cleared <by phone>"])
            #expect(missing.status == .unprocessableContent)
            #expect(missing.body.contains("id=\"recipient-error\"") && missing.body.contains("Name the physician who cleared the client."))
            #expect(missing.body.contains("Cleared &lt;by phone&gt;</textarea>"), "what was typed is kept")
            #expect(missing.body.contains("<option value=\"cleared\" selected>"), "the chosen kind is kept")
            #expect(!missing.body.contains("id=\"signerName-error\""), "only the form that was sent shows problems")
            try await therapist.get("/clients/\(fixture.clientA.id)")
            let noKind = try await therapist.post("/clients/\(fixture.clientA.id)/intakes/\(intakeId)/actions", ["kind": "nonsense", "detail": "x"])
            #expect(noKind.status == .unprocessableContent && noKind.body.contains("id=\"kind-error\""))
            try await therapist.get("/clients/\(fixture.clientA.id)")
            try await therapist.post("/clients/\(fixture.clientA.id)/intakes/\(intakeId)/actions",
                                     ["kind": "referred", "recipient": "Toronto General emergency department", "detail": "Sent by ambulance"])
            try await therapist.get("/clients/\(fixture.clientA.id)")
            try await therapist.post("/clients/\(fixture.clientA.id)/intakes/\(intakeId)/actions",
                                     ["kind": "cleared", "recipient": "Dr. Rivera", "detail": "MRI clear; massage may resume"])
            let after = try await therapist.get("/clients/\(fixture.clientA.id)")
            #expect(after.body.contains("Toronto General emergency department") && after.body.contains("Dr. Rivera"))
            #expect(!after.body.contains("id=\"booking-paused\""))
            #expect(try await IntakeService(services: fixture.services).bookingBlock(clientId: fixture.clientA.id) == nil)
            let detail = try await therapist.get("/clients/\(fixture.clientA.id)/intakes/\(intakeId)")
            #expect(detail.status == .ok && detail.body.contains("Health history versions") && detail.body.contains("Lifting my toddler"))

            // Front desk learns only that booking was paused, never why.
            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            let page = try await desk.get("/clients/\(fixture.clientA.id)")
            #expect(page.body.contains("Intake sent") && !page.body.contains("Technique suggestions") && !page.body.contains("badge emergency"))
            #expect(try await desk.get("/clients/\(fixture.clientA.id)/intakes/\(intakeId)").status == .notFound)
        }
    }

    @Test func anIntakeIsReachableOnlyByItsClientOrTheirTablet() async throws {
        let fixture = try await WebFixture.make()
        let draft = try await IntakeService(services: fixture.services).startDraft(for: fixture.clientA, startedBy: nil)
        try await fixture.test { client in
            let anonymous = Browser(client)
            #expect(try await anonymous.get("/intake/\(draft.id)/step/about").location == "/login")
            let other = Browser(client)
            _ = try await other.signIn("ben@example.com")
            #expect(try await other.get("/intake/\(draft.id)/step/about").status == .notFound)
            #expect(try await other.post("/intake/\(draft.id)/autosave/about", ["firstName": "Mallory"]).status == .notFound)
            #expect(try await other.get("/intake/\(draft.id)/consent/treatment").status == .notFound)
            let therapist = Browser(client)
            _ = try await therapist.signIn("theo@example.com")
            #expect(try await therapist.get("/intake/\(draft.id)/step/about").status == .notFound, "staff read intakes on the chart, not as the client")
            #expect(try await SQLIntakeRepository(database: fixture.services.database).find(id: draft.id)?.answers["firstName"] == "Ada")
        }
    }

    @Test func frontDeskHandsATabletToTheClient() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let tablet = Browser(client)
            _ = try await tablet.signIn("desk@example.com")
            try await tablet.get("/clients/\(fixture.clientA.id)")
            let handed = try await tablet.post("/clients/\(fixture.clientA.id)/intake/tablet", [:])
            let step = try #require(handed.location)
            #expect(step.hasSuffix("/step/about"))
            #expect(tablet.cookies["lumbar_session"] == nil && tablet.cookies["lumbar_kiosk"] != nil)
            #expect(try await tablet.get("/clients").location == "/login", "the front desk's session ended on the tablet")
            let page = try await tablet.get(step)
            #expect(page.status == .ok && page.body.contains("value=\"Ada\""))
            let base = step.replacingOccurrences(of: "/step/about", with: "")
            let saved = try await tablet.post("\(base)/autosave/about", ["phone": "416-555-0177", "firstName": "Ada"])
            #expect(saved.status == .noContent)
            let audit = try await fixture.audit(client: fixture.clientA.id)
            #expect(audit.contains { $0.infoType == .intake && $0.actorId == nil && $0.detail.contains("front-desk tablet") })
            #expect(audit.contains { $0.actorId == fixture.frontDesk.id && $0.detail.contains("tablet") })
            try await tablet.post("\(base)/finish", [:])
            #expect(try await tablet.get(step).location == "/login", "the tablet's access ends when it is handed back")
        }
    }

    @Test func theOwnerLoadsQuestionnaireWordingAndTurnsOnScreens() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let owner = Browser(client)
            _ = try await owner.signIn("owner@example.com", code: fixture.ownerCode)
            #expect(try await owner.get("/settings/questionnaires").body.contains("demo wording"))
            var items = QuestionnaireLibrary.shipped[.rmdq]!.items
            items.removeLast()
            let bad = QuestionnaireDefinition(instrument: .rmdq, version: "clinic-1", title: "RMDQ", instructions: "", demo: false, notice: "", items: items)
            let refused = try await owner.post("/settings/questionnaires/load", ["definition": bad.json])
            #expect(refused.status == .unprocessableContent && refused.body.contains("rmdq needs exactly 24 items; the file has 23."))
            let licensed = QuestionnaireDefinition(instrument: .startBack, version: "keele-2024", title: "Licensed screen", instructions: "Think of the last two weeks.",
                                                   demo: false, notice: "Keele University", items: QuestionnaireLibrary.shipped[.startBack]!.items)
            #expect(try await owner.post("/settings/questionnaires/load", ["definition": licensed.json]).status == .ok)
            try await owner.post("/settings/questionnaires/screens", pairs: [("screen", "start-back")])
            #expect(try await fixture.services.clinic.intakeScreens() == [.startBack])
            let form = try await IntakeService(services: fixture.services).form()
            #expect(form.step("start-back")?.title == "Licensed screen")
        }
    }

    @Test func theTreatmentScreenShowsAndRecordsConsentForTodaysVisit() async throws {
        let setup = try await BookingAPITests.setUp(clockAt: "2026-11-20T14:00:00Z")
        let fixture = setup.fixture
        let booked = try await BookingService(services: fixture.services).book(
            clientId: fixture.clientA.id, serviceId: setup.service.id, locationId: setup.location.id, therapistId: fixture.therapist.id,
            starts: [Instant(milliseconds: 1_795_204_800_000)], bookedBy: fixture.frontDesk, channel: .staff)
        let confirmation = try await SQLOutboxRepository(database: fixture.services.database).claim(limit: 5, lease: 60, at: fixture.clock.now)
        #expect(confirmation.first?.body.contains("/intake") == true, "the confirmation links to the intake until one is sent")
        try await fixture.test { client in
            let ada = Browser(client)
            _ = try await ada.signIn("ada@example.com")
            let base = try await Self.fillIntake(ada, Self.answers())
            try await ada.post("\(base)/submit", [:])
            try await ada.get("\(base)/consent/treatment")
            try await ada.post("\(base)/consent/treatment", ["signerName": "Ada Alpha", "agree": "yes"])

            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            let chart = try await theo.get("/clients/\(fixture.clientA.id)")
            #expect(chart.body.contains("today&#39;s visit at 3:00 p.m.") || chart.body.contains("today's visit at 3:00 p.m."))
            let verbalFirst = try await theo.post("/clients/\(fixture.clientA.id)/consents", ["kind": "gluteal-verbal", "appointment": booked[0].id, "agree": "yes"])
            #expect(verbalFirst.status == .unprocessableContent && verbalFirst.body.contains("Written gluteal consent"), "spoken consent rests on the written one")
            #expect(verbalFirst.body.contains("id=\"verbal-agree-error\""), "the problem is beside the box")

            try await ada.get("\(base)/consent/gluteal")
            try await ada.post("\(base)/consent/gluteal", ["signerName": "Ada Alpha", "agree": "yes"])
            try await theo.get("/clients/\(fixture.clientA.id)")
            #expect(try await theo.post("/clients/\(fixture.clientA.id)/consents", ["kind": "gluteal-verbal", "appointment": booked[0].id, "agree": "yes"]).status == .seeOther)
            try await theo.get("/clients/\(fixture.clientA.id)")
            let unsigned = try await theo.post("/clients/\(fixture.clientA.id)/consents", ["kind": "chest-wall", "appointment": booked[0].id, "signerName": "Ada Alpha"])
            #expect(unsigned.status == .unprocessableContent && unsigned.body.contains("id=\"sensitive-agree-error\""))
            #expect(unsigned.body.contains("id=\"signerName\" name=\"signerName\" value=\"Ada Alpha\""), "the typed name is kept")
            #expect(unsigned.body.contains("<option value=\"chest-wall\" selected>"), "the chosen area is kept")
            try await theo.get("/clients/\(fixture.clientA.id)")
            let unnamed = try await theo.post("/clients/\(fixture.clientA.id)/consents", ["kind": "inner-thigh", "appointment": booked[0].id, "agree": "yes"])
            #expect(unnamed.status == .unprocessableContent && unnamed.body.contains("id=\"signerName-error\"") && !unnamed.body.contains("sensitive-agree-error"))
            try await theo.get("/clients/\(fixture.clientA.id)")
            try await theo.post("/clients/\(fixture.clientA.id)/consents", ["kind": "inner-thigh", "appointment": booked[0].id, "signerName": "Ada Alpha", "agree": "yes"])
            let consents = try await SQLConsentRepository(database: fixture.services.database).list(clientId: fixture.clientA.id)
            let status = ConsentStatus(consents, intakeId: try await Self.intake(fixture, base).id, appointmentId: booked[0].id)
            #expect(ConsentKind.allCases.filter(status.isGiven) == [.treatment, .gluteal, .glutealVerbal, .innerThigh])
            let screen = try await theo.get("/clients/\(fixture.clientA.id)")
            #expect(screen.body.components(separatedBy: "class=\"given\"").count - 1 == 4 && ChartWebTests.fact(screen.body, "consents-not-needed", until: "</p>").contains("chest wall (written, this visit)"),
                    "the one consent not given, and not needed at this visit, is named below the table")
            // Another therapist, not treating Ada, may not record consent for her.
            let tara = Browser(client)
            _ = try await tara.signIn("tara@example.com")
            try await tara.get("/")
            let refused = try await tara.post("/clients/\(fixture.clientA.id)/consents", ["kind": "gluteal-verbal", "appointment": booked[0].id, "agree": "yes"])
            #expect(refused.status == .notFound, "\(refused.status) \(refused.location ?? "")")
        }
    }

    @Test func aReturningClientReviewsTheirHistoryAndEarlierVersionsStay() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let browser = Browser(client)
            _ = try await browser.signIn("ada@example.com")
            let first = try await Self.fillIntake(browser, Self.answers())
            try await browser.post("\(first)/submit", [:])
            fixture.clock.advance(seconds: 60)
            // A new episode: the last health history comes pre-filled, to be checked and changed.
            #expect(try await browser.get("/intake").body.contains("Welcome back"))
            let second = try #require(try await browser.post("/intake", [:]).location?.replacingOccurrences(of: "/step/about", with: ""))
            #expect(second != first)
            let history = try await browser.get("\(second)/step/history")
            #expect(history.body.contains("This is what you told us last time"))
            #expect(history.body.contains("value=\"osteoporosis\" checked"), "last time's answers are ticked")
            #expect(try await Self.intake(fixture, second).answers["allergies"] == "Almond oil")
            _ = try await Self.fillIntake(browser, Self.answers(["conditions": ["osteoporosis", "bleeding-disorder"], "allergies": ["Almond oil, latex"]]))
            try await browser.post("\(second)/submit", [:])
            fixture.clock.advance(seconds: 60)
            let versions = try await SQLIntakeRepository(database: fixture.services.database).histories(clientId: fixture.clientA.id)
            #expect(versions.count == 2)
            #expect(versions.map { $0.answers["allergies"] }.sorted() == ["Almond oil", "Almond oil, latex"], "the earlier version stays")
            // Sending the same history again adds no version.
            _ = try await Self.fillIntake(browser, Self.answers(["conditions": ["osteoporosis", "bleeding-disorder"], "allergies": ["Almond oil, latex"]]))
            let third = try #require(try await SQLIntakeRepository(database: fixture.services.database).list(clientId: fixture.clientA.id).first { !$0.isSubmitted })
            try await browser.post("/intake/\(third.id)/submit", [:])
            #expect(try await SQLIntakeRepository(database: fixture.services.database).histories(clientId: fixture.clientA.id).count == 2)
        }
    }
}
