import Foundation
import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import Testing
import TestSupport

/// Every route of the app, tried by everyone who might try it, against one table of what each may do.
/// Columns: anonymous, Ada (the client whose record it is), Ben (another client), front desk, Tara (a therapist
/// who does not treat Ada), Theo (who does), the owner. `y`: must get through; `n`: must be refused (401, 403,
/// 404 or sent to sign in); `-`: not judged (public token links, sign-in steps, setup). A 5xx fails every cell.
/// A route the app serves that is not in the table fails the test, so a new route must be placed here.
@Suite struct AuthorizationMatrixTests {
    static let table: [String: String] = [
        "GET /": "nyyyyyy", "GET /account": "nyyyyyy", "GET /account/two-factor": "n------", "GET /audit": "nnnnnny", "GET /audit.csv": "nnnnnny",
        "GET /book": "y------", "GET /book/confirm": "-------", "GET /book/times": "-------", "GET /calendar": "nnnyyyy", "GET /clients": "nnnyyyy", "GET /clients/search": "nnnyyyy",
        "GET /clients/new": "nnnyyyy", "GET /clients/{id}": "nynynyy", "GET /clients/{id}/billing": "nnnynyy",
        "GET /clients/{id}/intakes/{intake}": "nnnnnyy", "GET /clients/{id}/outcomes/{file}": "nnnnnyy", "GET /clients/{id}/plan": "nnnnnyy",
        "GET /clients/{id}/program": "nnnnnyy", "GET /clients/{id}/program/chart.svg": "nnnnnyy", "GET /clients/{id}/program/print": "nnnnnyy",
        "GET /clients/{id}/record": "nnnnnyy", "GET /clients/{id}/record.fhir.json": "nnnnnyy", "GET /clients/{id}/referral-letter": "nnnnnyy",
        "GET /clients/{id}/visits/{note}": "nnnnnyy", "GET /clients/{id}/visits/{note}/chart.svg": "nnnnnyy", "GET /exercises/{file}": "yyyyyyy",
        "GET /feeds/{file}": "-------", "GET /health": "yyyyyyy", "GET /intake": "nyynnnn", "GET /intake/thanks": "y------",
        "GET /intake/{id}/consent/{kind}": "nynnnnn", "GET /intake/{id}/result": "nynnnnn", "GET /intake/{id}/review": "nynnnnn",
        "GET /intake/{id}/step/{step}": "nynnnnn", "GET /login": "y------", "GET /login/code": "-------", "GET /me": "nyynnnn",
        "GET /me/appointments/{id}/calendar.ics": "nynnnnn", "GET /me/appointments/{id}/cancel": "nynnnnn", "GET /me/consents/{consent}/withdraw": "nynnnnn", "GET /me/program": "nyynnnn", "GET /me/program/chart.svg": "nyynnnn",
        "GET /me/program/item/{number}": "nynnnnn", "GET /me/program/print": "nynnnnn", "GET /me/questionnaires/{instrument}": "nyynnnn",
        "GET /me/record": "nyynnnn", "GET /me/record.fhir.json": "nyynnnn", "GET /me/record.json": "nyynnnn", "GET /openapi.yaml": "yyyyyyy",
        "GET /password/forgot": "y------", "GET /password/reset": "-------", "GET /receipts/{receipt}": "nynynyy", "GET /records/retention": "nnnnnny",
        "GET /scheduling": "nnnnnny", "GET /settings": "nnnnnny", "GET /settings/clinic": "nnnnnny", "GET /settings/questionnaires": "nnnnnny",
        "GET /settings/questionnaires/{instrument}/definition.json": "nnnnnny", "GET /setup": "nnnnnnn", "GET /staff": "nnnnnny",
        "GET /waitlist/{token}": "-------",
        "POST /account/calendar-feed": "nnnn---", "POST /account/calendar-feed/revoke": "nnn----", "POST /account/tokens": "nnn----",
        "POST /account/tokens/{id}/revoke": "nnn----", "POST /account/two-factor": "n------", "POST /book/confirm": "-------",
        "POST /calendar/appointments/{id}/move": "nnn----", "POST /calendar/appointments/{id}/cancel": "nnn----", "POST /calendar/appointments/{id}/reschedule": "nnn----",
        "GET /calendar/appointments/{id}": "nnnyyyy", "GET /calendar/appointments/{id}/cancel": "nnnyyyy", "GET /calendar/appointments/{id}/no-show": "nnnyyyy", "GET /calendar/appointments/{id}/reschedule": "nnnyyyy",
        "GET /calendar/new": "nnnyyyy", "GET /calendar/past": "nnnyyyy", "POST /calendar/appointments/{id}/status": "nnn----", "POST /calendar/appointments/{id}/no-show": "nnn----", "POST /calendar/book": "nnn----", "POST /calendar/past": "nnnyyyy",
        "POST /clients": "nnnyyyy", "POST /clients/{id}/appointments/{appointment}/invoice": "nnnynyy",
        "POST /clients/{id}/invoices/{invoice}/payments": "nnnynyy", "GET /clients/{id}/invoices/{invoice}/void": "nnnynyy",
        "POST /clients/{id}/invoices/{invoice}/void": "nnnynyy", "GET /clients/{id}/invoices/{invoice}/payments/{payment}/refund": "nnnynyy",
        "POST /clients/{id}/invoices/{invoice}/payments/{payment}/refund": "nnnynyy", "POST /clients/{id}/invoices/{invoice}/receipts": "nnnynyy",
        "POST /clients/{id}/packages": "nnnynyy", "GET /packages": "nnnnnny", "GET /me/packages/{plan}": "nyynnnn", "POST /me/packages/{plan}": "nyynnnn", "POST /packages": "nnnnnny",
        "POST /packages/{plan}/retire": "nnnnnny", "POST /packages/{plan}/restore": "nnnnnny", "GET /gift-certificates": "nnnyyyy", "POST /clients/{id}/gift-certificates": "nnnynyy", "POST /clients/{id}/consents": "nnnnnyy",
        "GET /clients/{id}/consents/{consent}/withdraw": "nnnnnyy", "POST /clients/{id}/consents/{consent}/withdraw": "nnnnnyy", "POST /clients/{id}/intake/tablet": "nnnynyy",
        "POST /clients/{id}/intakes/{intake}/actions": "nnnnnyy", "POST /clients/{id}/notes": "nnnnnyy", "POST /clients/{id}/plan": "nnnnnyy",
        "POST /clients/{id}/portal": "nnnynny", "POST /clients/{id}/program": "nnnnnyy", "POST /clients/{id}/referral-letter": "nnnnnyy",
        "POST /clients/{id}/therapists": "nnnynny", "POST /clients/{id}/visits": "nnnnnyy", "POST /clients/{id}/visits/{note}": "nnnnnyy",
        "POST /clients/{id}/visits/{note}/amend": "nnnnnyy", "POST /clients/{id}/visits/{note}/autosave": "nnnnnyy", "POST /intake": "nyynnnn",
        "POST /intake/{id}/autosave/{step}": "nynnnnn", "POST /intake/{id}/consent/{kind}": "nynnnnn", "POST /intake/{id}/finish": "nynnnnn",
        "POST /intake/{id}/step/{step}": "nynnnnn", "POST /intake/{id}/submit": "nynnnnn", "POST /login": "-------", "POST /login/code": "-------",
        "POST /logout": "-------", "POST /me/appointments/{id}/cancel": "nynnnnn", "POST /me/appointments/{id}/waitlist": "n-nnnnn",
        "POST /me/consents/{consent}/withdraw": "nynnnnn", "POST /me/program/log": "nynnnnn", "POST /me/program/reminder": "nyynnnn",
        "POST /me/questionnaires/{instrument}": "nyynnnn", "POST /password/forgot": "-------", "POST /password/reset": "-------",
        "POST /receipts/{receipt}/email": "nnnynyy", "POST /scheduling/hours": "nnnnnny", "POST /scheduling/locations": "nnnnnny",
        "POST /scheduling/rules": "nnnnnny", "POST /scheduling/services": "nnnnnny", "POST /scheduling/time-off": "nnnnnny", "GET /scheduling/time-off/{id}/remove": "nnnnnn-",
        "POST /scheduling/time-off/{id}/remove": "nnnnnn-", "POST /settings": "nnnnnny", "POST /settings/clinic": "nnnnnny",
        "POST /settings/questionnaires/load": "nnnnnny", "POST /settings/questionnaires/screens": "nnnnnny", "POST /setup": "nnnnnnn",
        "POST /staff": "nnnnnny", "POST /waitlist/{token}/accept": "-------",
        // Booking set-up and staff (issue 18): the owner only; a path naming a client's id is not a location, service or staff member.
        // Visit-note templates (issue 19): the owner and therapists; a template is found only by one who keeps it.
        "GET /note-templates": "nnnnyyy", "POST /note-templates": "nnnn---", "GET /note-templates/{template}": "nnnnnyn",
        "POST /note-templates/{template}": "nnnnnyn", "POST /note-templates/{template}/retire": "nnnnnyn", "POST /note-templates/{template}/restore": "nnnnnyn",
        "GET /scheduling/locations": "nnnnnny", "GET /scheduling/services": "nnnnnny", "GET /scheduling/hours": "nnnnnny",
        "GET /scheduling/time-off": "nnnnnny", "GET /scheduling/rules": "nnnnnny",
        "GET /scheduling/locations/{id}": "nnnnnn-", "POST /scheduling/locations/{id}": "nnnnnn-",
        "GET /scheduling/locations/{id}/retire": "nnnnnn-", "POST /scheduling/locations/{id}/retire": "nnnnnn-",
        "GET /scheduling/locations/{id}/restore": "nnnnnn-", "POST /scheduling/locations/{id}/restore": "nnnnnn-",
        "GET /scheduling/services/{id}": "nnnnnn-", "POST /scheduling/services/{id}": "nnnnnn-",
        "GET /scheduling/services/{id}/retire": "nnnnnn-", "POST /scheduling/services/{id}/retire": "nnnnnn-",
        "GET /scheduling/services/{id}/restore": "nnnnnn-", "POST /scheduling/services/{id}/restore": "nnnnnn-",
        "GET /scheduling/time-off/{id}": "nnnnnn-", "POST /scheduling/time-off/{id}": "nnnnnn-",
        "GET /staff/{id}": "nnnnnn-", "POST /staff/{id}": "nnnnnn-", "POST /staff/{id}/invite": "nnnnnn-",
        "GET /staff/{id}/retire": "nnnnnn-", "POST /staff/{id}/retire": "nnnnnn-", "GET /staff/{id}/restore": "nnnnnn-", "POST /staff/{id}/restore": "nnnnnn-",
        // Reports (issue 20): the owner; the front desk reaches the end of day only. Saving a pay rule needs a therapist's id.
        "GET /reports": "nnnynny", "GET /reports/end-of-day": "nnnynny", "GET /reports/end-of-day.csv": "nnnynny",
        "GET /reports/revenue": "nnnnnny", "GET /reports/revenue.csv": "nnnnnny", "GET /reports/utilization": "nnnnnny",
        "GET /reports/utilization.csv": "nnnnnny", "GET /reports/compensation": "nnnnnny", "GET /reports/compensation.csv": "nnnnnny",
        "GET /reports/pay-rules": "nnnnnny", "POST /reports/pay-rules": "nnnnnn-",
        "GET /welcome": "-------", "POST /welcome": "-------",
        "POST /today/appointments/{id}/arrived": "nnn----", "POST /today/appointments/{id}/confirmed": "nnn----",
        // Documents (issue 19): front desk attach and list; opening or withdrawing one needs the clinical record.
        "GET /clients/{id}/documents": "nnnynyy", "POST /clients/{id}/documents": "nnnynyy",
        "GET /clients/{id}/documents/{document}/view": "nnnnnyy", "GET /clients/{id}/documents/{document}/download": "nnnnnyy",
        "GET /clients/{id}/documents/{document}/withdraw": "nnnnnyy", "POST /clients/{id}/documents/{document}/withdraw": "nnnnnyy",
        "GET /api/v1/clients/{clientId}/documents": "nnnnnnn",
        // The JSON API takes bearer tokens only: a session cookie, whoever it belongs to, opens nothing.
        "GET /api/v1/availability": "nnnnnnn", "GET /api/v1/clients": "nnnnnnn", "GET /api/v1/clients/{clientId}": "nnnnnnn",
        "GET /api/v1/clients/{clientId}/notes": "nnnnnnn", "GET /api/v1/locations": "nnnnnnn", "GET /api/v1/me": "nnnnnnn", "GET /api/v1/services": "nnnnnnn",
        "POST /api/v1/appointments": "nnnnnnn", "POST /api/v1/appointments/{appointmentId}/cancel": "nnnnnnn",
        "POST /api/v1/appointments/{appointmentId}/reschedule": "nnnnnnn", "POST /api/v1/assessments": "nnnnnnn",
        "POST /api/v1/services": "nnnnnnn", "GET /api/v1/staff": "nnnnnnn", "GET /api/v1/staff/{staffId}/hours/{locationId}": "nnnnnnn",
        "PUT /api/v1/staff/{staffId}/hours/{locationId}": "nnnnnnn", "GET /api/v1/time-off": "nnnnnnn", "POST /api/v1/time-off": "nnnnnnn",
        "DELETE /api/v1/time-off/{timeOffId}": "nnnnnnn",
        "GET /api/v1/clients/search": "nnnnnnn",
        "POST /api/v1/locations": "nnnnnnn", "PUT /api/v1/locations/{locationId}": "nnnnnnn", "POST /api/v1/locations/{locationId}/retire": "nnnnnnn",
        "POST /api/v1/locations/{locationId}/restore": "nnnnnnn", "PUT /api/v1/services/{serviceId}": "nnnnnnn",
        "POST /api/v1/services/{serviceId}/retire": "nnnnnnn", "POST /api/v1/services/{serviceId}/restore": "nnnnnnn", "POST /api/v1/staff": "nnnnnnn",
        "PUT /api/v1/staff/{staffId}": "nnnnnnn", "POST /api/v1/staff/{staffId}/retire": "nnnnnnn", "POST /api/v1/staff/{staffId}/restore": "nnnnnnn",
        "PUT /api/v1/time-off/{timeOffId}": "nnnnnnn",
        "GET /api/v1/clients/{clientId}/chart-summary": "nnnnnnn", "GET /api/v1/clients/{clientId}/visit-notes": "nnnnnnn", "POST /api/v1/clients/{clientId}/visit-notes": "nnnnnnn",
        "GET /api/v1/clients/{clientId}/visit-notes/{noteId}": "nnnnnnn", "PUT /api/v1/clients/{clientId}/visit-notes/{noteId}": "nnnnnnn",
        "POST /api/v1/clients/{clientId}/visit-notes/{noteId}/sign": "nnnnnnn", "POST /api/v1/clients/{clientId}/visit-notes/{noteId}/amend": "nnnnnnn",
        "GET /api/v1/note-templates": "nnnnnnn", "POST /api/v1/note-templates": "nnnnnnn", "PUT /api/v1/note-templates/{templateId}": "nnnnnnn",
        "POST /api/v1/note-templates/{templateId}/retire": "nnnnnnn", "POST /api/v1/note-templates/{templateId}/restore": "nnnnnnn",
        // The ledger over the API (issue 20): a token only, as every API route.
        "GET /api/v1/clients/{clientId}/account": "nnnnnnn", "POST /api/v1/clients/{clientId}/appointments/{appointmentId}/invoice": "nnnnnnn",
        "GET /api/v1/invoices/{invoiceId}": "nnnnnnn", "POST /api/v1/invoices/{invoiceId}/payments": "nnnnnnn",
        "POST /api/v1/invoices/{invoiceId}/payments/{paymentId}/refunds": "nnnnnnn", "POST /api/v1/invoices/{invoiceId}/void": "nnnnnnn",
        "POST /api/v1/invoices/{invoiceId}/receipts": "nnnnnnn", "GET /api/v1/package-plans": "nnnnnnn", "POST /api/v1/package-plans": "nnnnnnn",
        "POST /api/v1/clients/{clientId}/packages": "nnnnnnn", "POST /api/v1/clients/{clientId}/gift-certificates": "nnnnnnn",
        "GET /api/v1/gift-certificates/{code}": "nnnnnnn", "POST /api/v1/package-plans/{planId}/retire": "nnnnnnn",
        "POST /api/v1/package-plans/{planId}/restore": "nnnnnnn", "GET /api/v1/reports/end-of-day": "nnnnnnn", "GET /api/v1/reports/revenue": "nnnnnnn",
        "GET /api/v1/reports/utilization": "nnnnnnn", "GET /api/v1/reports/compensation": "nnnnnnn",
    ]

