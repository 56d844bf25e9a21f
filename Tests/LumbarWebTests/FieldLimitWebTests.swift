import Foundation
import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import Testing
import TestSupport

/// Every typed field has a limit the server checks and the page prints; phone numbers are real numbers wherever asked.
/// A refusal names the field beside it and keeps what was typed.
@Suite struct FieldLimitWebTests {
    static let tooLongName = String(repeating: "N", count: 5_000)

    /// Typed fields on a page (text-like inputs and textareas) that carry no `maxlength`. Numbers typed into a
    /// numeric box, dates, times, choices and hidden fields are parsed, not stored as typed, and are left out.
    static func unlimited(_ html: String) -> [String] {
        var found: [String] = []
        for tag in ["<input", "<textarea"] {
            for piece in html.components(separatedBy: tag).dropFirst() {
                let element = String(piece.prefix { $0 != ">" })
                let type = attribute("type", element) ?? "text"
                guard ["text", "email", "tel", "search", "password", "url"].contains(type) || tag == "<textarea" else { continue }
                if ["numeric", "decimal"].contains(attribute("inputmode", element) ?? "") { continue }
                if (attribute("maxlength", element).flatMap { Int($0) } ?? 0) <= 0 { found.append(attribute("name", element) ?? element) }
            }
        }
        return found
    }

    static func attribute(_ name: String, _ element: String) -> String? {
        guard let range = element.range(of: " \(name)=\"") else { return nil }
        return String(element[range.upperBound...].prefix { $0 != "\"" })
    }

    @Test func everyTypedFieldOnEveryFormHasALimit() async throws {
        let fixture = try await WebFixture.make()
        let blank = try await WebFixture.make(setUp: false)
        try await blank.test { client in
            let setup = try await Browser(client).get("/setup")
            #expect(Self.unlimited(setup.body) == [], "/setup")
        }
        try await fixture.test { client in
            // Ada's sent intake puts the triage follow-up form on her chart.
            let (ada, _) = try await IntakeWebTests.submitted(client, IntakeWebTests.answers())
            let owner = Browser(client)
            _ = try await owner.signIn("owner@example.com", code: fixture.ownerCode)
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            try await theo.get("/clients/\(fixture.clientA.id)")
            let visit = try #require(try await theo.post("/clients/\(fixture.clientA.id)/visits", [:]).location)
            let pages: [(Browser, String)] = [
                (owner, "/staff"), (owner, "/settings"), (owner, "/settings/questionnaires"), (owner, "/scheduling/locations"), (owner, "/scheduling/services"),
                (owner, "/scheduling/hours"), (owner, "/scheduling/time-off"), (owner, "/scheduling/rules"), (owner, "/account"),
                (owner, "/clients"), (owner, "/clients/new"), (owner, "/clients/\(fixture.clientA.id)"),
                (theo, "/clients/\(fixture.clientA.id)"), (theo, "/clients/\(fixture.clientA.id)/plan"), (theo, visit),
                (theo, "/clients/\(fixture.clientA.id)/program"), (theo, "/clients/\(fixture.clientA.id)/referral-letter"),
                (ada, "/me"),
            ]
            for (browser, path) in pages {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(Self.unlimited(page.body) == [], "\(path)")
            }
        }
    }

