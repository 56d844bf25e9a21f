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

/// SOAP visit notes: drafts saved as typed, today's assessment, signing locks, amendments keep the original.
@Suite struct VisitWebTests {
    @Test(arguments: TestDatabase.engines)
    func aNoteIsDraftedSignedLockedAndAmended(engine: Database.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        try await fixture.test { client in
            let (ada, intake) = try await IntakeWebTests.submitted(client, IntakeWebTests.answers())

            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            try await theo.get("/clients/\(fixture.clientA.id)")
            let started = try await theo.post("/clients/\(fixture.clientA.id)/visits", [:])
            let path = try #require(started.location)
            let noteId = String(path.split(separator: "/").last!)
            let form = try await theo.get(path)
            #expect(form.body.contains("data-region=\"lumbar-left\"") && form.body.contains("Sign and lock"))

            // Autosave keeps what is typed, marks included, as region codes.
            let saved = try await theo.post("\(path)/autosave", pairs: [("painNow", "4"), ("subjective", "Sore after gardening."), ("mark-lumbar-left", "pain"),
                                                                        ("intensity-lumbar-left", "6"), ("mark-gluteal-right", "trigger-point"),
                                                                        ("intensity-gluteal-right", "3"), ("finding", "hypertonicity")])
            #expect(saved.status == .noContent)
            let draft = try #require(try await SQLVisitNoteRepository(database: fixture.services.database).find(id: noteId))
            #expect(draft.bodyChart.entries == ["lumbar-left:pain:6", "gluteal-right:trigger-point:3"] && draft.findings == [.hypertonicity])

            // Signing without a plan is refused, with the reason; nothing typed is lost.
            try await theo.get(path)
            let early = try await theo.post(path, pairs: [("painNow", "4"), ("subjective", "Sore after gardening."), ("mark-lumbar-left", "pain"),
                                                          ("intensity-lumbar-left", "6"), ("go", "sign")])
            #expect(early.status == .unprocessableContent && early.body.contains("Write the plan and next steps.") && early.body.contains("Sore after gardening."))

            // A new red flag ticked today shows at once on the draft.
            try await theo.post("\(path)/autosave", pairs: [("painNow", "4"), ("subjective", "Sore after gardening."), ("finding", "saddle-numbness")])
            #expect(try await theo.get(path).body.contains("badge emergency"))
            try await theo.get(path)
            try await theo.post(path, pairs: [("painNow", "4"), ("subjective", "Sore after gardening."), ("finding", "hypertonicity"),
                                              ("mark-lumbar-left", "pain"), ("intensity-lumbar-left", "6"), ("technique", "swedish"),
                                              ("technique-swedish-areas", "lumbar-left"), ("technique-swedish-pressure", "moderate"),
                                              ("technique-swedish-minutes", "30"), ("plan", "Weekly, reassess in 4 visits."), ("go", "sign")])
            let signed = try #require(try await SQLVisitNoteRepository(database: fixture.services.database).find(id: noteId))
            #expect(signed.status == .signed && signed.assessmentJSON?.contains("\"contract\":1") == true && signed.urgency == .routine, "the intake's tingling still counts")

            // Locked: the page offers no form, a post is refused, and the database refuses a direct update.
            let view = try await theo.get(path)
            #expect(!view.body.contains("Sign and lock") && view.body.contains("Amend this note"))
            let late = try await theo.post(path, ["painNow": "9", "subjective": "Changed", "plan": "x", "go": "save"])
            #expect(late.status.code >= 400)
            await #expect(throws: (any Error).self) {
                try await fixture.services.database.write { db in try await db.raw("UPDATE visit_notes SET subjective = 'rewritten' WHERE id = \(bind: noteId)").run() }
            }
            await #expect(throws: (any Error).self) {
                try await fixture.services.database.write { db in try await db.raw("DELETE FROM visit_notes WHERE id = \(bind: noteId)").run() }
            }

