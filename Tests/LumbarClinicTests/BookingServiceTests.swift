import LumbarClinic
import LumbarCore
import LumbarZones
import PropertyBased
import Testing
import TestSupport

/// The booking use case on the in-memory store: no HTTP, no database, a clock the test holds.
@Suite struct BookingServiceTests {
    /// Wednesday 18 November 2026, 06:06 in Toronto.
    static let now = Instant(milliseconds: 1_795_000_000_000)
    /// Wednesday 25 November 2026, 10:00 in Toronto; and Saturday 21 November, 10:00 (a day off).
    static let wednesday = Instant(milliseconds: 1_795_618_800_000)
    static let saturday = Instant(milliseconds: 1_795_273_200_000)
    /// Noon on the test's own day, inside a 24-hour cancellation window.
    static let noonToday = Instant(milliseconds: 1_795_021_200_000)

    struct Clinic {
        let store: MemoryStore
        let services: ClinicServices
        let seed: ContractSeed
        let clock: TestClock
        var booking: BookingService { BookingService(services: services) }
    }

    /// Theo works weekdays 9:00–17:00 at the seeded location; Rosa has no hours there.
    static func clinic(rules: BookingRules = BookingRules()) async throws -> Clinic {
        let store = MemoryStore()
        let clock = TestClock(now)
        let services = store.services(clock: clock.wallClock)
        let seed = try await ContractSeed.make(services, at: now)
        try await services.scheduling.setHours(therapistId: seed.theo.id, locationId: seed.location.id, SchedulingHours.weekdays(9, 17))
        try await services.scheduling.setRules(rules)
        return Clinic(store: store, services: services, seed: seed, clock: clock)
    }

    static func book(_ clinic: Clinic, at start: Instant, channel: BookingService.Channel = .online, client: Client? = nil) async throws -> [Appointment] {
        try await clinic.booking.book(clientId: (client ?? clinic.seed.ada).id, serviceId: clinic.seed.service.id, locationId: clinic.seed.location.id,
                                      therapistId: nil, starts: [start], bookedBy: clinic.seed.theo, channel: channel)
    }

    @Test func aClientBooksOnlineAndIsSentOneInvitation() async throws {
        let clinic = try await Self.clinic()
        let booked = try await Self.book(clinic, at: Self.wednesday)
        #expect(booked.map(\.therapistId) == [clinic.seed.theo.id])
        #expect(try await clinic.services.appointments.find(id: booked[0].id)?.occupiedUntil == Self.wednesday.adding(seconds: 75 * 60))
        let mail = clinic.store.outbox.messages
        #expect(mail.map(\.to) == ["ada@example.com"])
        #expect(mail.first?.calendar?.contains("METHOD:REQUEST") == true)
        #expect(mail.first?.body.contains("Wednesday 25 November 2026 at 10:00") == true)
    }

    @Test func aTakenTimeIsRefusedWithItsReasonAndNothingIsSent() async throws {
        let clinic = try await Self.clinic()
        _ = try await Self.book(clinic, at: Self.wednesday)
        let bob = try await clinic.services.clients.create(Client(id: "", firstName: "Bob", lastName: "Beta", email: "bob@example.com"), at: Self.now)
        await #expect(throws: BookingService.Failure.self) { try await Self.book(clinic, at: Self.wednesday.adding(seconds: 1800), client: bob) }
        do {
            _ = try await Self.book(clinic, at: Self.wednesday.adding(seconds: 1800), client: bob)
        } catch BookingService.Failure.refused(let refusal) {
            #expect(refusal.reason == .therapistTaken)
        }
        #expect(clinic.store.outbox.messages.count == 1)
    }

    @Test func aSeriesWithADayOffInItIsRefusedWhole() async throws {
        let clinic = try await Self.clinic()
        let series = [Self.wednesday, Self.saturday.adding(seconds: 7 * 86_400)]
        do {
            _ = try await clinic.booking.book(clientId: clinic.seed.ada.id, serviceId: clinic.seed.service.id, locationId: clinic.seed.location.id,
                                              therapistId: clinic.seed.theo.id, starts: series, bookedBy: clinic.seed.theo, channel: .staff)
            Issue.record("a series with a Saturday in it was booked")
        } catch BookingService.Failure.seriesRefused(let refusals) {
            #expect(refusals.map(\.reason) == [.dayOff])
        }
        let all = TimeRange(start: Self.now, end: Self.now.adding(seconds: 30 * 86_400))
        #expect(try await clinic.services.appointments.list(window: all).isEmpty)
        #expect(clinic.store.outbox.messages.isEmpty)
    }

