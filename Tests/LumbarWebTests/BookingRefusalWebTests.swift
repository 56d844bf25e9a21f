import Foundation
import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
import SQLKit
@testable import LumbarWeb
import Testing
import TestSupport

/// Refused bookings say why, in the API problem (with a reason code) and on the pages; staff cannot book or move
/// an appointment into the past, and record a visit that already happened with its own action, which sends no email.
@Suite struct BookingRefusalWebTests {
    /// Theo in Toronto, weekdays and Saturdays 09:00–17:00 with lunch 12:00–12:30, Sundays off, away Thursday
    /// 26 November 2026. The clock: Friday 20 November 2026, 07:00 in Toronto.
    static func setUp(_ engine: Database.Engine = .sqlite) async throws -> BookingAPITests.Setup {
        let setup = try await BookingAPITests.setUp(engine)
        let scheduling = setup.fixture.services.scheduling
        let day = [WeeklyHours.Span(start: WallTime("09:00")!, end: WallTime("17:00")!)!]
        let lunch = [WeeklyHours.Span(start: WallTime("12:00")!, end: WallTime("12:30")!)!]
        try await scheduling.setHours(therapistId: setup.fixture.therapist.id, locationId: setup.location.id,
                                      WeeklyHours(days: (0..<7).map { $0 == 6 ? [] : day }, breaks: (0..<7).map { $0 == 6 ? [] : lunch }))
        try await scheduling.addTimeOff(therapistId: setup.fixture.therapist.id,
                                        TimeRange(start: RFC3339.parse("2026-11-26T00:00:00-05:00")!, end: RFC3339.parse("2026-11-27T00:00:00-05:00")!), note: "course")
        return setup
    }

    static func mailQueued(_ fixture: WebFixture) async throws -> Int {
        try await fixture.services.database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM outbox").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    static func problem(_ response: TestResponse) -> (reason: String?, message: String?) {
        let first = (BookingAPITests.json(response)["problems"] as? [[String: Any]])?.first
        return (first?["reason"] as? String, first?["message"] as? String)
    }

    @Test func everyReasonHasACodeInTheAPIDescription() {
        for refusal in BookingRefusal.allCases {
            #expect(Components.Schemas.RefusalReason(rawValue: refusal.rawValue) != nil, "\(refusal) is missing from openapi.yaml")
        }
        #expect(Components.Schemas.RefusalReason.allCases.count == BookingRefusal.allCases.count)
    }

