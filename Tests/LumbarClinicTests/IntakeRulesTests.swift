import LumbarClinic
import LumbarCore
import Testing
import TestSupport

/// The intake use case on the in-memory store: a draft pre-filled from what the clinic knows, a submission triaged
/// once, alerts for an emergency, and online booking paused until clearance.
@Suite struct IntakeRulesTests {
    static let now = BookingServiceTests.now

    static func answers(_ changes: [String: [String]] = [:]) -> IntakeAnswers { IntakeAnswers(SampleIntake.answers(changes)) }

    static func submit(_ clinic: BookingServiceTests.Clinic, _ answers: IntakeAnswers) async throws -> (Intake, Urgency) {
        let rules = IntakeRules(services: clinic.services)
        let draft = try await rules.startDraft(for: clinic.seed.ada, startedBy: nil)
        _ = try await clinic.services.intake.saveDraft(id: draft.id, answers: answers, step: "review", at: Self.now)
        let saved = try #require(try await clinic.services.intake.find(id: draft.id))
        return (saved, try await rules.submit(saved, client: clinic.seed.ada, by: nil, viaKiosk: false, address: "test"))
    }

    @Test func anOrdinaryIntakeIsTriagedQuietlyAndItsHistoryPrefillsTheNext() async throws {
        let clinic = try await BookingServiceTests.clinic()
        let rules = IntakeRules(services: clinic.services)
        let first = try await rules.startDraft(for: clinic.seed.ada, startedBy: nil)
        #expect(first.answers["firstName"] == "Ada" && first.answers["conditions"] == "")
        let (intake, urgency) = try await Self.submit(clinic, Self.answers())
        #expect(urgency < .urgent)
        #expect(try await clinic.services.intake.latestSubmitted(clientId: clinic.seed.ada.id)?.id == intake.id)
        #expect(clinic.store.outbox.messages.isEmpty, "no alert for an ordinary intake")
        #expect(try await rules.bookingBlock(clientId: clinic.seed.ada.id) == nil)
        #expect(try await clinic.services.clients.find(id: clinic.seed.ada.id)?.phone == "416-555-0101", "the intake's contact details are kept")
        let next = try await rules.startDraft(for: clinic.seed.ada, startedBy: nil)
        #expect(next.answers["conditions"] == "osteoporosis" && next.answers["allergies"] == "Almond oil", "the health history is offered to review")
    }

    @Test func anEmergencyAlertsTheTeamWithoutHealthDetailAndPausesOnlineBooking() async throws {
        let clinic = try await BookingServiceTests.clinic()
        try await clinic.services.clients.assign(therapistId: clinic.seed.rosa.id, clientId: clinic.seed.ada.id, at: Self.now)
        let (intake, urgency) = try await Self.submit(clinic, Self.answers([
            "sign.saddle-numbness": ["yes"], "sign.bladder-dysfunction": ["yes"], "legSides": ["both"]]))
        #expect(urgency == .emergency)
        let alerts = clinic.store.outbox.messages
        #expect(alerts.map(\.to) == ["rosa@example.com"], "the client's own therapist is told")
        #expect(alerts.allSatisfy { !$0.body.contains("bladder") && !$0.body.contains("saddle") }, "no health detail in the email")
        #expect(try await IntakeRules(services: clinic.services).bookingBlock(clientId: clinic.seed.ada.id)?.urgency == .emergency)
        await #expect(throws: BookingService.Failure.self) { try await BookingServiceTests.book(clinic, at: BookingServiceTests.wednesday) }
        // Sent again (a double tap), the first triage stands and nothing more is sent.
        #expect(try await IntakeRules(services: clinic.services).submit(intake, client: clinic.seed.ada, by: nil, viaKiosk: false, address: "test")
                == .emergency)
        #expect(clinic.store.outbox.messages.count == alerts.count)
    }

    @Test func anIncompleteIntakeIsRefusedAndNothingIsStored() async throws {
        let clinic = try await BookingServiceTests.clinic()
        var answers = Self.answers()
        answers.set("painNow", [])
        await #expect(throws: IntakeRules.Failure.incomplete) { _ = try await Self.submit(clinic, answers) }
        #expect(try await clinic.services.intake.latestSubmitted(clientId: clinic.seed.ada.id) == nil)
    }
}
