import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
@testable import LumbarWeb
import Testing
import TestSupport

/// Moving an appointment reaches past the first fortnight: the days come two weeks at a time.
@Suite struct RescheduleWebTests {
    @Test func anAppointmentMovesToADayBeyondTheFirstFortnight() async throws {
        let setup = try await BookingAPITests.setUp()
        let fixture = setup.fixture
        let appointment = try await CalendarPageTests.book(setup, "2026-11-24T10:00:00-05:00")
        try await fixture.test { client in
            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            let first = try await desk.get("/calendar/appointments/\(appointment.id)/reschedule")
            let later = "/calendar/appointments/\(appointment.id)/reschedule?from=2026-12-04"
            #expect(first.body.contains("href=\"\(later)\" class=\"day-page\" id=\"later-days\">Later days →"))
            #expect(!first.body.contains("Earlier days"), "nothing before today")
            let next = try await desk.get(later + "&day=2026-12-07")
            #expect(next.status == .ok && next.body.contains("Monday 7 December 2026") && next.body.contains("← Earlier days"))
            #expect(next.body.contains("reschedule?from=2026-12-04&amp;day=2026-12-08"), "the other days keep the fortnight")
            let slot = try #require(RFC3339.parse("2026-12-07T11:00:00-05:00"))
            let value = "\(slot.milliseconds)|\(fixture.therapist.id)"
            #expect(next.body.contains("value=\"\(value)\""))
            let moved = try await desk.post("/calendar/appointments/\(appointment.id)/reschedule?confirm=1", ["slot": value])
            #expect(moved.status == .seeOther)
            #expect(try await fixture.services.appointments.find(id: appointment.id)?.start == slot)
        }
    }
}