            // An amendment is a new note; it needs a reason, and the original stays as it was.
            try await theo.get(path)
            let amend = try await theo.post("\(path)/amend", [:])
            let amendPath = try #require(amend.location)
            #expect(amendPath != path)
            try await theo.get(amendPath)
            let noReason = try await theo.post(amendPath, pairs: [("painNow", "3"), ("subjective", "Sore after gardening; eased by heat."),
                                                                  ("plan", "Weekly, reassess in 4 visits."), ("go", "sign")])
            #expect(noReason.status == .unprocessableContent && noReason.body.contains("Say why the note is being amended."))
            try await theo.post(amendPath, pairs: [("painNow", "3"), ("subjective", "Sore after gardening; eased by heat."),
                                                   ("plan", "Weekly, reassess in 4 visits."), ("amendReason", "Pain recorded wrongly"), ("go", "sign")])
            let original = try #require(try await SQLVisitNoteRepository(database: fixture.services.database).find(id: noteId))
            #expect(original == signed, "the original is untouched")
            let page = try await theo.get(path)
            #expect(page.body.contains("Pain recorded wrongly"))
            let chart = try await theo.get("/clients/\(fixture.clientA.id)?section=visits")
            #expect(chart.body.contains("id=\"visit-notes\"") && chart.body.contains("amended"))

            let audit = try await fixture.audit(client: fixture.clientA.id).filter { $0.infoType == .clinical }
            #expect(audit.contains { $0.detail == "visit note signed" } && audit.contains { $0.detail == "visit note amendment signed" })
            #expect(audit.contains { $0.action == .view && $0.detail == "visit note" })

            // Front desk never sees notes; a therapist who does not treat Ada cannot find them.
            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            #expect(try await desk.get(path).status == .forbidden)
            let tara = Browser(client)
            _ = try await tara.signIn("tara@example.com")
            #expect(try await tara.get(path).status == .notFound)
        }
    }

    @Test func glutealWorkNeedsWrittenAndSpokenConsent() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let (ada, intake) = try await IntakeWebTests.submitted(client, IntakeWebTests.answers())
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            try await theo.get("/clients/\(fixture.clientA.id)")
            let path = try #require(try await theo.post("/clients/\(fixture.clientA.id)/visits", [:]).location)
            try await theo.get(path)
            let fields: [(String, String)] = [("painNow", "4"), ("subjective", "Buttock ache."), ("plan", "Weekly."), ("technique", "trigger-point"),
                                              ("technique-trigger-point-areas", "gluteal-left"), ("technique-trigger-point-minutes", "10"),
                                              ("glutealVerbalConsent", "on"), ("go", "sign")]
            let refused = try await theo.post(path, pairs: fields)
            #expect(refused.status == .unprocessableContent && refused.body.contains("no written gluteal consent"))
            try await ada.get("\(intake)/consent/gluteal")
            try await ada.post("\(intake)/consent/gluteal", ["signerName": "Ada Alpha", "agree": "yes"])
            try await theo.get(path)
            #expect(try await theo.post(path, pairs: fields).status == .seeOther)
        }
    }
}

