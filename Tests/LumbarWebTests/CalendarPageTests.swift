import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import Testing
import TestSupport

/// The calendar as a time grid, an appointment's page, a cancellation that asks first and names the late fee,
/// rescheduling to a free time, and booking from a free time after a client search.
@Suite struct CalendarPageTests {
    /// The clock is Friday 20 November 2026, 7:00 a.m. in Toronto; the fee is $40.00 inside 24 hours.
    static func book(_ setup: BookingAPITests.Setup, _ local: String, client: Client? = nil) async throws -> Appointment {
        let fixture = setup.fixture
        return try #require(try await BookingService(services: fixture.services).book(
            clientId: (client ?? fixture.clientA).id, serviceId: setup.service.id, locationId: setup.location.id, therapistId: fixture.therapist.id,
            starts: [RFC3339.parse(local)!], bookedBy: fixture.frontDesk, channel: .staff).first)
    }

    @Test func theDayIsATimeGridWithFreeTimesToBookAndEachAppointmentOnce() async throws {
        let setup = try await BookingAPITests.setUp(clockAt: "2026-11-20T15:00:00Z")
        let fixture = setup.fixture
        let appointment = try await Self.book(setup, "2026-11-24T10:00:00-05:00")
        try await fixture.test { client in
            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            let day = try await desk.get("/calendar?location=\(setup.location.id)&date=2026-11-24")
            #expect(day.status == .ok)
            #expect(day.body.contains("class=\"cal cal-day cal-single\""), "a grid, not a table; one column keeps its hours beside it on a phone")
            #expect(day.body.components(separatedBy: "href=\"/calendar/appointments/\(appointment.id)\"").count == 2, "the appointment once")
            // The clinic's only service is an hour with 15 minutes' turnover: nothing before the 10:00 booking fits it, so no
            // time before it is offered; after the visit and its turnover, 11:15 is free.
            let therapist = CalendarQuery.encoded(fixture.therapist.id), location = CalendarQuery.encoded(setup.location.id)
            let free = { (time: String) in "/calendar/new?therapist=\(therapist)&amp;location=\(location)&amp;date=2026-11-24&amp;time=\(time)" }
            #expect(day.body.contains(free("11:15")) && day.body.contains(free("16:00")) && !day.body.contains(free("16:15")), "the last start is an hour before closing")
            #expect(!day.body.contains(free("09:00")) && !day.body.contains(free("09:45")), "too short for any service")
            #expect(!day.body.contains(free("10:00")) && !day.body.contains(free("11:00")))
            #expect(day.body.contains("<span class=\"vh\">Book </span>11:15<span class=\"vh\"> a.m. with \(fixture.therapist.name)</span>"))
            #expect(day.body.contains("10:00 to 11:00 a.m.</span> <strong>Ada Alpha</strong>"), "time, client and service in the block")
            #expect(day.body.contains("<section class=\"cal-col\" aria-labelledby=\"c0\">") && day.body.contains("<ol class=\"cal-rows\">"))
            #expect(HTMLNesting.problems(day.body) == [])
            // The week shows seven days, Saturday and Sunday included.
            let week = try await desk.get("/calendar?location=\(setup.location.id)&date=2026-11-24&view=week")
            for label in ["Mon 23 Nov", "Sat 28 Nov", "Sun 29 Nov"] { #expect(week.body.contains(label), "\(label)") }
            #expect(week.body.components(separatedBy: "href=\"/calendar/appointments/\(appointment.id)\"").count == 2)
            // Today, at 10:00 a.m., has the current-time line.
            #expect(try await desk.get("/calendar?location=\(setup.location.id)").body.contains("class=\"cal-now r13\""), "10:00 is row 13 from 9:00")
            #expect(try await fixture.audit(client: nil).contains { $0.action == .view && $0.detail.hasPrefix("calendar 2026-11-23 7 day(s)") })
        }
    }

    @Test func cancellingAsksForAReasonAndSaysWhenTheLateFeeApplies() async throws {
        let setup = try await BookingAPITests.setUp()
        let fixture = setup.fixture
        let soon = try await Self.book(setup, "2026-11-20T15:00:00-05:00")
        let later = try await Self.book(setup, "2026-11-27T10:00:00-05:00")
        try await fixture.test { client in
            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            let details = try await desk.get("/calendar/appointments/\(soon.id)")
            #expect(details.status == .ok && details.body.contains("Ada Alpha") && details.body.contains("Friday 20 November 2026, 3:00 to 4:00 p.m."))
            #expect(details.body.contains("href=\"/calendar/appointments/\(soon.id)/cancel\""), "cancelling is a page that asks, not a button")

            let ask = try await desk.get("/calendar/appointments/\(soon.id)/cancel")
            #expect(ask.body.contains("Cancel this appointment?"))
            #expect(ask.body.contains("the late-cancellation fee of $40.00 applies"))
            #expect(try await fixture.services.appointments.find(id: soon.id)?.status == .booked, "asking changes nothing")

            let noReason = try await desk.post("/calendar/appointments/\(soon.id)/cancel", ["reason": ""])
            #expect(noReason.status == .unprocessableContent && noReason.body.contains("id=\"reason-error\""))
            let other = try await desk.post("/calendar/appointments/\(soon.id)/cancel", ["reason": "other", "reasonOther": ""])
            #expect(other.status == .unprocessableContent && other.body.contains("id=\"reasonOther-error\""))
            #expect(try await fixture.services.appointments.find(id: soon.id)?.status == .booked)

            let done = try await desk.post("/calendar/appointments/\(soon.id)/cancel", ["reason": "client asked"])
            #expect(done.status == .seeOther)
            let cancelled = try #require(try await fixture.services.appointments.find(id: soon.id))
            #expect(cancelled.status == .lateCancelled && cancelled.feeCents == 4_000)
            #expect(try await desk.get(done.location ?? "").body.contains("Cancelled late."))
            #expect(try await desk.get("/calendar/appointments/\(soon.id)").body.contains("<dd id=\"cancel-reason\">client asked</dd>"))
            #expect(try await fixture.audit(client: fixture.clientA.id).contains { $0.detail == "cancelled by staff (client asked), late, fee $40.00" })

            let ahead = try await desk.get("/calendar/appointments/\(later.id)/cancel")
            #expect(ahead.body.contains("more than 24 hours ahead, so no late-cancellation fee applies"))
            _ = try await desk.post("/calendar/appointments/\(later.id)/cancel", ["reason": "other", "reasonOther": "double booked"])
            #expect(try await fixture.services.appointments.cancelReason(id: later.id) == "other: double booked")
            #expect(try await fixture.services.appointments.find(id: later.id)?.status == .cancelled)
            // Nothing left to cancel: said, not offered.
            let again = try await desk.get("/calendar/appointments/\(later.id)/cancel")
            #expect(again.status == .ok && !again.body.contains("Yes, cancel the appointment"))
        }
    }

    @Test func arrivalsAndReschedulingSayWhatTheyDid() async throws {
        // The morning of the first visit: early enough to reschedule the others, on the day to mark an arrival.
        let setup = try await BookingAPITests.setUp(clockAt: "2026-11-24T14:30:00Z")
        let fixture = setup.fixture
        let first = try await Self.book(setup, "2026-11-24T10:00:00-05:00")
        let second = try await Self.book(setup, "2026-11-25T10:00:00-05:00", client: fixture.clientB)
        try await fixture.test { client in
            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            try await desk.get("/calendar/appointments/\(first.id)")
            let arrived = try await desk.post("/calendar/appointments/\(first.id)/status", ["status": "arrived"])
            let page = try await desk.get(arrived.location ?? "")
            #expect(page.body.contains("Marked arrived.") && page.body.contains("✓ Arrived"))
            #expect(!page.body.contains("value=\"arrived\""), "an arrival cannot be marked again")

            let times = try await desk.get("/calendar/appointments/\(second.id)/reschedule?day=2026-11-26")
            #expect(times.status == .ok && times.body.contains("Thursday 26 November 2026"))
            let slot = try #require(RFC3339.parse("2026-11-26T13:30:00-05:00"))
            let value = "\(slot.milliseconds)|\(fixture.therapist.id)"
            #expect(times.body.contains("value=\"\(value)\"") && times.body.contains(">1:30 p.m.</button>"))
            // The tapped time is asked about first, saying from when to when; nothing moves until it is confirmed.
            let asked = try await desk.post("/calendar/appointments/\(second.id)/reschedule", ["slot": value])
            #expect(asked.status == .ok && asked.body.contains("Yes, move it") && asked.body.contains("Thursday 26 November 2026 at 1:30 p.m."))
            #expect(try await fixture.services.appointments.find(id: second.id)?.start == second.start)
            let confirm = "/calendar/appointments/\(second.id)/reschedule?slot=\(slot.milliseconds)%7C\(fixture.therapist.id)&confirm=1"
            #expect(asked.body.contains("action=\"\(confirm.replacingOccurrences(of: "&", with: "&amp;"))\""))
            let moved = try await desk.post(confirm, [:])
            #expect(moved.status == .seeOther && (moved.location ?? "").contains("date=2026-11-26"))
            #expect(try await fixture.services.appointments.find(id: second.id)?.start == slot)
            // A time now taken is refused with the reason, and nothing moves.
            let taken = try await desk.post("/calendar/appointments/\(first.id)/reschedule?confirm=1", ["slot": value])
            #expect(taken.status == .unprocessableContent || taken.status == .conflict)
            #expect(try await fixture.services.appointments.find(id: first.id)?.start == first.start)
        }
    }

    @Test func bookingFromAFreeTimeFindsTheClientBySearch() async throws {
        let setup = try await BookingAPITests.setUp()
        let fixture = setup.fixture
        try await fixture.test { client in
            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            let base = "/calendar/new?therapist=\(fixture.therapist.id)&location=\(setup.location.id)&date=2026-11-24&time=10:30"
            let start = try await desk.get(base)
            #expect(start.status == .ok && start.body.contains("Tuesday 24 November 2026 at 10:30 a.m. with \(fixture.therapist.name)"))
            #expect(!start.body.contains("Ben Beta") && !start.body.contains("Ada Alpha"), "no list of every client")
            let found = try await desk.get(base + "&client-search=alp")
            #expect(found.body.contains("value=\"\(fixture.clientA.id)\"") && !found.body.contains("Ben Beta"))
            #expect(found.body.contains("value=\"10:30\""), "the chosen time is kept")
            let booked = try await desk.post("/calendar/book", ["location": setup.location.id, "client": fixture.clientA.id, "service": setup.service.id,
                                                                "therapist": fixture.therapist.id, "date": "2026-11-24", "time": "10:30", "weeks": "1"])
            #expect(booked.status == .seeOther)
            let appointment = try #require(try await fixture.services.appointments.list(window: TimeRange(start: fixture.clock.now, end: fixture.clock.now.adding(seconds: 7 * 86_400))).first)
            #expect(appointment.start == RFC3339.parse("2026-11-24T10:30:00-05:00"))
        }
    }
}
