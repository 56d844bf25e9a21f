import Foundation
import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import Testing
import TestSupport

/// The calendar's markup nests as HTML allows (the W3C validator found a `<form>` inside a `<span>`), and every
/// print view has a `main` landmark.
@Suite struct CalendarMarkupTests {
    @Test func theNestingCheckFindsWhatTheValidatorFound() {
        #expect(HTMLNesting.problems("<td><span class=\"appt\"><form method=\"post\"><button>Go</button></form></span></td>") == ["<form> inside <span>"])
        #expect(HTMLNesting.problems("<p>Text <div>block</div></p>").contains("<div> inside <p>"))
        #expect(HTMLNesting.problems("<div><span>a</div></span>").count == 2, "tags closed out of order")
        #expect(HTMLNesting.problems("<td><div class=\"appt\"><strong>10:00</strong> <a href=\"/\">Ada</a><form><input name=\"x\"><button>Go</button></form></div></td>").isEmpty)
    }

    @Test func theCalendarWithAppointmentsToActOnNestsSoundly() async throws {
        let setup = try await BookingAPITests.setUp()
        let fixture = setup.fixture
        _ = try await BookingService(services: fixture.services).book(
            clientId: fixture.clientA.id, serviceId: setup.service.id, locationId: setup.location.id, therapistId: fixture.therapist.id,
            starts: [RFC3339.parse("2026-11-24T10:00:00-05:00")!], bookedBy: fixture.frontDesk, channel: .staff)
        try await fixture.test { client in
            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            for view in ["day", "week"] {
                let page = try await desk.get("/calendar?location=\(setup.location.id)&date=2026-11-24&view=\(view)")
                #expect(page.status == .ok)
                #expect(page.body.contains("<a href=\"/calendar/appointments/"), "each appointment opens its own page")
                #expect(HTMLNesting.problems(page.body) == [], "\(view) view")
            }
            let appointment = try #require(try await fixture.services.appointments.list(window: TimeRange(start: fixture.clock.now, end: fixture.clock.now.adding(seconds: 30 * 86_400))).first)
            for path in ["", "/cancel", "/reschedule"] {
                let page = try await desk.get("/calendar/appointments/\(appointment.id)\(path)")
                #expect(page.status == .ok && HTMLNesting.problems(page.body) == [], "details\(path)")
            }
        }
    }

    @Test func printViewsHaveAMainLandmark() async throws {
        let setup = try await BookingAPITests.setUp(clockAt: "2026-11-20T14:00:00Z")
        let seed = try await AuthorizationMatrixTests.seed(setup)
        let ada = try #require(seed.ids["client"]), receipt = try #require(seed.ids["receipt"])
        try await setup.fixture.test { client in
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            var pages: [String: Browser.Page] = [:]
            for path in ["/clients/\(ada)/record", "/clients/\(ada)/program/print", "/receipts/\(receipt)"] {
                pages[path] = try await theo.get(path)
            }
            try await theo.get("/clients/\(ada)/referral-letter")
            pages["referral letter"] = try await theo.post("/clients/\(ada)/referral-letter", ["recipient": "Dr. Rivera", "reason": "Low back pain for six weeks."])
            for (name, page) in pages {
                #expect(page.status == .ok, "\(name)")
                #expect(page.body.contains("<main>") && page.body.contains("</main>"), "\(name) has a main landmark")
                #expect(HTMLNesting.problems(page.body) == [], "\(name)")
            }
            #expect(pages["referral letter"]?.body.contains("Dr. Rivera") == true, "the printable letter, not the form")
        }
    }
}
