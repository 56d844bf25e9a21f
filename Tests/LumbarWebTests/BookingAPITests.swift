import Foundation
import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import NIOCore
import Testing
import TestSupport

/// Availability and booking through the API: daylight saving, races, cancellations, mail.
@Suite struct BookingAPITests {
    struct Setup {
        let fixture: WebFixture
        let location: Location
        let service: BookableService
        let token = "lmb_desk"
    }

    /// A Toronto location open 09:00–17:00 every day for Theo, a 60-minute service with 15 minutes' turnover.
    static func setUp(_ engine: Database.Engine = .sqlite, clockAt: String = "2026-11-20T12:00:00Z") async throws -> Setup {
        let fixture = try await WebFixture.make(engine)
        let scheduling = fixture.services.scheduling
        let location = try await scheduling.addLocation(name: "Main", address: "12 King St W", timeZone: "America/Toronto", rooms: [], at: fixture.clock.now)
        let service = try await scheduling.addService(BookableService(id: "", name: "Massage, 60 minutes", minutes: 60, bufferMinutes: 15,
                                                                      priceCents: 12_000, taxBasisPoints: 1300, bookableOnline: true, audience: .any))
        let day = [WeeklyHours.Span(start: WallTime("09:00")!, end: WallTime("17:00")!)!]
        try await scheduling.setHours(therapistId: fixture.therapist.id, locationId: location.id, WeeklyHours(days: Array(repeating: day, count: 7)))
        try await scheduling.setRules(BookingRules(cancellationWindowHours: 24, lateCancellationFeeCents: 4_000))
        _ = try await fixture.services.apiTokens.create(accountId: fixture.frontDesk.id, name: "desk", tokenHash: Secrets.hash("lmb_desk"), at: fixture.clock.now)
        let iso = ISO8601DateFormatter()
        let target = Instant(milliseconds: Int64(iso.date(from: clockAt)!.timeIntervalSince1970 * 1000))
        fixture.clock.advance(seconds: (target.milliseconds - fixture.clock.now.milliseconds) / 1000)
        return Setup(fixture: fixture, location: location, service: service)
    }