    @Test func intakeStepsLimitEveryTypedAnswer() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let ada = Browser(client)
            _ = try await ada.signIn("ada@example.com")
            try await ada.get("/intake")
            let base = try #require(try await ada.post("/intake", [:]).location?.replacingOccurrences(of: "/step/about", with: ""))
            for step in IntakeForm().steps {
                let page = try await ada.get("\(base)/step/\(step.id)")
                #expect(Self.unlimited(page.body) == [], "step \(step.id)")
            }
            // "hello" is not a phone number, for the client or their emergency contact; what was typed stays.
            try await ada.get("\(base)/step/about")
            let answers = IntakeWebTests.answers(["phone": ["hello"], "emergencyPhone": ["call my sister"]])
            let about = try #require(IntakeForm().steps.first { $0.id == "about" })
            let pairs = about.questions.flatMap { question in (answers[question.id] ?? [""]).map { (question.id, $0) } }
            let refused = try await ada.post("\(base)/step/about", pairs: pairs + [("go", "next")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("id=\"phone-error\"") && refused.body.contains("id=\"emergencyPhone-error\""))
            #expect(refused.body.contains("value=\"hello\"") && refused.body.contains("value=\"call my sister\""))
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aFiveThousandCharacterStaffNameIsRefusedBesideTheField(engine: Database.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        try await fixture.test { client in
            let owner = Browser(client)
            _ = try await owner.signIn("owner@example.com", code: fixture.ownerCode)
            let before = try await fixture.services.accounts.staff().count
            try await owner.get("/staff")
            let refused = try await owner.post("/staff", ["name": Self.tooLongName, "email": "new@example.com", "role": "front-desk",
                                                          "password": "correct horse battery"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("<p class=\"error\" id=\"name-error\">Keep this to 100 characters or fewer.</p>"))
            #expect(refused.body.contains("value=\"\(Self.tooLongName)\""), "what was typed is kept")
            #expect(refused.body.contains("value=\"new@example.com\""))
            #expect(try await fixture.services.accounts.staff().count == before)
        }
    }

    @Test func aFiveThousandCharacterClinicNameIsRefusedAtSetup() async throws {
        let fixture = try await WebFixture.make(setUp: false)
        try await fixture.test { client in
            let browser = Browser(client)
            try await browser.get("/setup")
            let refused = try await browser.post("/setup", ["clinicName": Self.tooLongName, "address": "12 King St W", "timeZone": "America/Toronto",
                                                            "name": "Olive Owner", "email": "olive@example.com", "password": "correct horse battery"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("id=\"clinicName-error\">Keep this to 100 characters or fewer."))
            #expect(refused.body.contains("value=\"\(Self.tooLongName)\""))
            #expect(try await fixture.services.clinic.profile() == nil)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aClientsPhoneNumbersAreCheckedAndStoredTheSameWay(engine: Database.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        try await fixture.test { client in
            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            try await desk.get("/clients/new")
            let refused = try await desk.post("/clients", ["firstName": "Cy", "lastName": "Gamma", "phone": "hello",
                                                           "emergencyName": "Sam Gamma", "emergencyPhone": "555"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("id=\"phone-error\">\(PhoneNumber.message)") && refused.body.contains("id=\"emergencyPhone-error\""))
            #expect(refused.body.contains("value=\"hello\"") && refused.body.contains("value=\"Sam Gamma\""))
            let long = try await desk.post("/clients", ["firstName": Self.tooLongName, "lastName": "Gamma"])
            #expect(long.status == .unprocessableContent && long.body.contains("id=\"firstName-error\">Keep this to 100 characters or fewer."))

            try await desk.get("/clients/new")
            let created = try await desk.post("/clients", ["firstName": "Cy", "lastName": "Gamma", "phone": "(416) 555 0123",
                                                           "emergencyName": "Sam Gamma", "emergencyPhone": "+44 20 7946 0958"])
            let id = try #require(created.location?.split(separator: "/").last)
            let stored = try #require(try await fixture.services.clients.find(id: String(id)))
            #expect(stored.phone == "416-555-0123" && stored.emergencyContact == "Sam Gamma · +442079460958")
        }
    }

    @Test func searchAndVisitNotesRefuseTooMuchAndLoseNothing() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            let search = try await theo.get("/clients?q=" + Self.tooLongName)
            #expect(search.status == .unprocessableContent && search.body.contains("id=\"q-error\""))

            try await theo.get("/clients/\(fixture.clientA.id)")
            let path = try #require(try await theo.post("/clients/\(fixture.clientA.id)/visits", [:]).location)
            let noteId = String(path.split(separator: "/").last!)
            try await theo.get(path)
            let huge = String(repeating: "Sore. ", count: 4_000)
            let refused = try await theo.post(path, pairs: [("painNow", "4"), ("subjective", huge), ("plan", "Weekly."), ("go", "save")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("id=\"subjective-error\">Keep this to 20,000 characters or fewer."))
            #expect(refused.body.contains(huge), "what was typed is shown again")
            #expect(try await SQLVisitNoteRepository(database: fixture.services.database).find(id: noteId)?.subjective == "", "nothing too long is stored")
            #expect(try await theo.post("\(path)/autosave", pairs: [("subjective", huge)]).status == .unprocessableContent)
        }
    }
}
