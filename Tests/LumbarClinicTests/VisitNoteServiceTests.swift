import LumbarClinic
import LumbarCore
import Testing
import TestSupport

/// The visit-note use case on the in-memory store: what stops a note being signed, what signing keeps, amendment.
@Suite struct VisitNoteServiceTests {
    static let now = BookingServiceTests.now

    struct Chart {
        let clinic: BookingServiceTests.Clinic
        let service: VisitNoteService
    }

    static func chart() async throws -> Chart {
        let clinic = try await BookingServiceTests.clinic()
        return Chart(clinic: clinic, service: VisitNoteService(services: clinic.services, notes: clinic.store.visitNotes, consents: clinic.store.consents))
    }

    /// A note ready to sign: pain, what the client said, the plan, and gluteal work agreed aloud.
    static func ready(_ draft: VisitNote) -> VisitNote {
        var note = draft
        note.painNow = 3
        note.subjective = "Better after the walks"
        note.plan = "Same program, add bridges"
        note.techniques = [.init(technique: .swedish, areas: [.glutealLeft], pressure: .moderate, minutes: 20)]
        note.glutealVerbalConsent = true
        return note
    }

    @Test func glutealWorkNeedsTheClientsWrittenConsentBeforeSigning() async throws {
        let chart = try await Self.chart()
        let seed = chart.clinic.seed
        // Written gluteal consent belongs to the episode of care: the client's latest intake.
        let (episode, _) = try await IntakeRulesTests.submit(chart.clinic, IntakeRulesTests.answers())
        let draft = try await chart.service.start(clientId: seed.ada.id, appointmentId: nil, author: seed.theo, diary: "5 of 7 days")
        #expect(draft.homeProgram == "5 of 7 days" && draft.status == .draft)
        let note = Self.ready(draft)
        #expect(try await chart.service.signingProblems(note).map(\.field) == ["glutealVerbalConsent"])
        _ = try await chart.clinic.store.consents.add(Consent(
            clientId: seed.ada.id, kind: .gluteal, intakeId: episode.id, appointmentId: nil, textVersion: "1", text: "I agree to gluteal work",
            signerName: "Ada Alpha", signature: .typed, signatureData: "Ada Alpha", recordedBy: nil, at: Self.now),
            audit: AuditEntry(at: Self.now, actorId: nil, actorRole: nil, clientId: seed.ada.id, infoType: .consent, action: .create, address: "test"))
        #expect(try await chart.service.signingProblems(note).isEmpty)
        var unsaid = note
        unsaid.glutealVerbalConsent = false
        #expect(try await chart.service.signingProblems(unsaid).map(\.field) == ["glutealVerbalConsent"], "and agreement aloud at the visit")
    }

    @Test func signingKeepsTodaysPainAndAnAmendmentStartsFromTheOriginal() async throws {
        let chart = try await Self.chart()
        let seed = chart.clinic.seed
        var note = Self.ready(try await chart.service.start(clientId: seed.ada.id, appointmentId: nil, author: seed.theo, diary: ""))
        note.techniques = [.init(technique: .myofascialRelease, areas: [.lumbarLeft], pressure: .light, minutes: 15)]
        #expect(try await chart.service.signingProblems(note).isEmpty)
        _ = try await chart.clinic.store.visitNotes.saveDraft(note, at: Self.now)
        try await chart.service.sign(note, by: seed.theo, address: "test")
        let signed = try #require(try await chart.clinic.store.visitNotes.find(id: note.id))
        #expect(signed.status == .signed && signed.signedAt == Self.now)
        let pain = try await chart.clinic.services.questionnaires.responses(clientId: seed.ada.id)
        #expect(pain.map(\.instrument) == [.nprs] && pain.map(\.score) == [3])
        await #expect(throws: StorageError.self, "a note is signed once") { try await chart.service.sign(note, by: seed.theo, address: "test") }
        chart.clinic.clock.advance(seconds: 3600)
        let amendment = try await chart.service.amend(signed, by: seed.rosa)
        #expect(amendment.amends == signed.id && amendment.authorId == seed.rosa.id && amendment.status == .draft)
        #expect(amendment.subjective == signed.subjective && amendment.createdAt == Self.now.adding(seconds: 3600))
        var reasoned = amendment
        reasoned.amendReason = ""
        #expect(try await chart.service.signingProblems(reasoned).map(\.field) == ["amendReason"])
    }
}
