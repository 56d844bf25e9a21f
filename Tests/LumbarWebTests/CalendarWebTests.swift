import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import Testing
import TestSupport

/// The front desk's calendar: booking for a client (single and weekly), moving, and marking arrivals.
@Suite struct CalendarWebTests {
    static func utc(_ text: String) -> Instant {
        Instant(milliseconds: Int64(ISO8601DateFormatter().date(from: text)!.timeIntervalSince1970 * 1000))
    }

    @Test func frontDeskBooksAWeeklySeriesMovesOneAndMarksAnArrival() async throws {
        let setup = try await BookingAPITests.setUp()
        let fixture = setup.fixture
        let appointments = fixture.services.appointments
        let spring = TimeRange(start: Self.utc("2027-03-01T00:00:00Z"), end: Self.utc("2027-03-31T00:00:00Z"))
        try await fixture.test { client in
            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            #expect(try await desk.get("/calendar?location=\(setup.location.id)").status == .ok)

            // Every problem named beside its field, and what was typed kept.
            let bad = try await desk.post("/calendar/book", ["location": setup.location.id, "client": "", "service": setup.service.id,
                                                             "therapist": fixture.therapist.id, "date": "2027-02-30", "time": "ten", "weeks": "30"])
            #expect(bad.status == .unprocessableContent)
            for field in ["client-search", "date", "time", "weeks"] { #expect(bad.body.contains("id=\"\(field)-error\""), "\(field)") }
            #expect(bad.body.contains("value=\"30\"") && bad.body.contains("value=\"ten\""))
            #expect(try await appointments.list(window: spring).isEmpty)

            // Two Sundays either side of the spring change: the same 10:00 on the wall, an hour apart in UTC.
            try await desk.get("/calendar?location=\(setup.location.id)")
            let booked = try await desk.post("/calendar/book", ["location": setup.location.id, "client": fixture.clientA.id, "service": setup.service.id,
                                                                "therapist": fixture.therapist.id, "date": "2027-03-07", "time": "10:00", "weeks": "2"])
            #expect(booked.status == .seeOther)
            let series = try await appointments.list(window: spring, clientId: fixture.clientA.id)
            #expect(series.map(\.start) == [Self.utc("2027-03-07T15:00:00Z"), Self.utc("2027-03-14T14:00:00Z")])

            // The same time for another client is refused whole, and nothing is saved for them.
            try await desk.get("/calendar?location=\(setup.location.id)")
            let clash = try await desk.post("/calendar/book", ["location": setup.location.id, "client": fixture.clientB.id, "service": setup.service.id,
                                                               "therapist": fixture.therapist.id, "date": "2027-03-14", "time": "10:30", "weeks": "1"])
            #expect(clash.status == .conflict && clash.body.contains("role=\"alert\""))
            #expect(try await appointments.list(window: spring, clientId: fixture.clientB.id).isEmpty)

            // Moving without a time says so on the calendar and changes nothing.
            let first = try #require(series.first)
            try await desk.get("/calendar?location=\(setup.location.id)&date=2027-03-07")
            let noTime = try await desk.post("/calendar/appointments/\(first.id)/move", ["when": ""])
            #expect(noTime.status == .unprocessableContent && noTime.body.contains("Choose the new date and time"))
            #expect(try await appointments.find(id: first.id)?.start == first.start)

            try await desk.get("/calendar?location=\(setup.location.id)&date=2027-03-07")
            let moved = try await desk.post("/calendar/appointments/\(first.id)/move", ["when": "2027-03-08T11:30"])
            #expect(moved.status == .seeOther)
            #expect(try await appointments.find(id: first.id)?.start == Self.utc("2027-03-08T16:30:00Z"))

            // The morning of the visit: the client can be marked arrived (signed in afresh, as the days between end a session).
            fixture.clock.advance(seconds: (Self.utc("2027-03-08T16:00:00Z").milliseconds - fixture.clock.now.milliseconds) / 1000)
            let morning = Browser(client)
            _ = try await morning.signIn("desk@example.com")
            try await morning.get("/calendar?location=\(setup.location.id)&date=2027-03-08")
            #expect(try await morning.post("/calendar/appointments/\(first.id)/status", ["status": "arrived"]).status == .seeOther)
            #expect(try await appointments.find(id: first.id)?.status == .arrived)
            try await morning.get("/calendar?location=\(setup.location.id)&date=2027-03-08")
            let again = try await morning.post("/calendar/appointments/\(first.id)/status", ["status": "cancelled"])
            #expect(again.status == .badRequest, "an arrival is not cancelled afterwards")
            #expect(try await appointments.find(id: first.id)?.status == .arrived)
        }
    }
}