    @Test func onlineBookingWaitsForClearanceAfterAnEmergencyTriage() async throws {
        let clinic = try await Self.clinic()
        let intake = try await clinic.services.intake.createDraft(clientId: clinic.seed.ada.id, answers: IntakeAnswers(), startedBy: nil, at: Self.now)
        let audit = AuditEntry(at: Self.now, actorId: nil, actorRole: nil, clientId: clinic.seed.ada.id, infoType: .intake, action: .create, address: "test")
        try await clinic.services.intake.submit(intake, IntakeSubmission(
            inputJSON: "{}", resultJSON: "{}", urgency: .emergency, decision: .deferTreatment, history: IntakeAnswers(), responses: [], alerts: [],
            audit: audit, recordedBy: nil), at: Self.now)
        await #expect(throws: BookingService.Failure.self) { try await Self.book(clinic, at: Self.wednesday) }
        // Staff may still book (they have seen the triage); online booking opens once clearance is recorded.
        _ = try await clinic.services.intake.addAction(ReferralAction(
            id: "", intakeId: intake.id, clientId: clinic.seed.ada.id, kind: .cleared, recipient: "", detail: "Seen by Dr. Ng", recordedBy: clinic.seed.theo.id,
            recordedByName: "Theo", at: Self.now))
        #expect(try await Self.book(clinic, at: Self.wednesday).count == 1)
    }

    @Test func cancellingInsideTheWindowCarriesTheFeeAndOutsideItDoesNot() async throws {
        let clinic = try await Self.clinic(rules: BookingRules(cancellationWindowHours: 24, lateCancellationFeeCents: 4000))
        let soon = try await Self.book(clinic, at: Self.noonToday, channel: .staff)[0]
        let later = try await Self.book(clinic, at: Self.wednesday)[0]
        let late = try await clinic.booking.cancel(soon, by: clinic.seed.theo)
        #expect(late.status == .lateCancelled && late.feeCents == 4000 && late.revision == 1)
        let early = try await clinic.booking.cancel(later, by: clinic.seed.theo)
        #expect(early.status == .cancelled && early.feeCents == 0)
        #expect(try await clinic.services.appointments.find(id: soon.id)?.status == .lateCancelled)
        let cancellations = clinic.store.outbox.messages.filter { $0.calendar?.contains("METHOD:CANCEL") == true }
        #expect(cancellations.count == 2)
        #expect(cancellations.first?.body.contains("$40.00") == true)
        // The time is free again.
        #expect(try await Self.book(clinic, at: Self.wednesday).count == 1)
    }

    @Test func reschedulingMovesToAFreeTimeAndRefusesATakenOne() async throws {
        let clinic = try await Self.clinic()
        let first = try await Self.book(clinic, at: Self.wednesday)[0]
        let bob = try await clinic.services.clients.create(Client(id: "", firstName: "Bob", lastName: "Beta", email: "bob@example.com"), at: Self.now)
        _ = try await Self.book(clinic, at: Self.wednesday.adding(seconds: 3 * 3600), client: bob)
        let moved = try await clinic.booking.reschedule(first, to: Self.wednesday.adding(seconds: 1800), therapistId: nil, channel: .online)
        #expect(moved.start == Self.wednesday.adding(seconds: 1800) && moved.revision == 1)
        #expect(try await clinic.services.appointments.find(id: first.id) == moved)
        await #expect(throws: BookingService.Failure.self) {
            _ = try await clinic.booking.reschedule(moved, to: Self.wednesday.adding(seconds: 3 * 3600), therapistId: nil, channel: .online)
        }
        #expect(try await clinic.services.appointments.find(id: first.id) == moved)
    }

    /// Whatever times are asked for, in any order, what is booked never overlaps and always lies in working hours.
    @Test func bookingsNeverOverlapAndKeepToWorkingHours() async throws {
        let day: Int64 = 86_400
        let starts = Gen.int(in: 0...(5 * 96)).map { Self.wednesday.adding(seconds: -Int64(10 * 3600) + Int64($0) * 900) }.array(of: 1...25)
        await propertyCheck(count: 40, input: starts) { asked in
            let clinic = try await Self.clinic()
            for start in asked { _ = try? await Self.book(clinic, at: start, channel: .staff) }
            let booked = try await clinic.services.appointments.list(window: TimeRange(start: Self.now, end: Self.now.adding(seconds: 30 * day)))
            for (index, one) in booked.enumerated() {
                for other in booked[(index + 1)...] { #expect(!one.occupied.overlaps(other.occupied)) }
                let local = FoundationZoneClock.toronto.local(one.start)
                #expect(local.date.weekdayIndex < 5 && local.time.minutes >= 9 * 60 && local.time.minutes + 60 <= 17 * 60)
            }
            #expect(booked.count == clinic.store.outbox.messages.count)
        }
    }
}