/// Outcomes at visits, the referral prompt, and the referral letter.
@Suite struct OutcomeWebTests {
    @Test func visitsRecordOutcomesAndStalledCarePromptsAReferralLetter() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let (ada, intake) = try await IntakeWebTests.submitted(client, IntakeWebTests.answers(["painNow": ["6"]]))
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            for week in 0..<4 {
                try await theo.get("/clients/\(fixture.clientA.id)")
                let path = try #require(try await theo.post("/clients/\(fixture.clientA.id)/visits", [:]).location)
                let form = try await theo.get(path)
                if week == 0 { #expect(form.body.contains("Today, how well can the client do: Lifting my toddler")) }
                let signed = try await theo.post(path, pairs: [("painNow", week == 3 ? "5" : "6"), ("psfs-0", "3"), ("subjective", "Much the same."),
                                                               ("plan", "Continue weekly."), ("go", "sign")])
                #expect(signed.status == .seeOther)
                fixture.clock.advance(seconds: 7 * 86_400)
                _ = try await theo.signIn("theo@example.com")
            }
            let responses = try await SQLQuestionnaireRepository(database: fixture.services.database).responses(clientId: fixture.clientA.id)
            #expect(responses.filter { $0.instrument == .nprs }.map(\.score) == [6, 6, 6, 6, 5], "the intake's rating, then one per visit")
            #expect(responses.filter { $0.instrument == .psfs }.count == 5)
            let chart = try await theo.get("/clients/\(fixture.clientA.id)")
            #expect(chart.body.contains("id=\"referral-prompt\"") && chart.body.contains("No meaningful improvement in pain after 4 visits"))
            let pain = try await theo.get("/clients/\(fixture.clientA.id)/outcomes/pain.svg")
            #expect(pain.headers[.contentType] == "image/svg+xml" && pain.body.contains("meaningful change"))

            let form = try await theo.get("/clients/\(fixture.clientA.id)/referral-letter")
            #expect(form.body.contains("No meaningful improvement"), "the reason starts from the prompt")
            let missing = try await theo.post("/clients/\(fixture.clientA.id)/referral-letter", ["recipient": "", "reason": "Persistent pain."])
            #expect(missing.status == .unprocessableContent && missing.body.contains("Name the physician"))
            let letter = try await theo.post("/clients/\(fixture.clientA.id)/referral-letter", ["recipient": "Dr. Rivera <script>", "reason": "Persistent pain."])
            #expect(letter.status == .ok && letter.body.contains("Dr. Rivera &lt;script&gt;"))
            #expect(letter.body.contains("Pain (NPRS, 0-10): 6 → 5 over 5 measures, not a meaningful improvement."))
            #expect(letter.body.contains("registration R1234") && letter.body.components(separatedBy: "assessment only").count - 1 == 4)
            #expect(letter.body.contains("tingling in my leg"), "what the client reported at intake")
            let intakeId = try #require(try await SQLIntakeRepository(database: fixture.services.database).latestSubmitted(clientId: fixture.clientA.id)?.id)
            let actions = try await SQLIntakeRepository(database: fixture.services.database).actions(intakeId: intakeId)
            #expect(actions.map(\.kind) == [.referred] && actions[0].recipient == "Dr. Rivera <script>")
            #expect(try await fixture.audit(client: fixture.clientA.id).contains { $0.action == .print && $0.detail == "referral letter" })
        }
    }
}

/// Disability questionnaires repeated between visits, where the clinic uses them, and charted.
@Suite struct RepeatQuestionnaireTests {
    @Test func aClientRepeatsTheRMDQAndTheTherapistSeesTheTrend() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.services.clinic.setIntakeScreens([.rmdq])
        try await fixture.test { client in
            let ada = Browser(client)
            _ = try await ada.signIn("ada@example.com")
            var answers = IntakeWebTests.answers()
            for item in 1...24 { answers["q.rmdq.\(item)"] = [item <= 12 ? "yes" : "no"] }
            let intake = try await IntakeWebTests.fillIntake(ada, answers, form: IntakeForm(screens: [.rmdq]))
            try await ada.post("\(intake)/submit", [:])
            let me = try await ada.get("/me")
            #expect(me.body.contains("/me/questionnaires/rmdq"))
            #expect(try await ada.get("/me/questionnaires/odi").status == .notFound, "only what the clinic uses")
            fixture.clock.advance(seconds: 60)
            try await ada.get("/me/questionnaires/rmdq")
            let partial = try await ada.post("/me/questionnaires/rmdq", ["q.rmdq.1": "yes"])
            #expect(partial.status == .unprocessableContent && partial.body.contains("id=\"q.rmdq.2-error\""))
            var later = [String: String]()
            for item in 1...24 { later["q.rmdq.\(item)"] = item <= 5 ? "yes" : "no" }
            #expect(try await ada.post("/me/questionnaires/rmdq", later).location == "/me?questionnaire=1")
            let scores = try await SQLQuestionnaireRepository(database: fixture.services.database).responses(clientId: fixture.clientA.id).filter { $0.instrument == .rmdq }
            #expect(scores.map(\.score) == [12, 5])
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            #expect(try await theo.get("/clients/\(fixture.clientA.id)?section=outcomes").body.contains("/outcomes/rmdq.svg"))
            let chart = try await theo.get("/clients/\(fixture.clientA.id)/outcomes/rmdq.svg")
            #expect(chart.status == .ok && chart.body.contains("meaningful change"))
        }
    }
}
