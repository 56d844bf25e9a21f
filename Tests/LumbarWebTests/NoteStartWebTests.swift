import Foundation
import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import Testing
import TestSupport

/// A follow-up note copied from the last visit, a note filled from a template, templates kept by the owner and by
/// each therapist, and saves that say when they happened.
@Suite struct NoteStartWebTests {
    static let lastVisit: [(String, String)] = [
        ("painNow", "6"), ("subjective", "Sore after moving house."), ("finding", "hypertonicity"), ("objective", "Tight left QL."),
        ("rangeOfMotion", "Flexion 60 degrees."), ("tests", "SLR negative."), ("mark-lumbar-left", "tension"), ("intensity-lumbar-left", "7"),
        ("technique", "swedish"), ("technique-swedish-areas", "lumbar-left"), ("technique-swedish-pressure", "firm"), ("technique-swedish-minutes", "25"),
        ("plan", "Weekly; bridges daily."), ("go", "sign"),
    ]

    @Test(arguments: TestDatabase.engines)
    func aFollowUpCopiesTheLastVisitAndKeepsWhatWasTyped(engine: Database.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        try await fixture.test { client in
            _ = try await IntakeWebTests.submitted(client, IntakeWebTests.answers())
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            try await theo.get("/clients/\(fixture.clientA.id)")
            let first = try #require(try await theo.post("/clients/\(fixture.clientA.id)/visits", [:]).location)
            let blank = try await theo.get(first)
            #expect(blank.body.contains("nothing to copy yet") && !blank.body.contains("id=\"copy-forward\""))
            #expect(try await theo.post(first, pairs: Self.lastVisit).status == .seeOther)
            fixture.clock.advance(seconds: 7 * 86_400)
            _ = try await theo.signIn("theo@example.com")

            try await theo.get("/clients/\(fixture.clientA.id)")
            let path = try #require(try await theo.post("/clients/\(fixture.clientA.id)/visits", [:]).location)
            let fresh = try await theo.get(path)
            #expect(fresh.body.contains("id=\"copy-forward\"") && fresh.body.contains("<details class=\"note-start\" open>"))
            // The pain already ticked is kept; Objective, the chart, techniques and the plan come from last week.
            let copied = try await theo.post(path, pairs: [("painNow", "4"), ("copy", "objective"), ("copy", "body-chart"), ("copy", "techniques"),
                                                           ("copy", "plan"), ("go", "copy")])
            #expect(copied.location == "\(path)?saved=copy")
            let noteId = String(path.split(separator: "/").last!)
            let draft = try #require(try await fixture.services.visitNotes.find(id: noteId))
            #expect(draft.painNow == 4 && draft.subjective.isEmpty, "today's Subjective is never copied")
            #expect(draft.objective == "Tight left QL." && draft.tests == "SLR negative." && draft.findings == [.hypertonicity])
            #expect(draft.bodyChart.entries == ["lumbar-left:tension:7"] && draft.plan == "Weekly; bridges daily.")
            #expect(draft.techniques == [.init(technique: .swedish, areas: [.lumbarLeft], pressure: .firm, minutes: 25)])
            let shown = try await theo.get(copied.location!)
            #expect(shown.body.contains("Copied from the last visit and saved at"))
            #expect(shown.body.contains("<details class=\"note-start\">"), "the start panel folds once the note has something in it")

            // Only the parts ticked are copied.
            try await theo.post(path, pairs: [("painNow", "4"), ("objective", "Softer today."), ("copy", "plan"), ("go", "copy")])
            #expect(try await fixture.services.visitNotes.find(id: noteId)?.objective == "Softer today.")
            // Copying a part already written keeps what was written, with the last visit's words after it.
            try await theo.post(path, pairs: [("painNow", "4"), ("objective", "Softer today."), ("copy", "objective"), ("go", "copy")])
            #expect(try await fixture.services.visitNotes.find(id: noteId)?.objective == "Softer today.\n\nTight left QL.")

            // A routine follow-up signs with one more change.
            try await theo.get(path)
            let signed = try await theo.post(path, pairs: [("painNow", "3"), ("subjective", "Easier week."), ("objective", "Softer today."),
                                                           ("mark-lumbar-left", "tension"), ("intensity-lumbar-left", "4"), ("technique", "swedish"),
                                                           ("technique-swedish-areas", "lumbar-left"), ("technique-swedish-minutes", "25"),
                                                           ("plan", "Weekly; bridges daily."), ("go", "sign")])
            #expect(signed.status == .seeOther)
            #expect(try await fixture.audit(client: fixture.clientA.id).contains { $0.detail == "visit note copied from the last visit" })
        }
    }

