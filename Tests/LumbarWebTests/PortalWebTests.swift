import Foundation
import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import Testing
import TestSupport

/// The client's side: prices with tax, times in the clinic's style, the next free day, and a portal in clients' words.
@Suite struct PortalWebTests {
    /// Words of the staff's pages that must never reach a client's portal.
    static let staffWords = ["Chart notes", "chart note", "the client's first name", "API tokens", "API token", "No notes yet", "Triage", "triage",
                             "Referral:", "Yellow flags", "Technique suggestions", "Record withdrawal", "Assign a therapist", "Start a visit note",
                             "<ol", "America/Toronto", "UTC", "lateCancelled", "noShow", "Hypertonic"]

    static func local(_ text: String) -> Instant { RFC3339.parse(text)! }

    /// An id as the pages' links carry it (percent-encoded, as `ClientBookingRoutes.query` writes it).
    static func linked(_ id: String) -> String { id.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! }

    @Test func thePortalSpeaksToClientsAndCountsSignedNotes() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let (ada, _) = try await IntakeWebTests.submitted(client)
            let before = try await ada.get("/me")
            #expect(before.status == .ok)
            #expect(before.body.contains("No visit notes yet."))
            // Theo signs a visit note: the client's record now holds one, and the portal says so.
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            try await theo.get("/clients/\(fixture.clientA.id)")
            let path = try #require(try await theo.post("/clients/\(fixture.clientA.id)/visits", [:]).location)
            try await theo.get(path)
            try await theo.post(path, pairs: [("painNow", "4"), ("subjective", "Better today"), ("plan", "Weekly."), ("go", "sign")])
            let signed = try await fixture.services.visitNotes.list(clientId: fixture.clientA.id).filter { $0.status == .signed }
            #expect(signed.count == 1)