    static func json(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any]) ?? [:]
    }

    static func get(_ client: any TestClientProtocol, _ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer lmb_desk"])
    }

    static func post(_ client: any TestClientProtocol, _ uri: String, _ body: [String: Any]) async throws -> TestResponse {
        try await post(client, uri, text: String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self))
    }

    static func post(_ client: any TestClientProtocol, _ uri: String, text: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .post, headers: [.authorization: "Bearer lmb_desk", .contentType: "application/json"],
                                 body: ByteBuffer(string: text))
    }

    static let dstCases = TestDatabase.engines.flatMap { engine in ["2026-03-08", "2026-11-01"].map { (engine, $0) } }

    @Test(arguments: dstCases)
    func daylightSavingDaysShowTheUsualTimes(_ engine: Database.Engine, _ day: String) async throws {
        let setup = try await Self.setUp(engine, clockAt: "2026-01-05T12:00:00Z")
        try await setup.fixture.test { client in
            let base = "/api/v1/availability?serviceId=\(setup.service.id)&locationId=\(setup.location.id)"
            let usual = Self.json(try await Self.get(client, base + "&from=2026-03-04&to=2026-03-04"))["slots"] as? [[String: Any]] ?? []
            let changeover = Self.json(try await Self.get(client, base + "&from=\(day)&to=\(day)"))["slots"] as? [[String: Any]] ?? []
            let times = { (slots: [[String: Any]]) in slots.map { String(($0["start"] as! String).dropFirst(11).prefix(5)) } }
            #expect(!usual.isEmpty)
            #expect(times(changeover) == times(usual))
            #expect((changeover.first?["start"] as? String)?.hasPrefix("\(day)T09:00:00-0") == true)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func twentySimultaneousRequestsBookOnce(engine: Database.Engine) async throws {
        let setup = try await Self.setUp(engine)
        try await setup.fixture.test { client in
            let body = String(decoding: try JSONSerialization.data(withJSONObject: [
                "clientId": setup.fixture.clientA.id, "serviceId": setup.service.id, "locationId": setup.location.id, "start": "2026-11-25T10:00:00-05:00",
            ]), as: UTF8.self)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<20 { group.addTask { try await Self.post(client, "/api/v1/appointments", text: body).status.code } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 201 }.count == 1)
            let loser = try await Self.post(client, "/api/v1/appointments", text: body)
            #expect(loser.status == .conflict)
            let fresh = (Self.json(loser)["slots"] as? [[String: Any]] ?? []).map { $0["start"] as! String }
            #expect(fresh.contains("2026-11-25T11:15:00-05:00"), "the loser of a race gets the day's free times")
            #expect(statuses.allSatisfy { $0 == 201 || $0 == 409 }, "every loser is told the time was taken")
            let window = TimeRange(start: setup.fixture.clock.now, end: setup.fixture.clock.now.adding(seconds: 30 * 86_400))
            #expect(try await setup.fixture.services.appointments.list(window: window).count == 1)
            let after = Self.json(try await Self.get(client, "/api/v1/availability?serviceId=\(setup.service.id)&locationId=\(setup.location.id)&from=2026-11-25&to=2026-11-25"))
            let starts = (after["slots"] as? [[String: Any]] ?? []).map { $0["start"] as! String }
            #expect(!starts.contains("2026-11-25T10:00:00-05:00"))
            #expect(!starts.contains("2026-11-25T11:00:00-05:00"), "the 15-minute buffer keeps 11:00 free for turnover")
            #expect(starts.contains("2026-11-25T11:15:00-05:00"))
        }
    }

    @Test func bookingQueuesConfirmationWithCalendarAndLateCancellationCharges() async throws {
        let setup = try await Self.setUp()
        try await setup.fixture.test { client in
            let created = try await Self.post(client, "/api/v1/appointments", [
                "clientId": setup.fixture.clientA.id, "serviceId": setup.service.id, "locationId": setup.location.id, "start": "2026-11-20T15:00:00-05:00",
            ])
            #expect(created.status == .created)
            let id = ((Self.json(created)["appointments"] as? [[String: Any]])?.first?["id"] as? String) ?? ""
            let delivery = OutboxDelivery(services: setup.fixture.services, interval: .seconds(60))
            #expect(await delivery.deliverDue() == 1)
            let mail = setup.fixture.mailer.messages.last
            #expect(mail?.to == "ada@example.com")
            #expect(mail?.body.contains("Friday 20 November 2026 at 3:00 p.m.") == true)
            #expect(mail?.calendar?.contains("DTSTART:20261120T200000Z") == true)
            #expect(await delivery.deliverDue() == 0, "never sent twice")
            // The clock says 2026-11-20 12:00 UTC, 8 hours before, so this is a late cancellation with the fee.
            let cancelled = try await Self.post(client, "/api/v1/appointments/\(id)/cancel", [:])
            #expect(Self.json(cancelled)["status"] as? String == "late-cancelled")
            #expect(Self.json(cancelled)["feeCents"] as? Int == 4_000)
            #expect(await delivery.deliverDue() == 1)
            #expect(setup.fixture.mailer.messages.last?.calendar?.contains("METHOD:CANCEL") == true)
        }
    }

    @Test func weeklySeriesIsCheckedWholeBeforeSaving() async throws {
        let setup = try await Self.setUp()
        try await setup.fixture.test { client in
            let single = try await Self.post(client, "/api/v1/appointments", [
                "clientId": setup.fixture.clientB.id, "serviceId": setup.service.id, "locationId": setup.location.id, "start": "2026-12-09T10:00:00-05:00",
            ])
            #expect(single.status == .created)
            let series = try await Self.post(client, "/api/v1/appointments", [
                "clientId": setup.fixture.clientA.id, "serviceId": setup.service.id, "locationId": setup.location.id,
                "start": "2026-11-25T10:00:00-05:00", "weeks": 6,
            ])
            #expect(series.status == .unprocessableContent)
            #expect(String(buffer: series.body).contains("Wednesday 9 December 2026 at 10:00"))
            let window = TimeRange(start: setup.fixture.clock.now, end: setup.fixture.clock.now.adding(seconds: 90 * 86_400))
            #expect(try await setup.fixture.services.appointments.list(window: window, clientId: setup.fixture.clientA.id).isEmpty)
            let fine = try await Self.post(client, "/api/v1/appointments", [
                "clientId": setup.fixture.clientA.id, "serviceId": setup.service.id, "locationId": setup.location.id,
                "start": "2026-11-25T11:30:00-05:00", "weeks": 6,
            ])
            #expect(fine.status == .created)
            #expect((Self.json(fine)["appointments"] as? [[String: Any]])?.count == 6)
        }
    }

    @Test func rescheduleAndBadInput() async throws {
        let setup = try await Self.setUp()
        try await setup.fixture.test { client in
            let created = try await Self.post(client, "/api/v1/appointments", [
                "clientId": setup.fixture.clientA.id, "serviceId": setup.service.id, "locationId": setup.location.id, "start": "2026-11-26T10:00:00-05:00",
            ])
            let id = ((Self.json(created)["appointments"] as? [[String: Any]])?.first?["id"] as? String) ?? ""
            let moved = try await Self.post(client, "/api/v1/appointments/\(id)/reschedule", ["start": "2026-11-26T14:00:00-05:00"])
            #expect(moved.status == .ok)
            #expect(Self.json(moved)["start"] as? String == "2026-11-26T14:00:00-05:00")
            let outside = try await Self.post(client, "/api/v1/appointments/\(id)/reschedule", ["start": "2026-11-26T20:00:00-05:00"])
            #expect(outside.status == .unprocessableContent)
            let noOffset = try await Self.post(client, "/api/v1/appointments", [
                "clientId": setup.fixture.clientA.id, "serviceId": setup.service.id, "locationId": setup.location.id, "start": "2026-11-26T10:00:00",
            ])
            #expect(noOffset.status == .unprocessableContent)
            #expect(try await Self.get(client, "/api/v1/availability?serviceId=nope&locationId=\(setup.location.id)&from=2026-11-26&to=2026-11-26").status == .notFound)
            #expect(try await Self.get(client, "/api/v1/availability?serviceId=\(setup.service.id)&locationId=\(setup.location.id)&from=2026-13-01&to=2026-11-26").status == .unprocessableContent)
        }
    }

    /// Requests the generated API cannot read (found by fuzzing: they were 500s) get 4xx naming the field, and a
    /// method an API address does not take gets 405 with Allow.
    @Test func unreadableRequestsNameTheField() async throws {
        let setup = try await Self.setUp()
        try await setup.fixture.test { client in
            func problems(_ response: TestResponse) -> [String] {
                ((Self.json(response)["problems"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String }
            }
            let noDates = try await Self.get(client, "/api/v1/availability?serviceId=\(setup.service.id)&locationId=\(setup.location.id)&from=2026-11-26")
            #expect(noDates.status == .badRequest)
            #expect(problems(noDates) == ["to"])
            let noBody = try await client.execute(uri: "/api/v1/appointments", method: .post, headers: [.authorization: "Bearer lmb_desk"])
            #expect(noBody.status == .badRequest)
            #expect(problems(noBody) == ["body"])
            let broken = try await Self.post(client, "/api/v1/appointments", text: "{\"clientId\": ")
            #expect(broken.status == .badRequest)
            #expect(problems(broken) == ["body"])
            let wrongType = try await Self.post(client, "/api/v1/appointments", text: #"{"clientId": 7, "serviceId": "s", "locationId": "l", "start": "x"}"#)
            #expect(wrongType.status == .badRequest)
            #expect(problems(wrongType) == ["clientId"])
            let text = try await client.execute(uri: "/api/v1/appointments/abc/reschedule", method: .post,
                                                headers: [.authorization: "Bearer lmb_desk", .contentType: "text/plain"], body: ByteBuffer(string: "hi"))
            #expect(text.status == .unsupportedMediaType)
            let longSearch = try await Self.get(client, "/api/v1/clients?q=" + String(repeating: "a", count: 101))
            #expect(longSearch.status == .badRequest)
            #expect(problems(longSearch) == ["q"])
            let delete = try await client.execute(uri: "/api/v1/clients/abc", method: .delete, headers: [.authorization: "Bearer lmb_desk"])
            #expect(delete.status == .methodNotAllowed)
            #expect(delete.headers[.allow] == "GET")
            #expect(try await client.execute(uri: "/api/v1/nowhere", method: .delete, headers: [.authorization: "Bearer lmb_desk"]).status == .notFound)
        }
    }

    /// Random picks from what availability offers are always bookable, on both engines, across a DST change.
    @Test(arguments: TestDatabase.engines)
    func everyOfferedSlotCanBeBooked(engine: Database.Engine) async throws {
        let setup = try await Self.setUp(engine, clockAt: "2026-10-28T12:00:00Z")
        try await setup.fixture.test { client in
            var generator = AssessmentSampler(seed: 11)
            for round in 0..<12 {
                let day = ["2026-10-31", "2026-11-01", "2026-11-02"][round % 3]
                let offered = Self.json(try await Self.get(client, "/api/v1/availability?serviceId=\(setup.service.id)&locationId=\(setup.location.id)&from=\(day)&to=\(day)"))
                let slots = offered["slots"] as? [[String: Any]] ?? []
                guard !slots.isEmpty else { continue }
                let pick = slots[generator.int(0...(slots.count - 1))]["start"] as! String
                let clientId = round % 2 == 0 ? setup.fixture.clientA.id : setup.fixture.clientB.id
                let booked = try await Self.post(client, "/api/v1/appointments", [
                    "clientId": clientId, "serviceId": setup.service.id, "locationId": setup.location.id, "start": pick,
                ])
                #expect(booked.status == .created, "offered \(pick) could not be booked")
            }
        }
    }

    @Test func remindersAreQueuedOnceADayAhead() async throws {
        let setup = try await Self.setUp()
        try await setup.fixture.test { client in
            let created = try await Self.post(client, "/api/v1/appointments", [
                "clientId": setup.fixture.clientA.id, "serviceId": setup.service.id, "locationId": setup.location.id, "start": "2026-11-24T10:00:00-05:00",
            ])
            #expect(created.status == .created)
            let booking = BookingService(services: setup.fixture.services)
            #expect(try await booking.queueReminders() == 0, "four days ahead: too early")
            setup.fixture.clock.advance(seconds: 3 * 86_400 + 4 * 3600)  // 2026-11-23 16:00 UTC, 23 hours before
            #expect(try await booking.queueReminders() == 1)
            #expect(try await booking.queueReminders() == 0, "never twice")
            let delivery = OutboxDelivery(services: setup.fixture.services, interval: .seconds(60))
            _ = await delivery.deliverDue()
            #expect(setup.fixture.mailer.messages.contains {
                $0.subject.hasPrefix("Reminder:") && $0.body.contains("Tuesday 24 November 2026 at 10:00") && $0.calendar?.contains("BEGIN:VEVENT") == true
            })
        }
    }

    @Test func therapistFeedIsPrivateRevocableAndNonClinical() async throws {
        let setup = try await Self.setUp()
        try await setup.fixture.test { client in
            _ = try await Self.post(client, "/api/v1/appointments", [
                "clientId": setup.fixture.clientA.id, "serviceId": setup.service.id, "locationId": setup.location.id, "start": "2026-11-25T10:00:00-05:00",
            ])
            let browser = Browser(client)
            _ = try await browser.signIn("theo@example.com")
            try await browser.get("/account")
            let created = try await browser.post("/account/calendar-feed", [:])
            let body = created.body
            let path = String(body[body.range(of: "/feeds/")!.lowerBound...].prefix { $0 != " " && $0 != "<" })
            let feed = try await client.execute(uri: path, method: .get)
            #expect(feed.status == .ok)
            let text = String(buffer: feed.body)
            #expect(text.contains("SUMMARY:Massage\\, 60 minutes – Ada A."))
            #expect(!text.contains("Hypertonic"), "no clinical notes in a feed")
            try await browser.get("/account")
            _ = try await browser.post("/account/calendar-feed/revoke", [:])
            #expect(try await client.execute(uri: path, method: .get).status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func freedTimeIsOfferedToTheFirstWaitingClientAndHeld(engine: Database.Engine) async throws {
        let setup = try await Self.setUp(engine)
        let fixture = setup.fixture
        // One slot a day (09:00), and the therapist away until the 25th.
        let day = [WeeklyHours.Span(start: WallTime("09:00")!, end: WallTime("10:00")!)!]
        let away = TimeRange(start: fixture.clock.now, end: fixture.clock.now.adding(seconds: 5 * 86_400))
        try await fixture.services.scheduling.setHours(therapistId: fixture.therapist.id, locationId: setup.location.id,
                                                       WeeklyHours(days: Array(repeating: day, count: 7)))
        try await fixture.services.scheduling.addTimeOff(therapistId: fixture.therapist.id, away, note: "away")
        try await fixture.test { client in
            func book(_ clientId: String, _ start: String) async throws -> String {
                let response = try await Self.post(client, "/api/v1/appointments", [
                    "clientId": clientId, "serviceId": setup.service.id, "locationId": setup.location.id, "start": start,
                ])
                #expect(response.status == .created)
                return ((Self.json(response)["appointments"] as? [[String: Any]])?.first?["id"] as? String) ?? ""
            }
            let ada = try await book(fixture.clientA.id, "2026-11-25T09:00:00-05:00")
            let ben = try await book(fixture.clientB.id, "2026-11-26T09:00:00-05:00")
            let benBrowser = Browser(client)
            let signedIn = try await benBrowser.signIn("ben@example.com")
            #expect(signedIn.location == "/", "\(signedIn.status) \(signedIn.body.prefix(300))")
            let me = try await benBrowser.get("/me")
            #expect(me.status == .ok, "\(me.status) \(me.location ?? "") \(me.body.prefix(300))")
            let joined = try await benBrowser.post("/me/appointments/\(ben)/waitlist", [:])
            #expect(joined.location == "/me?waitlist=1", "\(joined.status) \(joined.body.prefix(400))")
            let waitlist = WaitlistService(services: fixture.services.clinicServices)
            #expect(try await waitlist.process() == 0, "nothing earlier is free yet")
            _ = try await Self.post(client, "/api/v1/appointments/\(ada)/cancel", [:])
            #expect(try await waitlist.process() == 1)
            #expect(try await waitlist.process() == 0, "one offer per freed time")
            // The held time is not offered to anyone else meanwhile.
            let others = Self.json(try await Self.get(client, "/api/v1/availability?serviceId=\(setup.service.id)&locationId=\(setup.location.id)&from=2026-11-25&to=2026-11-25"))
            #expect((others["slots"] as? [[String: Any]] ?? []).isEmpty)
            _ = await OutboxDelivery(services: fixture.services, interval: .seconds(60)).deliverDue()
            let offer = fixture.mailer.messages.first { $0.subject == "An earlier time is available" }
            #expect(offer?.to == "ben@example.com")
            let body = offer?.body ?? ""
            guard let found = body.range(of: "/waitlist/") else { return }
            let link = String(body[found.lowerBound...].prefix { !$0.isWhitespace })
            #expect(try await benBrowser.get(link).status == .ok)
            #expect(try await benBrowser.post(link + "/accept", [:]).location == "/me?booked=1")
            let moved = try await fixture.services.appointments.find(id: ben)
            #expect(moved?.start == RFC3339.parse("2026-11-25T09:00:00-05:00"))
            #expect(try await benBrowser.get(link).status == .gone, "an offer is used once")
        }
    }

    @Test func onlineSignUpsFromOneAddressAreLimited() async throws {
        let setup = try await Self.setUp(clockAt: "2026-11-20T12:00:00Z")
        try await setup.fixture.test { client in
            let slots = Self.json(try await Self.get(client, "/api/v1/availability?serviceId=\(setup.service.id)&locationId=\(setup.location.id)&from=2026-11-24&to=2026-11-27"))
            // Times far enough apart (60 minutes plus 15 of turnover) that each sign-up can book its own.
            var starts: [Instant] = []
            for start in (slots["slots"] as? [[String: Any]] ?? []).compactMap({ RFC3339.parse($0["start"] as! String) })
            where starts.last.map({ start.milliseconds - $0.milliseconds >= 75 * 60_000 }) ?? true {
                starts.append(start)
            }
            let browser = Browser(client)
            var statuses: [Int] = []
            for index in 0..<11 {
                let query = "service=\(setup.service.id)&location=\(setup.location.id)&start=\(starts[index].milliseconds)"
                try await browser.get("/book/confirm?" + query)
                let page = try await browser.post("/book/confirm", [
                    "service": setup.service.id, "location": setup.location.id, "start": String(starts[index].milliseconds),
                    "firstName": "New", "lastName": "Client \(index)", "email": "new\(index)@example.com", "password": "a long enough passphrase",
                ])
                statuses.append(page.status.code)
                try await browser.get("/me")
                _ = try await browser.post("/logout", [:])
            }
            #expect(statuses.prefix(10).allSatisfy { $0 == 303 }, "\(statuses)")
            #expect(statuses.last == 429, "\(statuses)")
        }
    }
}
