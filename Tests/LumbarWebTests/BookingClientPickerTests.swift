import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import Testing
import TestSupport

/// The calendar's booking forms find the client with the type-ahead client picker (and its Find button without
/// script), and a New client button comes back to the same booking with the new client chosen.
@Suite struct BookingClientPickerTests {
    static func base(_ setup: BookingAPITests.Setup) -> [String: String] {
        ["location": setup.location.id, "service": setup.service.id, "therapist": setup.fixture.therapist.id, "date": "2026-11-24", "time": "10:30", "weeks": "2"]
    }

    /// The client a registration that went back to a booking form chose there.
    static func registered(_ page: Browser.Page, _ fixture: WebFixture) async throws -> Client? {
        guard let location = page.location, let range = location.range(of: "lient=") else { return nil }
        let id = location[range.upperBound...].prefix { $0 != "&" }
        guard let client = try await fixture.services.clients.find(id: String(id)), client.lastName == "Gamma" else { return nil }
        return client
    }

    @Test func theBookingPageHasTheTypeAheadPickerAndFindKeepsEverythingTyped() async throws {
        let setup = try await BookingAPITests.setUp()
        let fixture = setup.fixture
        try await fixture.test { client in
            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            let start = try await desk.get("/calendar/new?therapist=\(fixture.therapist.id)&location=\(setup.location.id)&date=2026-11-24&time=10:30")
            #expect(start.status == .ok)
            #expect(start.body.contains("data-client-picker data-field=\"client\""), "the type-ahead picker")
            #expect(start.body.contains("name=\"client-search\"") && start.body.contains("role=\"listbox\""))
            #expect(start.body.contains("<button type=\"submit\" class=\"secondary\" name=\"find\" value=\"1\">Find</button>"), "Find posts the form itself")
            #expect(!start.body.contains("client-choices") && !start.body.contains("name=\"q\""), "the old search form is gone")
            #expect(!start.body.contains("Ada Alpha") && !start.body.contains("Ben Beta"), "no list of every client")
            #expect(HTMLNesting.problems(start.body) == [])

            // Without script: Find sends the whole form, which comes back with the matches and every field as typed.
            let found = try await desk.post("/calendar/book", Self.base(setup).merging(["client-search": "alp", "find": "1"]) { $1 })
            #expect(found.status == .ok)
            #expect(found.body.contains("<input type=\"radio\" name=\"client\" value=\"\(fixture.clientA.id)\" checked>"), "the one match is chosen")
            #expect(!found.body.contains("Ben Beta"))
            #expect(found.body.contains("value=\"alp\""), "the search typed is kept")
            #expect(found.body.contains("id=\"time\" name=\"time\" type=\"time\" value=\"10:30\"") && found.body.contains("id=\"weeks\" name=\"weeks\" type=\"number\" value=\"2\""))
            #expect(found.body.contains("<option value=\"\(fixture.therapist.id)\" selected>") && found.body.contains("<option value=\"\(setup.service.id)\" selected>"))
            #expect(try await fixture.services.appointments.list(window: TimeRange(start: fixture.clock.now, end: fixture.clock.now.adding(seconds: 30 * 86_400))).isEmpty,
                    "Find books nothing")
            let searches = try await fixture.services.audit.entries(AuditFilter(actorId: fixture.frontDesk.id)).filter { $0.detail.hasPrefix("client search") }
            #expect(searches.map(\.detail) == ["client search, 1 found"])

            // Nobody chosen: refused with the reason, the search and the time kept.
            let unchosen = try await desk.post("/calendar/book", Self.base(setup).merging(["client-search": "alp", "client": ""]) { $1 })
            #expect(unchosen.status == .unprocessableContent)
            #expect(unchosen.body.contains(CalendarRoutes.chooseClient) && unchosen.body.contains("value=\"alp\"") && unchosen.body.contains("value=\"10:30\""))

            // The radio chosen, Book books (two weekly visits).
            let booked = try await desk.post("/calendar/book", Self.base(setup).merging(["client-search": "alp", "client": fixture.clientA.id]) { $1 })
            #expect(booked.status == .seeOther)
            let made = try await fixture.services.appointments.list(window: TimeRange(start: fixture.clock.now, end: fixture.clock.now.adding(seconds: 30 * 86_400)))
            #expect(made.count == 2 && made.allSatisfy { $0.clientId == fixture.clientA.id })
            let calendar = try await desk.get(try #require(booked.location))
            #expect(calendar.body.contains("Booked 2 weekly visits: Tue 24 Nov and 1 Dec at 10:30 a.m."), "the series named in the notice")
        }
    }