    static let actors = ["anonymous", "ada", "ben", "desk", "tara", "theo", "owner"]

    @Test func everyRouteIsInTheTable() async throws {
        let fixture = try await WebFixture.make()
        let routes = Set(try buildRouter(services: fixture.services).routes.map { "\($0.method) \($0.path)" })
        await TestDatabase.dispose(fixture.services.database)
        #expect(routes.subtracting(Self.table.keys).sorted() == [], "routes missing from the authorization table")
        #expect(Set(Self.table.keys).subtracting(routes).sorted() == [], "table rows for routes that no longer exist")
    }

    /// Ada's record with one of everything a path can name: intake, consent, visit note, plan, program, appointment,
    /// payment and receipt.
    struct Seed { let ids: [String: String] }

    static func seed(_ setup: BookingAPITests.Setup) async throws -> Seed {
        let fixture = setup.fixture
        let services = fixture.services, database = services.database, ada = fixture.clientA, now = fixture.clock.now
        try await services.clinic.setIntakeScreens([.rmdq])
        let intakes = SQLIntakeRepository(database: database)
        var answers = IntakeWebTests.answers()
        for item in 1...24 { answers["q.rmdq.\(item)"] = ["no"] }
        let form = IntakeForm(screens: [.rmdq])
        let draft = try await intakes.createDraft(clientId: ada.id, answers: IntakeAnswers(answers), startedBy: nil, at: now)
        let input = try #require(form.assessmentInput(draft.answers, assessedOn: now.utcDate))
        let result = AssessmentEngine().assess(input)
        let audit = AuditEntry(at: now, actorId: nil, actorRole: nil, clientId: ada.id, infoType: .intake, action: .create, address: "seed")
        try await intakes.submit(draft, .init(inputJSON: input.json, resultJSON: result.json, urgency: result.urgency, decision: result.decision,
                                              history: IntakeForm.history(draft.answers), responses: [], alerts: [], audit: audit, recordedBy: nil), at: now)
        let text = ConsentText.current(.treatment)
        let consent = try await SQLConsentRepository(database: database).add(Consent(
            clientId: ada.id, kind: .treatment, intakeId: draft.id, appointmentId: nil, textVersion: text.version, text: text.plainText,
            signerName: "Ada Alpha", signature: .typed, signatureData: "Ada Alpha", recordedBy: nil, at: now), audit: audit)
        let notes = SQLVisitNoteRepository(database: database)
        let note = try await notes.createDraft(VisitNote(clientId: ada.id, authorId: fixture.therapist.id, painNow: 4, subjective: "s", plan: "p", createdAt: now))
        try await notes.sign(id: note.id, assessmentJSON: nil, urgency: .none, audit: audit, at: now)
        _ = try await SQLHomeProgramRepository(database: database).save(HomeProgram(
            clientId: ada.id, intakeId: draft.id, items: [.init(exerciseId: "bridge", dose: Dose(sets: 2, reps: 10, often: "daily"))], note: "",
            injuredAt: nil, createdBy: fixture.therapist.id, createdAt: now), audit: audit)
        let booked = try await BookingService(services: services).book(
            clientId: ada.id, serviceId: setup.service.id, locationId: setup.location.id, therapistId: fixture.therapist.id,
            starts: [Instant(milliseconds: 1_795_204_800_000)], bookedBy: fixture.frontDesk, channel: .staff)
        try await services.appointments.setStatus(id: booked[0].id, .completed, at: now)
        let desk = LedgerService.Actor(account: fixture.frontDesk, address: "test")
        let completed = try #require(try await services.appointments.find(id: booked[0].id))
        let invoice = try #require(try await services.ledger.invoice(completed, by: desk))
        try await services.ledger.pay(invoiceId: invoice.id, .init(cents: 1_000, method: .debit), by: desk)
        try await services.billing.save(PackagePlan(id: "plan-1", name: "Five", serviceId: setup.service.id, visits: 5, priceCents: 50_000, taxBasisPoints: 1300,
                                                    validDays: 365))
        let payment = try #require(try await services.billing.entry(invoiceId: invoice.id)?.payments.first)
        let receipt = try await services.ledger.issueReceipt(invoiceId: invoice.id, by: desk)
        let program = try #require(try await SQLHomeProgramRepository(database: database).current(clientId: ada.id))
        let document = try await DocumentService(documents: services.documents, clock: services.clock).attach(
            clientId: ada.id, fileName: "scan.pdf", description: "", content: Array("%PDF-1.4".utf8), by: fixture.therapist) { _ in audit }
        let template = try await SQLNoteTemplateRepository(database: database).save(NoteTemplate(name: "Theo's own", ownerId: fixture.therapist.id, updatedAt: now))
        return Seed(ids: ["template": template.id, "client": ada.id, "intake": draft.id, "consent": consent, "note": note.id, "appointment": booked[0].id, "receipt": receipt.id, "invoice": invoice.id, "payment": payment.id,
                          "program": program.id, "document": document.id])
    }