    @Test(arguments: TestDatabase.engines)
    func theAPIProblemNamesTheCause(engine: Database.Engine) async throws {
        let setup = try await Self.setUp(engine)
        let fixture = setup.fixture
        try await fixture.test { client in
            func book(_ start: String) async throws -> TestResponse {
                try await BookingAPITests.post(client, "/api/v1/appointments", [
                    "clientId": fixture.clientA.id, "serviceId": setup.service.id, "locationId": setup.location.id,
                    "therapistId": fixture.therapist.id, "start": start,
                ])
            }
            let first = try await book("2026-11-25T10:00:00-05:00")
            #expect(first.status == .created)
            let mail = try await Self.mailQueued(fixture)
            let cases: [(start: String, reason: BookingRefusal, words: String)] = [
                ("2026-11-19T10:00:00-05:00", .inPast, "has already passed"),
                ("2026-11-20T06:00:00-05:00", .inPast, "has already passed"),  // earlier today
                ("2026-11-24T20:00:00-05:00", .outsideHours, "outside Theo Therapist's working hours"),
                ("2026-11-24T16:30:00-05:00", .outsideHours, "end by closing time"),
                ("2026-11-24T11:45:00-05:00", .duringBreak, "break"),
                ("2026-11-29T10:00:00-05:00", .dayOff, "does not work on Sundays"),
                ("2026-11-26T10:00:00-05:00", .timeOff, "away then, on time off"),
                ("2026-11-25T10:30:00-05:00", .therapistTaken, "already has an appointment"),
            ]
            for item in cases {
                let response = try await book(item.start)
                #expect(response.status == (item.reason.isTaken ? .conflict : .unprocessableContent), "\(item.start)")
                let problem = Self.problem(response)
                #expect(problem.reason == item.reason.rawValue, "\(item.start)")
                #expect(problem.message?.contains(item.words) == true, "\(item.start): \(problem.message ?? "")")
                #expect(problem.message?.contains("is not available") == false)
                #expect(BookingAPITests.json(response)["error"] as? String == problem.message, "the error says the same")
            }
            #expect(try await Self.mailQueued(fixture) == mail, "nothing refused is emailed")
            let window = TimeRange(start: fixture.clock.now.adding(seconds: -30 * 86_400), end: fixture.clock.now.adding(seconds: 30 * 86_400))
            #expect(try await fixture.services.appointments.list(window: window).count == 1, "nothing refused is saved")

            // Moving the booked appointment into the past is refused the same way, and it stays where it was.
            let id = ((BookingAPITests.json(first)["appointments"] as? [[String: Any]])?.first?["id"] as? String) ?? ""
            let back = try await BookingAPITests.post(client, "/api/v1/appointments/\(id)/reschedule", ["start": "2026-11-20T06:30:00-05:00"])
            #expect(back.status == .unprocessableContent)
            #expect(Self.problem(back).reason == "in-past")
            #expect(try await fixture.services.appointments.find(id: id)?.start == RFC3339.parse("2026-11-25T10:00:00-05:00"))
            #expect(try await Self.mailQueued(fixture) == mail)

            // A weekly series names each week it cannot take, with its own cause.
            let series = try await BookingAPITests.post(client, "/api/v1/appointments", [
                "clientId": fixture.clientB.id, "serviceId": setup.service.id, "locationId": setup.location.id,
                "therapistId": fixture.therapist.id, "start": "2026-11-19T10:00:00-05:00", "weeks": 3,
            ])
            #expect(series.status == .unprocessableContent)
            let reasons = (BookingAPITests.json(series)["problems"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String }
            #expect(reasons == ["in-past", "time-off"], "19 November has passed; 26 November Theo is away; 3 December is free")
        }
    }

    /// Clients booking online read the cause in plain words, with what was chosen kept on the page.
    @Test func clientsReadTheCauseOnline() async throws {
        let setup = try await Self.setUp()
        let fixture = setup.fixture
        try await fixture.test { client in
            let ada = Browser(client)
            _ = try await ada.signIn("ada@example.com")
            let soon = RFC3339.parse("2026-11-20T08:30:00-05:00")!  // an hour and a half from now, under the clinic's two hours' notice
            let query = "service=\(setup.service.id)&location=\(setup.location.id)&start=\(soon.milliseconds)"
            try await ada.get("/book/confirm?" + query)
            let page = try await ada.post("/book/confirm", ["service": setup.service.id, "location": setup.location.id, "start": String(soon.milliseconds)])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("Friday 20 November 2026 at 8:30 a.m. is too soon: online bookings need at least 2 hours"))
            #expect(page.body.contains("notice. Please choose another time."))
            #expect(page.body.contains("Massage, 60 minutes"), "the service chosen is kept")
        }
    }