    @Test func aChosenClientIsShownByNameAndTheReadIsAudited() async throws {
        let setup = try await BookingAPITests.setUp()
        let fixture = setup.fixture
        try await fixture.test { client in
            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            let page = try await desk.get("/calendar/new?location=\(setup.location.id)&client=\(fixture.clientB.id)")
            #expect(page.body.contains("Chosen: <strong>Ben Beta</strong>"))
            #expect(page.body.contains("<input type=\"hidden\" name=\"client\" value=\"\(fixture.clientB.id)\" data-picker-value>"))
            #expect(try await fixture.audit(client: fixture.clientB.id).contains { $0.action == .view && $0.detail == "chosen for a booking" })
        }
    }

    @Test func recordingAPastVisitFindsTheClientTheSameWay() async throws {
        let setup = try await BookingAPITests.setUp()
        let fixture = setup.fixture
        try await fixture.test { client in
            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            let start = try await desk.get("/calendar/past?location=\(setup.location.id)")
            #expect(start.body.contains("data-client-picker data-field=\"pastClient\"") && start.body.contains("name=\"pastClient-search\""))
            let form = ["location": setup.location.id, "pastService": setup.service.id, "pastTherapist": fixture.therapist.id, "pastDate": "2026-11-19", "pastTime": "10:00"]
            let found = try await desk.post("/calendar/past", form.merging(["pastClient-search": "beta", "find": "1"]) { $1 })
            #expect(found.status == .ok)
            #expect(found.body.contains("<input type=\"radio\" name=\"pastClient\" value=\"\(fixture.clientB.id)\" checked>") && !found.body.contains("Ada Alpha"))
            #expect(found.body.contains("value=\"2026-11-19\"") && found.body.contains("value=\"10:00\""))
            let recorded = try await desk.post("/calendar/past", form.merging(["pastClient": fixture.clientB.id]) { $1 })
            #expect(recorded.status == .seeOther)
        }
    }

