import Foundation
import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import Testing
import TestSupport

/// Today on the home page: a therapist's clients in order with what each needs, and the front desk's day without a
/// clinical word; arrived and confirmed from Today; every client shown is audited.
@Suite struct TodayWebTests {
    /// Friday 20 November 2026, 07:00 in Toronto.
    static let clockAt = "2026-11-20T12:00:00Z"
    /// 9:00 and 11:00 that morning, and 10:00 the next, in Toronto.
    static let nine = Instant(milliseconds: 1_795_183_200_000), eleven = Instant(milliseconds: 1_795_190_400_000)
    static let tomorrow = Instant(milliseconds: 1_795_273_200_000)

    /// Words that tell something of a client's health; none may reach the front desk.
    static let clinicalWords = ["triage", "emergency", "urgent", "consent", "reassess", "unsigned", "start note", "open chart", "plan"]

    @Test(arguments: TestDatabase.engines)
    func aTherapistSeesTheirDayAndTheFrontDeskSeesTheirsWithoutClinicalDetail(engine: Database.Engine) async throws {
        let setup = try await BookingAPITests.setUp(engine, clockAt: Self.clockAt)
        let fixture = setup.fixture
        let booking = BookingService(services: fixture.services)
        func book(_ client: Client, _ start: Instant) async throws -> Appointment {
            try await booking.book(clientId: client.id, serviceId: setup.service.id, locationId: setup.location.id, therapistId: fixture.therapist.id,
                                   starts: [start], bookedBy: fixture.frontDesk, channel: .staff)[0]
        }
        let ben = try await book(fixture.clientB, Self.eleven)
        let ada = try await book(fixture.clientA, Self.nine)
        let next = try await book(fixture.clientB, Self.tomorrow)
        // Ada's intake was triaged emergency and nobody has cleared her yet.
        let now = fixture.clock.now
        let draft = try await fixture.services.intake.createDraft(clientId: fixture.clientA.id, answers: IntakeAnswers(), startedBy: nil, at: now)
        try await fixture.services.intake.submit(draft, IntakeSubmission(
            inputJSON: "{}", resultJSON: "{}", urgency: .emergency, decision: .deferTreatment, history: IntakeAnswers(), responses: [], alerts: [],
            audit: AuditEntry(at: now, actorId: nil, actorRole: nil, clientId: fixture.clientA.id, infoType: .intake, action: .create, address: "test"),
            recordedBy: nil), at: now)

        try await fixture.test { client in
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            let today = try await theo.get("/")
            #expect(today.status == .ok && today.body.contains("Your clients today, Fri 20 Nov"))
            let adaAt = try #require(today.body.range(of: "9:00 a.m.")), benAt = try #require(today.body.range(of: "11:00 a.m."))
            #expect(adaAt.lowerBound < benAt.lowerBound, "in time order")
            #expect(today.body.contains("Emergency triage, not cleared") && today.body.contains("Consent to treatment missing")
                    && today.body.contains("No intake yet"))
            #expect(today.body.contains("action=\"/clients/\(fixture.clientA.id)/visits\"") && today.body.contains("Start note<span class=\"sr-only\"> for Ada Alpha"))
            let started = try await theo.post("/clients/\(fixture.clientA.id)/visits", [:])
            let notePath = try #require(started.location)
            #expect(try await theo.get("/").body.contains("href=\"\(notePath)\">Continue note"), "a begun note is continued, not begun again")

            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            var page = try await desk.get("/")
            #expect(page.status == .ok && page.body.contains("Arriving today, Fri 20 Nov") && page.body.contains("Ada Alpha") && page.body.contains("Ben Beta"))
            #expect(page.body.contains("Tomorrow, not yet confirmed") && page.body.contains("/today/appointments/\(next.id)/confirmed"))
            #expect(page.body.contains("Nothing owed from today's visits."))
            let lowered = page.body.lowercased()
            for word in Self.clinicalWords { #expect(!lowered.contains(word), "the front desk's Today says \(word)") }

            let arrived = try await desk.post("/today/appointments/\(ada.id)/arrived", [:])
            #expect(arrived.location == "/?done=arrived")
            page = try await desk.get(arrived.location!)
            #expect(page.body.contains("Marked arrived.") && page.body.contains("$135.60") && page.body.contains("/clients/\(fixture.clientA.id)/billing"))
            #expect(!page.body.contains("/today/appointments/\(ada.id)/arrived") && page.body.contains("/today/appointments/\(ben.id)/arrived"))
            #expect(try await desk.post("/today/appointments/\(ada.id)/arrived", [:]).status.code == 400, "a second tap is refused")
            try await desk.get("/")
            #expect(try await desk.post("/today/appointments/\(next.id)/confirmed", [:]).location == "/?done=confirmed")
            page = try await desk.get("/?done=confirmed")
            #expect(page.body.contains("Marked confirmed.") && !page.body.contains("/today/appointments/\(next.id)/confirmed"))
            #expect(try await fixture.services.appointments.find(id: next.id)?.confirmedAt == fixture.clock.now)
            for word in Self.clinicalWords { #expect(!page.body.lowercased().contains(word), "the front desk's Today says \(word)") }

            // Each client shown is in the audit log, for the therapist's list and the front desk's.
            let audit = try await fixture.audit(client: fixture.clientA.id)
            #expect(audit.contains { $0.actorId == fixture.therapist.id && $0.detail.hasPrefix("today's list") })
            #expect(audit.contains { $0.actorId == fixture.frontDesk.id && $0.detail.hasPrefix("front desk's day") })
            #expect(audit.contains { $0.actorId == fixture.frontDesk.id && $0.detail == "marked arrived from today" })
        }
    }
}