    @Test func staffCannotBookOrMoveIntoThePastButCanRecordAPastVisit() async throws {
        let setup = try await Self.setUp()
        let fixture = setup.fixture
        let appointments = fixture.services.appointments
        let week = TimeRange(start: fixture.clock.now.adding(seconds: -7 * 86_400), end: fixture.clock.now.adding(seconds: 7 * 86_400))
        try await fixture.test { client in
            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            let calendar = "/calendar?location=\(setup.location.id)"
            let mail = try await Self.mailQueued(fixture)

            // Earlier today, by mistake: refused with the reason, pointing to the form for past visits.
            try await desk.get(calendar)
            let past = try await desk.post("/calendar/book", ["location": setup.location.id, "client": fixture.clientA.id, "service": setup.service.id,
                                                              "therapist": fixture.therapist.id, "date": "2026-11-20", "time": "06:00", "weeks": "1"])
            #expect(past.status == .unprocessableContent)
            #expect(past.body.contains("Friday 20 November 2026 at 6:00 a.m. has already passed.") && past.body.contains("Record a past visit"))
            #expect(past.body.contains("value=\"06:00\""), "what was typed is kept")
            #expect(past.body.contains("/calendar/past?location=") && past.body.contains("pastDate=2026-11-20&amp;pastTime=06%3A00"),
                    "and offered to the past-visit page")
            #expect(try await appointments.list(window: week).isEmpty)
            #expect(try await Self.mailQueued(fixture) == mail, "no confirmation for a refused booking")

            // A time the clocks skip is named as such, not booked as nothing.
            try await desk.get(calendar)
            let skipped = try await desk.post("/calendar/book", ["location": setup.location.id, "client": fixture.clientA.id, "service": setup.service.id,
                                                                 "therapist": fixture.therapist.id, "date": "2027-03-14", "time": "02:30", "weeks": "1"])
            #expect(skipped.status == .unprocessableContent && skipped.body.contains("clocks change"))

            // A booking ahead, then a move into the past: refused, and it stays where it was.
            try await desk.get(calendar)
            let booked = try await desk.post("/calendar/book", ["location": setup.location.id, "client": fixture.clientA.id, "service": setup.service.id,
                                                                "therapist": fixture.therapist.id, "date": "2026-11-24", "time": "10:00", "weeks": "1"])
            #expect(booked.status == .seeOther)
            let shown = try await desk.get(booked.location ?? "")
            #expect(shown.body.contains("Booked for Tue 24 Nov at 10:00 a.m."), "the save says it saved, and when")
            let appointment = try #require(try await appointments.list(window: week).first)
            let mailAfterBooking = try await Self.mailQueued(fixture)
            let moved = try await desk.post("/calendar/appointments/\(appointment.id)/move", ["when": "2026-11-19T10:00"])
            #expect(moved.status == .unprocessableContent && moved.body.contains("Thursday 19 November 2026 at 10:00 a.m. has already passed."))
            #expect(try await appointments.find(id: appointment.id)?.start == appointment.start)
            #expect(try await Self.mailQueued(fixture) == mailAfterBooking, "no \"Appointment changed\" email")

            // The explicit way: recorded as arrived, audited, and no email queued.
            try await desk.get(calendar)
            try await desk.get("/calendar/past?location=\(setup.location.id)")
            let future = try await desk.post("/calendar/past", ["location": setup.location.id, "pastClient": fixture.clientB.id, "pastService": setup.service.id,
                                                                "pastTherapist": fixture.therapist.id, "pastDate": "2026-11-21", "pastTime": "10:00"])
            #expect(future.status == .unprocessableContent && future.body.contains("id=\"pastTime-error\"") && future.body.contains("has not come yet"))
            #expect(future.body.contains("value=\"2026-11-21\""), "what was typed is kept")
            let recorded = try await desk.post("/calendar/past", ["location": setup.location.id, "pastClient": fixture.clientB.id, "pastService": setup.service.id,
                                                                  "pastTherapist": fixture.therapist.id, "pastDate": "2026-11-19", "pastTime": "10:00"])
            #expect(recorded.status == .seeOther)
            let thatDay = try await desk.get(recorded.location ?? "")
            #expect(thatDay.body.contains("Past visit recorded and marked arrived. No email was sent."))
            #expect(thatDay.body.contains("/calendar/past?location=\(setup.location.id)&amp;pastDate=2026-11-19"), "the day shown is offered for the next one")
            let visit = try #require(try await appointments.list(window: week, clientId: fixture.clientB.id).first)
            #expect(visit.status == .arrived && visit.start == RFC3339.parse("2026-11-19T10:00:00-05:00"))
            #expect(try await Self.mailQueued(fixture) == mailAfterBooking, "recording a past visit emails nobody")
            #expect(try await fixture.audit(client: fixture.clientB.id).contains { $0.action == .create && $0.detail.contains("past visit recorded") })

            // The same therapist cannot have been with two clients at once.
            try await desk.get(calendar)
            let overlap = try await desk.post("/calendar/past", ["location": setup.location.id, "pastClient": fixture.clientA.id, "pastService": setup.service.id,
                                                                 "pastTherapist": fixture.therapist.id, "pastDate": "2026-11-19", "pastTime": "10:30"])
            #expect(overlap.status == .conflict && overlap.body.contains("already has an appointment"))
        }
    }
}