    /// The path with every parameter filled from the seed.
    static func path(_ pattern: String, _ seed: Seed) -> String {
        var path = pattern.split(separator: " ")[1]
        let idMeaning = pattern.contains("/intake/{id}") ? "intake" : pattern.contains("appointments/{id}") ? "appointment" : "client"
        let file = pattern.hasPrefix("GET /exercises") ? "bridge.svg" : pattern.contains("/outcomes/") ? "pain.svg" : "nothing.ics"
        let instrument = pattern.contains("/settings/") ? "nprs" : "rmdq"
        for (name, value) in [("{id}", seed.ids[idMeaning]!), ("{clientId}", seed.ids["client"]!), ("{intake}", seed.ids["intake"]!),
                              ("{note}", seed.ids["note"]!), ("{noteId}", seed.ids["note"]!), ("{templateId}", seed.ids["template"]!), ("{appointment}", seed.ids["appointment"]!), ("{appointmentId}", seed.ids["appointment"]!),
                              ("{receipt}", seed.ids["receipt"]!), ("{invoice}", seed.ids["invoice"]!), ("{invoiceId}", seed.ids["invoice"]!), ("{paymentId}", seed.ids["payment"]!), ("{code}", "GIFT-NONE-NONE"), ("{planId}", "plan-1"), ("{plan}", "plan-1"), ("{payment}", seed.ids["payment"]!), ("{template}", seed.ids["template"]!), ("{consent}", seed.ids["consent"]!), ("{document}", seed.ids["document"]!), ("{kind}", "treatment"), ("{step}", "about"),
                              ("{number}", "1"), ("{file}", file), ("{instrument}", instrument), ("{token}", "no-such-token")] {
            path = Substring(path.replacingOccurrences(of: name, with: value))
        }
        return String(path)
    }