    @Test func savesSayWhenAndAutosaveTellsThePageTheTime() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            try await theo.get("/clients/\(fixture.clientA.id)")
            let path = try #require(try await theo.post("/clients/\(fixture.clientA.id)/visits", [:]).location)
            let first = try await theo.get(path)
            #expect(!first.body.contains("Saved at"), "nothing saved yet, nothing said")
            #expect(first.body.contains("id=\"consent-missing\""), "no consent to treatment yet: the therapist is told before treating")
            fixture.clock.advance(seconds: 90)
            let saved = try await theo.post(path, pairs: [("painNow", "5"), ("go", "save")])
            #expect(saved.location == "\(path)?saved=draft")
            let page = try await theo.get(saved.location!)
            #expect(page.body.contains("Draft saved at ") && page.body.contains("id=\"autosave-status\" role=\"status\" aria-live=\"polite\">Saved at "))
            #expect(!page.body.contains(".m.."), "a time ending in a.m. or p.m. ends its sentence without a second period")
            fixture.clock.advance(seconds: 60)
            let auto = try await theo.post("\(path)/autosave", pairs: [("painNow", "6")])
            #expect(auto.status == .noContent && auto.headers[VisitRoutes.savedAtHeader]?.hasSuffix(".m.") == true)
        }
    }

    @Test func theOwnerAndATherapistKeepTemplatesAndANoteIsFilledFromOne() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let owner = Browser(client)
            _ = try await owner.signIn("owner@example.com", code: fixture.ownerCode)
            #expect(try await owner.get("/note-templates").body.contains("No templates yet"))
            let refused = try await owner.post("/note-templates", pairs: [("name", " "), ("subjective", "Since last time:"), ("technique", "cupping"),
                                                                         ("technique-cupping-minutes", "")])
            #expect(refused.status == .unprocessableContent && refused.body.contains("Give the template a name")
                    && refused.body.contains("Since last time:") && refused.body.contains("Enter the minutes spent on cupping."))
            let added = try await owner.post("/note-templates", pairs: [("name", "Low back follow-up"), ("keeper", "clinic"), ("subjective", "Since last time:"),
                                                                       ("plan", "Reassess at visit 4."), ("technique", "myofascial-release"),
                                                                       ("technique-myofascial-release-areas", "sacrum"),
                                                                       ("technique-myofascial-release-minutes", "15")])
            #expect(added.status == .ok && added.body.contains("Saved “Low back follow-up”."))

            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            try await theo.get("/note-templates")
            #expect(try await theo.post("/note-templates", pairs: [("name", "Theo quick"), ("keeper", "clinic"), ("plan", "As before.")]).status == .ok)
            let all = try await fixture.services.noteTemplates.all()
            #expect(all.first { $0.name == "Theo quick" }?.ownerId == fixture.therapist.id, "a therapist's template is their own")
            let clinics = try #require(all.first { $0.name == "Low back follow-up" })
            #expect(clinics.ownerId == nil)
            #expect(try await theo.get("/note-templates/\(clinics.id)").status == .notFound, "the clinic's templates are the owner's to change")
            let tara = Browser(client)
            _ = try await tara.signIn("tara@example.com")
            let taras = try await tara.get("/note-templates")
            #expect(taras.body.contains("Low back follow-up") && !taras.body.contains("Theo quick"))

            try await theo.get("/clients/\(fixture.clientA.id)")
            let path = try #require(try await theo.post("/clients/\(fixture.clientA.id)/visits", [:]).location)
            let note = try await theo.get(path)
            #expect(note.body.contains(">Low back follow-up</option>") && note.body.contains(">Theo quick</option>"))
            let filled = try await theo.post(path, pairs: [("subjective", "Slept badly."), ("template", clinics.id), ("go", "template")])
            #expect(filled.location == "\(path)?saved=template")
            let draft = try #require(try await fixture.services.visitNotes.find(id: String(path.split(separator: "/").last!)))
            #expect(draft.subjective == "Slept badly.\n\nSince last time:" && draft.plan == "Reassess at visit 4.")
            #expect(draft.techniques == [.init(technique: .myofascialRelease, areas: [.sacrum], pressure: .moderate, minutes: 15)])

            // Retired, it is no longer offered, and can be brought back.
            try await owner.get("/note-templates/\(clinics.id)")
            #expect(try await owner.post("/note-templates/\(clinics.id)/retire", [:]).body.contains("Retired “Low back follow-up”: notes no longer offer it."))
            #expect(!(try await theo.get(path).body.contains(">Low back follow-up</option>")))
            try await owner.get("/note-templates/\(clinics.id)")
            try await owner.post("/note-templates/\(clinics.id)/restore", [:])
            #expect(try await theo.get(path).body.contains(">Low back follow-up</option>"))
        }
    }
}
