import Foundation
import HTTPTypes
import Hummingbird
import LumbarClinic
import LumbarCore
@testable import LumbarWeb
import Testing
import TestSupport

/// The appointment page marks a client arrived or a no-show only when the clock allows, asks before a no-show, and
/// lets a mistake be taken back on the day, unless money was already taken for the visit.
@Suite struct AttendanceWebTests {
    @Test func aVisitIsMarkedOnlyWhenItsTimeComesAndAMistakeIsTakenBackTheSameDay() async throws {
        // The evening before: 6 p.m. in Toronto.
        let setup = try await BookingAPITests.setUp(clockAt: "2026-11-23T23:00:00Z")
        let fixture = setup.fixture
        let visit = try await CalendarPageTests.book(setup, "2026-11-24T10:00:00-05:00")
        let paid = try await CalendarPageTests.book(setup, "2026-11-24T11:30:00-05:00", client: fixture.clientB)
        let appointments = fixture.services.appointments
        try await fixture.test { client in
            func signedIn() async throws -> Browser {
                let desk = Browser(client)
                _ = try await desk.signIn("desk@example.com")
                return desk
            }
            let evening = try await signedIn()
            let early = try await evening.get("/calendar/appointments/\(visit.id)")
            #expect(!early.body.contains("value=\"arrived\"") && !early.body.contains("/no-show\""), "neither mark is offered the evening before")
            #expect(early.body.contains("only on the day of their visit: Tue 24 Nov."))
            let refused = try await evening.post("/calendar/appointments/\(visit.id)/status", ["status": "arrived"])
            #expect(refused.status == .conflict && refused.body.contains("only on the day of their visit"))
            #expect(try await evening.post("/calendar/appointments/\(visit.id)/no-show", [:]).status == .conflict)
            #expect(try await appointments.find(id: visit.id)?.status == .booked)

            // 9:10 a.m.: the client walks in early; a wrong tap is taken back.
            fixture.clock.advance(seconds: 15 * 3600 + 10 * 60)
            var desk = try await signedIn()
            #expect(try await desk.get("/calendar/appointments/\(visit.id)").body.contains("value=\"arrived\""))
            let arrived = try await desk.post("/calendar/appointments/\(visit.id)/status", ["status": "arrived"])
            #expect(arrived.location == "/calendar/appointments/\(visit.id)?saved=arrived")
            let marked = try await desk.get(arrived.location ?? "")
            #expect(marked.body.contains("Marked arrived.") && marked.body.contains("Take back “arrived”") && marked.body.contains("Take payment"))
            let undone = try await desk.post("/calendar/appointments/\(visit.id)/status", ["status": "undo"])
            #expect(undone.location == "/calendar/appointments/\(visit.id)?saved=undone")
            #expect(try await appointments.find(id: visit.id)?.status == .booked)
            #expect(try await desk.get(undone.location ?? "").body.contains("Taken back: the appointment is booked again."))

            // A no-show waits for 10:00, then asks first.
            let tooSoon = try await desk.get("/calendar/appointments/\(visit.id)/no-show")
            #expect(tooSoon.status == .conflict && tooSoon.body.contains("only once their time has come"))
            fixture.clock.advance(seconds: 55 * 60)
            desk = try await signedIn()  // a session idle for most of an hour has ended
            let ask = try await desk.get("/calendar/appointments/\(visit.id)/no-show")
            #expect(ask.status == .ok && ask.body.contains("Mark \(fixture.clientA.fullName) as a no-show?"))
            #expect(try await appointments.find(id: visit.id)?.status == .booked, "asking changes nothing")
            #expect(try await desk.post("/calendar/appointments/\(visit.id)/no-show", [:]).status == .seeOther)
            #expect(try await appointments.find(id: visit.id)?.status == .noShow)

            // Paid for: the arrival stays.
            #expect(try await desk.post("/calendar/appointments/\(paid.id)/status", ["status": "arrived"]).status == .seeOther)
            try await desk.get("/clients/\(fixture.clientB.id)/billing")
            // Marking the arrival issued the visit's invoice; the desk takes the payment on it.
            let invoice = try #require(try await fixture.services.billing.ledger(clientId: fixture.clientB.id).standing(appointmentId: paid.id))
            #expect(try await desk.post("/clients/\(fixture.clientB.id)/invoices/\(invoice.id)/payments", ["amount": "135.60", "method": "debit"]).status == .seeOther)
            let keptPaid = try await desk.post("/calendar/appointments/\(paid.id)/status", ["status": "undo"])
            #expect(keptPaid.status == .conflict && keptPaid.body.contains("A payment or receipt is already recorded"))
            #expect(try await appointments.find(id: paid.id)?.status == .arrived)

            // The next day the no-show stands.
            fixture.clock.advance(seconds: 20 * 3600)
            let nextDay = try await signedIn()
            let page = try await nextDay.get("/calendar/appointments/\(visit.id)")
            #expect(!page.body.contains("value=\"undo\"") && page.body.contains("only on the day of the visit"))
            #expect(try await nextDay.post("/calendar/appointments/\(visit.id)/status", ["status": "undo"]).status == .conflict)
            #expect(try await appointments.find(id: visit.id)?.status == .noShow)
        }
    }
}