    /// Refused: 401, 403, 404, or sent to sign in or to finish two-step sign-in.
    static func refused(_ page: Browser.Page) -> Bool {
        if [401, 403, 404].contains(page.status.code) { return true }
        return page.status == .seeOther && (page.location?.hasPrefix("/login") == true || page.location == "/account/two-factor")
    }

    @Test(arguments: table.keys.sorted())
    func route(_ pattern: String) async throws {
        let expected = Array(try #require(Self.table[pattern]))
        guard expected.contains(where: { $0 != "-" }) else { return }
        let setup = try await BookingAPITests.setUp(clockAt: "2026-11-20T14:00:00Z")
        let fixture = setup.fixture
        let seed = try await Self.seed(setup)
        let method = HTTPRequest.Method(rawValue: String(pattern.prefix { $0 != " " })) ?? .get
        let path = Self.path(pattern, seed)
        try await fixture.test { client in
            for (index, actor) in Self.actors.enumerated() where expected[index] != "-" {
                let browser = Browser(client)
                switch actor {
                case "anonymous": try await browser.get("/login")
                case "owner": _ = try await browser.signIn("owner@example.com", code: fixture.ownerCode)
                default: _ = try await browser.signIn("\(actor)@example.com")
                }
                if actor != "anonymous" { try await browser.get("/account") }
                let page = switch method {
                case .get: try await browser.get(path)
                case .post: try await browser.post(path, pairs: [("program", seed.ids["program"]!)])
                // The API's own writes: a session without a token must not get through either.
                default: try await browser.send(path, method, body: "{}", contentType: "application/json")
                }
                // A 5xx is a defect whoever asks: it is neither a refusal nor a way in.
                #expect(page.status.code < 500, "\(pattern) as \(actor): \(page.status.code), a server error")
                let wasRefused = page.status.code < 500 && Self.refused(page)
                #expect(wasRefused == (expected[index] == "n"),
                        "\(pattern) as \(actor): \(page.status.code) \(page.location ?? "") (expected \(expected[index] == "n" ? "refused" : "allowed"))")
            }
        }
    }
}