    @Test func newClientComesBackToTheSameBookingWithTheClientChosen() async throws {
        let setup = try await BookingAPITests.setUp()
        let fixture = setup.fixture
        try await fixture.test { client in
            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            _ = try await desk.get("/calendar/new?location=\(setup.location.id)")
            let leave = try await desk.post("/calendar/book", Self.base(setup).merging(["client-search": "cam", "newClient": "1"]) { $1 })
            #expect(leave.status == .seeOther)
            let registering = try #require(leave.location)
            #expect(registering.hasPrefix("/clients/new?back=%2Fcalendar%2Fnew%3F"))
            let form = try await desk.get(registering)
            #expect(form.status == .ok && form.body.contains("you go back to the booking with them chosen"))
            let back = "/calendar/new?date=2026-11-24&location=\(setup.location.id)&service=\(setup.service.id)&therapist=\(fixture.therapist.id)&time=10%3A30&weeks=2"
            #expect(form.body.contains("<input type=\"hidden\" name=\"back\" value=\"\(back.replacingOccurrences(of: "&", with: "&amp;"))\">"))

            // A refusal keeps the way back; registering goes back with the new client chosen.
            let refused = try await desk.post("/clients", ["firstName": "", "lastName": "Gamma", "back": back])
            #expect(refused.status == .unprocessableContent && refused.body.contains("name=\"back\""))
            let registered = try await desk.post("/clients", ["firstName": "Cam", "lastName": "Gamma", "phone": "416-555-0103", "back": back])
            #expect(registered.status == .seeOther)
            let cam = try #require(try await Self.registered(registered, fixture))
            #expect(registered.location == back + "&client=\(cam.id)&saved=client")
            let booking = try await desk.get(try #require(registered.location))
            #expect(booking.body.contains(CalendarRoutes.registered))
            #expect(booking.body.contains("Chosen: <strong>Cam Gamma</strong>"))
            #expect(booking.body.contains("Tuesday 24 November 2026 at 10:30 a.m. with \(fixture.therapist.name)"))
            #expect(booking.body.contains("<option value=\"\(setup.service.id)\" selected>") && booking.body.contains("value=\"2\""))
            let booked = try await desk.post("/calendar/book", Self.base(setup).merging(["client": cam.id]) { $1 })
            #expect(booked.status == .seeOther)

            // Only the booking forms are gone back to: any other address is ignored.
            for hostile in ["https://evil.example/calendar/new?x=1", "//evil.example/calendar/new", "/calendar/new/../../admin", "/admin?x=1"] {
                let other = try await desk.post("/clients", ["firstName": "Dee", "lastName": "Delta", "back": hostile])
                #expect(other.status == .seeOther && other.location?.hasPrefix("/clients/") == true, "\(hostile)")
            }
        }
    }

    @Test func newClientFromAPastVisitComesBackToIt() async throws {
        let setup = try await BookingAPITests.setUp()
        let fixture = setup.fixture
        try await fixture.test { client in
            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            _ = try await desk.get("/calendar/past?location=\(setup.location.id)")
            let leave = try await desk.post("/calendar/past", ["location": setup.location.id, "pastTime": "09:00", "newClient": "1"])
            let form = try await desk.get(try #require(leave.location))
            #expect(form.body.contains("back to the past visit"))
            let registered = try await desk.post("/clients", ["firstName": "Cam", "lastName": "Gamma", "back": "/calendar/past?location=\(setup.location.id)&pastTime=09%3A00"])
            let cam = try #require(try await Self.registered(registered, fixture))
            #expect(registered.location == "/calendar/past?location=\(setup.location.id)&pastTime=09%3A00&pastClient=\(cam.id)&saved=client")
        }
    }

    @Test func aReturnKeepsOnlyTheBookingFormAndWhatWasFilledIn() {
        let form = FormData(encoded: "_csrf=t&find=1&client=old&client-search=ada&service=s1&time=10%3A30&weeks=&location=L")
        let back = ClientReturn(leaving: "/calendar/new", form)
        #expect(back?.address == "/calendar/new?location=L&service=s1&time=10%3A30")
        #expect(back?.back(chosen: "c9") == "/calendar/new?location=L&service=s1&time=10%3A30&client=c9&saved=client")
        #expect(ClientReturn(leaving: "/clients", form) == nil)
        #expect(ClientReturn("/calendar/new?time=10%3A30%26x%3D%3Cb%3E")?.address == "/calendar/new?time=10%3A30%26x%3D%3Cb%3E", "values re-encoded, not spliced")
        #expect(ClientReturn("") == nil && ClientReturn("https://evil.example/calendar/new") == nil)
    }

    @Test func aSearchFindingSeveralClientsChoosesNoneOfThem() async throws {
        let setup = try await BookingAPITests.setUp()
        let fixture = setup.fixture
        try await fixture.test { client in
            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            _ = try await desk.get("/calendar/new?location=\(setup.location.id)")
            let found = try await desk.post("/calendar/book", Self.base(setup).merging(["client-search": "416-555", "find": "1"]) { $1 })
            #expect(found.body.contains("value=\"\(fixture.clientA.id)\">") && found.body.contains("value=\"\(fixture.clientB.id)\">"))
            #expect(!found.body.contains(" checked>"))
        }
    }

    @Test func aWeeklySeriesIsNamedByItsDates() {
        #expect(CalendarRoutes.weekly(from: LocalDate(iso: "2026-12-02")!, count: 3) == "Wed 2, 9 and 16 Dec")
        #expect(CalendarRoutes.weekly(from: LocalDate(iso: "2026-11-24")!, count: 2) == "Tue 24 Nov and 1 Dec")
        #expect(CalendarRoutes.weekly(from: LocalDate(iso: "2026-12-30")!, count: 3) == "Wed 30 Dec 2026, 6 and 13 Jan 2027")
        #expect(CalendarRoutes.weekly(from: LocalDate(iso: "2026-11-18")!, count: 4) == "Wed 18, 25 Nov, 2 and 9 Dec")
        let query = FormData(encoded: "saved=booked&visits=3&time=10%3A00&date=2026-12-02")
        #expect(CalendarRoutes.bookedSeries(query) == "Booked 3 weekly visits: Wed 2, 9 and 16 Dec at 10:00 a.m. The client is emailed a confirmation if we have their address.")
        #expect(CalendarRoutes.bookedSeries(FormData(encoded: "saved=booked&date=2026-12-02")) == nil, "without the visits, the plain notice")
        #expect(CalendarRoutes.bookedSeries(FormData(encoded: "saved=booked&visits=1&time=10%3A00&date=2026-12-02"))?.hasPrefix("Booked for Wed 2 Dec at 10:00 a.m. ") == true)
        #expect(CalendarRoutes.bookedSeries(FormData(encoded: "saved=booked&visits=999&time=10%3A00&date=2026-12-02")) == nil)
    }
}