            let me = try await ada.get("/me")
            #expect(me.status == .ok)
            #expect(me.body.contains("<p id=\"note-count\">1 visit note</p>"))
            #expect(!me.body.contains("No visit notes yet"))
            for word in Self.staffWords { #expect(!me.body.contains(word), "\(word) on the client's portal") }
            // Sections in the order a client looks for them.
            let headings = ["Your next appointments", "Book again", "Your forms", "Your home program", "Receipts", "Your record"]
            let positions = headings.compactMap { me.body.range(of: $0)?.lowerBound }
            #expect(positions.count == headings.count && positions == positions.sorted())
            #expect(me.body.contains("Health intake") && me.body.contains(">Done<"), "the sent intake shows as done")
            #expect(me.body.contains("Consent to assessment and treatment") && me.body.contains("To sign"))
            let audit = try await fixture.audit(client: fixture.clientA.id)
            #expect(audit.contains { $0.actorId == fixture.clientAAccount.id && $0.infoType == .clinical && $0.detail == "visit note list, 1 signed" })
        }
    }

    @Test func bookingShowsThePriceWithTaxAndTimesTheClinicsWay() async throws {
        let setup = try await BookingAPITests.setUp()
        let fixture = setup.fixture
        // Theo, the only therapist with hours, is away all of Tuesday 24 November.
        _ = try await fixture.services.scheduling.addTimeOff(therapistId: fixture.therapist.id,
                                                             TimeRange(start: Self.local("2026-11-24T00:00:00-05:00"), end: Self.local("2026-11-25T00:00:00-05:00")),
                                                             note: "away")
        try await fixture.test { client in
            let visitor = Browser(client)
            let start = try await visitor.get("/book")
            #expect(start.body.contains("$135.60 (includes $15.60 HST)"))
            let base = "/book/times?service=\(setup.service.id)&location=\(setup.location.id)"
            let free = try await visitor.get(base + "&day=2026-11-23")
            #expect(free.body.contains(">9:00 a.m.</a>") && free.body.contains(">12:00 p.m.</a>") && free.body.contains(">3:45 p.m.</a>"))
            #expect(free.body.contains("Monday 23 November") && free.body.contains("Mon 23 Nov"))
            #expect(!free.body.contains("America/Toronto") && !free.body.contains(">09:00<"))
            let full = try await visitor.get(base + "&day=2026-11-24")
            #expect(full.body.contains("Nothing is free on this day"))
            #expect(full.body.contains("Next free day: Wed 25 Nov"))
            #expect(full.body.contains("href=\"/book/times?service=\(Self.linked(setup.service.id))&amp;location=\(Self.linked(setup.location.id))&amp;from=2026%2D11%2D20&amp;day=2026%2D11%2D25\""))

            // The next fortnight is a link away, as far as clients may book ahead; the first fortnight has no earlier one.
            #expect(free.body.contains("Later days →") && !free.body.contains("Earlier days"))
            let later = try await visitor.get(base + "&from=2026-12-04&day=2026-12-04")
            #expect(later.status == .ok && later.body.contains("Fri 4 Dec") && later.body.contains("← Earlier days"))
            #expect(later.body.contains("from=2026%2D12%2D18&amp;day=2026%2D12%2D18\" class=\"day-page\" id=\"later-days\""))
            let rules = try await fixture.services.scheduling.rules()
            let last = LocalDate(iso: "2026-11-20")!.adding(days: rules.maximumAdvanceDays)
            let end = try await visitor.get(base + "&from=\(last.adding(days: -5))&day=\(last.adding(days: -5))")
            #expect(end.status == .ok && !end.body.contains("Later days"), "nothing beyond how far ahead clients may book")

            let at = Self.local("2026-11-25T13:00:00-05:00")
            let confirm = try await visitor.get("/book/confirm?service=\(setup.service.id)&location=\(setup.location.id)&start=\(at.milliseconds)")
            #expect(confirm.body.contains("$135.60 (includes $15.60 HST), paid at the clinic"))
            #expect(confirm.body.contains("Wednesday 25 November at 1:00 p.m."))
            #expect(!confirm.body.contains("America/Toronto") && !confirm.body.contains("13:00"))
        }
    }

    @Test func aClientChangesCancelsAndAddsToTheirCalendar() async throws {
        let setup = try await BookingAPITests.setUp()
        let fixture = setup.fixture
        try await fixture.test { client in
            let ada = Browser(client)
            _ = try await ada.signIn("ada@example.com")
            func book(_ text: String) async throws -> Browser.Page {
                let at = Self.local(text)
                try await ada.get("/book/confirm?service=\(setup.service.id)&location=\(setup.location.id)&start=\(at.milliseconds)")
                return try await ada.post("/book/confirm", ["service": setup.service.id, "location": setup.location.id, "start": String(at.milliseconds)])
            }
            #expect(try await book("2026-11-25T10:00:00-05:00").location == "/me?booked=1")
            #expect(try await book("2026-11-20T15:00:00-05:00").location == "/me?booked=1", "this afternoon, inside the 24-hour window")
            let booked = try await fixture.services.appointments.list(window: TimeRange(start: fixture.clock.now, end: fixture.clock.now.adding(seconds: 30 * 86_400)),
                                                                      clientId: fixture.clientA.id, activeOnly: true).sorted { $0.start < $1.start }
            let (soon, later) = (booked[0], booked[1])
            let me = try await ada.get("/me")
            #expect(me.body.contains("Wed 25 Nov, 10:00 a.m.") && me.body.contains("Fri 20 Nov, 3:00 p.m."))
            #expect(me.body.contains("Less than 24 hours away: to change the time, please call the clinic. Cancelling now costs $40.00."))
            #expect(me.body.contains("reschedule=\(Self.linked(later.id))") && !me.body.contains("reschedule=\(Self.linked(soon.id))"), "a change inside the window is by phone")

            let ics = try await ada.get("/me/appointments/\(later.id)/calendar.ics")
            #expect(ics.status == .ok && ics.headers[.contentType]?.hasPrefix("text/calendar") == true && ics.body.contains("BEGIN:VEVENT"))

            // Changing a time goes through the booking pages, from free times only.
            let times = try await ada.get("/book/times?service=\(setup.service.id)&location=\(setup.location.id)&therapist=\(fixture.therapist.id)&reschedule=\(later.id)&day=2026-11-26")
            #expect(times.body.contains("Choose a new time") && times.body.contains("Booked now: <strong>Wed 25 Nov, 10:00 a.m.</strong>"))
            let moveTo = Self.local("2026-11-26T14:00:00-05:00")
            let query = "service=\(setup.service.id)&location=\(setup.location.id)&therapist=\(fixture.therapist.id)&reschedule=\(later.id)&start=\(moveTo.milliseconds)"
            let linked = ClientBookingRoutes.query([("service", setup.service.id), ("location", setup.location.id), ("therapist", fixture.therapist.id),
                                                    ("reschedule", later.id), ("start", String(moveTo.milliseconds))])
            #expect(times.body.contains(linked.replacingOccurrences(of: "&", with: "&amp;")), "the time is offered from the free times")
            let confirm = try await ada.get("/book/confirm?" + query)
            #expect(confirm.body.contains("Instead of") && confirm.body.contains("Move to this time"))
            let moved = try await ada.post("/book/confirm", ["service": setup.service.id, "location": setup.location.id, "therapist": fixture.therapist.id,
                                                             "reschedule": later.id, "start": String(moveTo.milliseconds)])
            #expect(moved.location == "/me?moved=1")
            #expect(try await fixture.services.appointments.find(id: later.id)?.start == moveTo)

            // Cancelling asks first, and says the fee inside the window.
            let early = try await ada.get("/me/appointments/\(later.id)/cancel")
            #expect(early.body.contains("Cancel this appointment?") && early.body.contains("Cancelling is free"))
            let late = try await ada.get("/me/appointments/\(soon.id)/cancel")
            #expect(late.body.contains("A fee of $40.00 applies."))
            #expect(try await fixture.services.appointments.find(id: soon.id)?.status == .booked, "asking changes nothing")
            #expect(try await ada.post("/me/appointments/\(soon.id)/cancel", [:]).location == "/me?cancelled=1")
            let cancelled = try await fixture.services.appointments.find(id: soon.id)
            #expect(cancelled?.status == .lateCancelled && cancelled?.feeCents == 4_000)

            // Ben cannot see or touch Ada's appointment.
            let ben = Browser(client)
            _ = try await ben.signIn("ben@example.com")
            #expect(try await ben.get("/me/appointments/\(later.id)/cancel").status == .notFound)
            #expect(try await ben.get("/book/times?service=\(setup.service.id)&location=\(setup.location.id)&reschedule=\(later.id)").status == .notFound)
        }
    }
}
