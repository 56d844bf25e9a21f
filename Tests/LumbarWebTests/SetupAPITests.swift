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

/// The clinic's set-up through the API: the owner's token only, bad bodies named field by field, every write audited,
/// and a clinic set up through the API offers a bookable time.
@Suite struct SetupAPITests {
    struct Setup {
        let fixture: WebFixture
        let location: Location
    }

    /// The booking fixture's clinic (a Toronto location, Theo's hours, the desk's token) plus tokens for the owner and Theo.
    static func setUp(_ engine: Database.Engine = .sqlite) async throws -> Setup {
        let booking = try await BookingAPITests.setUp(engine)
        let fixture = booking.fixture
        for (account, token) in [(fixture.owner, "lmb_owner"), (fixture.therapist, "lmb_theo")] {
            _ = try await fixture.services.apiTokens.create(accountId: account.id, name: "t", tokenHash: Secrets.hash(token), at: fixture.clock.now)
        }
        return Setup(fixture: fixture, location: booking.location)
    }

    static func call(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, token: String = "lmb_owner",
                     _ body: Any? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.authorization: "Bearer \(token)"]
        var buffer: ByteBuffer?
        if let body {
            headers[.contentType] = "application/json"
            buffer = ByteBuffer(bytes: Array(try JSONSerialization.data(withJSONObject: body)))
        }
        return try await client.execute(uri: uri, method: method, headers: headers, body: buffer)
    }

    static func json(_ response: TestResponse) -> [String: Any] { BookingAPITests.json(response) }
    static func fields(_ response: TestResponse) -> [String] { APIStrictJSONTests.fields(response) }

    static func day(_ shifts: [(String, String)], breaks: [(String, String)] = []) -> [String: Any] {
        ["shifts": shifts.map { ["start": $0.0, "end": $0.1] }, "breaks": breaks.map { ["start": $0.0, "end": $0.1] }]
    }

    static var closed: [String: Any] { day([]) }

    /// Mon-Fri 09:00-17:00 with lunch, Saturday 10:00-14:00, and a split Thursday.
    static var mixedWeek: [String: Any] { [
        "monday": day([("09:00", "17:00")], breaks: [("12:00", "12:30")]), "tuesday": day([("09:00", "17:00")]),
        "wednesday": day([("09:00", "17:00")]), "thursday": day([("08:00", "12:00"), ("15:00", "20:00")]), "friday": day([("09:00", "17:00")]),
        "saturday": day([("10:00", "14:00")]), "sunday": closed,
    ] }

    static var service: [String: Any] {
        ["name": "Massage, 45 minutes", "minutes": 45, "bufferMinutes": 15, "priceCents": 9_500, "taxBasisPoints": 1300, "bookableOnline": true, "audience": "any"]
    }

    @Test func aTherapistsTokenCannotChangeTheSetUp() async throws {
        let setup = try await Self.setUp()
        let fixture = setup.fixture
        let hours = "/api/v1/staff/\(fixture.therapist.id)/hours/\(setup.location.id)"
        try await fixture.test { client in
            let attempts: [(HTTPRequest.Method, String, Any?)] = [
                (.post, "/api/v1/services", Self.service), (.get, "/api/v1/staff", nil), (.get, hours, nil), (.put, hours, Self.mixedWeek),
                (.get, "/api/v1/time-off", nil),
                (.post, "/api/v1/time-off", ["therapistId": fixture.therapist.id, "start": "2026-12-24T00:00:00-05:00", "end": "2026-12-27T00:00:00-05:00"]),
                (.delete, "/api/v1/time-off/none", nil), (.post, "/api/v1/locations", ["name": "x", "address": "x", "timeZone": "UTC", "rooms": []]),
                (.post, "/api/v1/staff", ["name": "x", "email": "x@example.com", "role": "front-desk"]),
            ]
            for token in ["lmb_theo", "lmb_desk"] {
                for (method, uri, body) in attempts {
                    let response = try await Self.call(client, method, uri, token: token, body)
                    #expect(response.status == .forbidden, "\(method) \(uri) with \(token): \(response.status)")
                }
            }
            #expect(try await fixture.services.scheduling.services().count == 1, "nothing was added")
            let week = try await fixture.services.scheduling.hours(locationId: setup.location.id, window: .init(start: fixture.clock.now, end: fixture.clock.now))
            #expect(week[fixture.therapist.id]?.days[6].isEmpty == false, "Theo's Sunday is untouched")
            // The lists every staff token may read stay open to them.
            #expect(try await Self.call(client, .get, "/api/v1/services", token: "lmb_theo").status == .ok)
            #expect(try await Self.call(client, .get, "/api/v1/locations", token: "lmb_desk").status == .ok)
        }
    }

    @Test func aServiceIsCheckedByTheServiceRulesAndAudited() async throws {
        let setup = try await Self.setUp()
        let fixture = setup.fixture
        try await fixture.test { client in
            var bad = Self.service
            bad["name"] = "  "
            bad["minutes"] = 0
            bad["priceCents"] = -5
            bad["taxBasisPoints"] = 20_000
            let refused = try await Self.call(client, .post, "/api/v1/services", bad)
            #expect(refused.status == .unprocessableContent)
            #expect(Self.fields(refused) == ["name", "minutes", "priceCents", "taxBasisPoints"])
            #expect(try await fixture.services.scheduling.services().count == 1)

            var wrongType = Self.service
            wrongType["minutes"] = "forty-five"
            let unreadable = try await Self.call(client, .post, "/api/v1/services", wrongType)
            #expect(unreadable.status == .badRequest)
            #expect(Self.fields(unreadable) == ["minutes"])

            let created = try await Self.call(client, .post, "/api/v1/services", Self.service)
            #expect(created.status == .created)
            #expect(Self.json(created)["priceCents"] as? Int == 9_500)
            #expect(Self.json(created)["retired"] as? Bool == false)
            let listed = (Self.json(try await Self.call(client, .get, "/api/v1/services"))["services"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(listed.contains("Massage, 45 minutes"))
            let audit = try await fixture.services.audit.entries(AuditFilter(actorId: fixture.owner.id))
            #expect(audit.contains { $0.detail == "service added (API)" && $0.action == .change })

            // A second service of the same name (case and spaces aside) is refused: clients could not tell them apart.
            var twin = Self.service
            twin["name"] = " massage, 45 MINUTES "
            let clash = try await Self.call(client, .post, "/api/v1/services", twin)
            #expect(clash.status == .unprocessableContent && Self.fields(clash) == ["name"])
            #expect(try await fixture.services.scheduling.services().count == 2)
        }
    }

    @Test func aWeekOfMixedDaysAndSplitShiftsIsKeptWhole() async throws {
        let setup = try await Self.setUp()
        let fixture = setup.fixture
        let uri = "/api/v1/staff/\(fixture.therapist.id)/hours/\(setup.location.id)"
        try await fixture.test { client in
            let saved = try await Self.call(client, .put, uri, Self.mixedWeek)
            #expect(saved.status == .ok)
            let read = Self.json(try await Self.call(client, .get, uri))
            #expect(NSDictionary(dictionary: read).isEqual(to: Self.mixedWeek), "what was put comes back: \(read)")
            let week = try #require(try await fixture.services.scheduling.hours(locationId: setup.location.id,
                                                                                window: .init(start: fixture.clock.now, end: fixture.clock.now))[fixture.therapist.id])
            #expect(week.days[0].count == 1 && week.days[5].count == 1, "weekdays and Saturday both kept")
            #expect(week.days[3].count == 2, "two shifts on Thursday")
            #expect(week.days[6].isEmpty)
            let audit = try await fixture.services.audit.entries(AuditFilter(actorId: fixture.owner.id))
            #expect(audit.contains { $0.detail == "working hours set for \(fixture.therapist.id) (API)" })

            // Every bad time is named by where it is in the body; nothing is saved.
            var bad = Self.mixedWeek
            bad["tuesday"] = Self.day([("25:00", "17:00"), ("13:00", "12:00")], breaks: [("noon", "12:30")])
            let refused = try await Self.call(client, .put, uri, bad)
            #expect(refused.status == .unprocessableContent)
            #expect(Self.fields(refused) == ["tuesday.shifts.0.start", "tuesday.shifts.1.end", "tuesday.breaks.0.start"])
            var overlapping = Self.mixedWeek
            overlapping["friday"] = Self.day([("12:00", "18:00"), ("09:00", "13:00")], breaks: [("19:00", "19:30")])
            let grid = try await Self.call(client, .put, uri, overlapping)
            #expect(grid.status == .unprocessableContent)
            #expect(Self.fields(grid).allSatisfy { $0.hasPrefix("friday.") } && !Self.fields(grid).isEmpty, "the week grid's rules, named in the body: \(Self.fields(grid))")
            var missingDay = Self.mixedWeek
            missingDay["sunday"] = nil
            let incomplete = try await Self.call(client, .put, uri, missingDay)
            #expect(incomplete.status == .badRequest)
            #expect(Self.fields(incomplete) == ["sunday"])
            let after = Self.json(try await Self.call(client, .get, uri))
            #expect(NSDictionary(dictionary: after).isEqual(to: Self.mixedWeek), "a refused week changes nothing")

            let nobody = try await Self.call(client, .get, "/api/v1/staff/\(fixture.frontDesk.id)/hours/\(setup.location.id)")
            #expect(nobody.status == .notFound, "front desk has no hours")
            #expect(try await Self.call(client, .put, "/api/v1/staff/\(fixture.therapist.id)/hours/nowhere", Self.mixedWeek).status == .notFound)
        }
    }

    @Test func timeOffIsListedRemovedAndKeepsItsDaysFree() async throws {
        let setup = try await Self.setUp()
        let fixture = setup.fixture
        let service = try #require(try await fixture.services.scheduling.services().first)
        let day = "/api/v1/availability?serviceId=\(service.id)&locationId=\(setup.location.id)&therapistId=\(fixture.therapist.id)&from=2026-12-24&to=2026-12-24"
        try await fixture.test { client in
            let bad = try await Self.call(client, .post, "/api/v1/time-off", ["therapistId": fixture.frontDesk.id, "start": "tomorrow",
                                                                              "end": "2026-11-01T00:00:00-05:00", "note": String(repeating: "x", count: 2_000)])
            #expect(bad.status == .unprocessableContent)
            #expect(Self.fields(bad) == ["therapistId", "start", "note"])
            let past = try await Self.call(client, .post, "/api/v1/time-off", ["therapistId": fixture.therapist.id, "start": "2026-11-01T00:00:00-05:00",
                                                                               "end": "2026-11-02T00:00:00-05:00"])
            #expect(Self.fields(past) == ["end"])
            let backwards = try await Self.call(client, .post, "/api/v1/time-off", ["therapistId": fixture.therapist.id, "start": "2026-12-27T00:00:00-05:00",
                                                                                    "end": "2026-12-24T00:00:00-05:00"])
            #expect(Self.fields(backwards) == ["end"])

            #expect(!((Self.json(try await Self.call(client, .get, day))["slots"] as? [Any]) ?? []).isEmpty)
            let created = try await Self.call(client, .post, "/api/v1/time-off", ["therapistId": fixture.therapist.id, "start": "2026-12-24T05:00:00Z",
                                                                                  "end": "2026-12-27T00:00:00-05:00", "note": "Holidays"])
            #expect(created.status == .created)
            let entry = Self.json(created)
            #expect(entry["start"] as? String == "2026-12-24T00:00:00-05:00", "said in the clinic's zone")
            let id = try #require(entry["id"] as? String)
            #expect(((Self.json(try await Self.call(client, .get, day))["slots"] as? [Any]) ?? []).isEmpty, "no times on a day off")
            let listed = (Self.json(try await Self.call(client, .get, "/api/v1/time-off"))["timeOff"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(listed == [id])

            #expect(try await Self.call(client, .delete, "/api/v1/time-off/\(id)").status == .noContent)
            #expect(try await Self.call(client, .delete, "/api/v1/time-off/\(id)").status == .notFound, "removed once")
            #expect(!((Self.json(try await Self.call(client, .get, day))["slots"] as? [Any]) ?? []).isEmpty, "bookable again")
            let details = try await fixture.services.audit.entries(AuditFilter(actorId: fixture.owner.id)).map(\.detail)
            #expect(details.contains("time off added for \(fixture.therapist.id) (API)"))
            #expect(details.contains("time off removed for \(fixture.therapist.id) (API)"))
        }
    }

    /// A location, a service, an invited therapist and their week, all set up only through the API, give a time that
    /// availability offers and a booking takes; the invitation is mailed.
    @Test(arguments: TestDatabase.engines)
    func aClinicSetUpThroughTheAPIOffersATime(engine: Database.Engine) async throws {
        let setup = try await Self.setUp(engine)
        let fixture = setup.fixture
        try await fixture.test { client in
            let location = try #require(Self.json(try await Self.call(client, .post, "/api/v1/locations", [
                "name": "Uptown", "address": "400 Yonge St", "timeZone": "America/Toronto", "rooms": [["name": "Room 1"]]]))["id"] as? String)
            let service = try #require(Self.json(try await Self.call(client, .post, "/api/v1/services", Self.service))["id"] as? String)
            let invited = try await Self.call(client, .post, "/api/v1/staff", ["name": "Ivy Invited", "email": "Ivy@Example.com", "role": "therapist",
                                                                               "collegeRegistration": "R9999"])
            #expect(invited.status == .created)
            let ivy = Self.json(invited)
            #expect(ivy["email"] as? String == "ivy@example.com" && ivy["invitationPending"] as? Bool == true && ivy["retired"] as? Bool == false)
            let therapist = try #require(ivy["id"] as? String)
            #expect(await OutboxDelivery(services: fixture.services, interval: .seconds(60)).deliverDue() == 1)
            let mail = try #require(fixture.mailer.messages.last)
            #expect(mail.to == "ivy@example.com" && mail.body.contains("/welcome?token="), "the invitation carries the one-time link")
            #expect(!mail.body.contains("password:"), "no password is sent")

            var week = Dictionary(uniqueKeysWithValues: APIHandler.weekdays.map { ($0, Self.closed as Any) })
            week["wednesday"] = Self.day([("13:00", "14:00")])
            #expect(try await Self.call(client, .put, "/api/v1/staff/\(therapist)/hours/\(location)", week).status == .ok)
            let query = "serviceId=\(service)&locationId=\(location)&therapistId=\(therapist)&from=2026-11-25&to=2026-11-26"
            let slots = (Self.json(try await Self.call(client, .get, "/api/v1/availability?" + query))["slots"] as? [[String: Any]] ?? [])
            // 45 minutes in a Wednesday hour, starting on the 15-minute step (the turnover may run past the hour).
            #expect(slots.compactMap { $0["start"] as? String } == ["2026-11-25T13:00:00-05:00", "2026-11-25T13:15:00-05:00"])
            #expect(slots.first?["roomId"] as? String != nil, "the location's room is booked with it")
            let booked = try await Self.call(client, .post, "/api/v1/appointments", ["clientId": fixture.clientA.id, "serviceId": service, "locationId": location,
                                                                                     "therapistId": therapist, "start": "2026-11-25T13:00:00-05:00"])
            #expect(booked.status == .created)
            let details = try await fixture.services.audit.entries(AuditFilter(actorId: fixture.owner.id)).map(\.detail)
            #expect(details.contains("location added (API)") && details.contains("staff account \(therapist) invited (API)"))
        }
    }

    @Test func locationsAreEditedRetiredAndRestored() async throws {
        let setup = try await Self.setUp()
        let fixture = setup.fixture
        try await fixture.test { client in
            let bad = try await Self.call(client, .post, "/api/v1/locations", ["name": "", "address": "1 Main", "timeZone": "Mars/Olympus",
                                                                               "rooms": [["name": "A"], ["name": "a"], ["name": "B", "id": "r1"]]])
            #expect(bad.status == .unprocessableContent)
            #expect(Self.fields(bad) == ["rooms.2.id", "name", "timeZone", "rooms.1.name"])
            let created = Self.json(try await Self.call(client, .post, "/api/v1/locations", ["name": "East", "address": "9 Queen St E", "timeZone": "America/Toronto",
                                                                                             "rooms": [["name": "Room 1"], ["name": "Room 2"]]]))
            let id = try #require(created["id"] as? String)
            let rooms = try #require(created["rooms"] as? [[String: Any]])
            let keep = try #require(rooms.first?["id"] as? String)
            let edited = try await Self.call(client, .put, "/api/v1/locations/\(id)", ["name": "East End", "address": "9 Queen St E", "timeZone": "America/Vancouver",
                                                                                        "rooms": [["id": keep, "name": "Quiet room"], ["name": "Room 3"]]])
            #expect(edited.status == .ok)
            let after = Self.json(edited)
            #expect(after["name"] as? String == "East End" && after["timeZone"] as? String == "America/Vancouver")
            #expect(((after["rooms"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }.sorted() == ["Quiet room", "Room 3"], "Room 2 retired")
            #expect(((after["rooms"] as? [[String: Any]]) ?? []).contains { $0["id"] as? String == keep }, "the kept room keeps its id")
            let foreign = try await Self.call(client, .put, "/api/v1/locations/\(id)", ["name": "East", "address": "x", "timeZone": "America/Toronto",
                                                                                         "rooms": [["id": "not-a-room", "name": "X"]]])
            #expect(Self.fields(foreign) == ["rooms.0.id"])
            #expect(try await Self.call(client, .put, "/api/v1/locations/none", ["name": "x", "address": "x", "timeZone": "UTC", "rooms": []]).status == .notFound)

            let retired = try await Self.call(client, .post, "/api/v1/locations/\(id)/retire")
            #expect(Self.json(retired)["retired"] as? Bool == true)
            let offered = (Self.json(try await Self.call(client, .get, "/api/v1/locations"))["locations"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(!offered.contains(id), "a retired location is not offered")
            let all = (Self.json(try await Self.call(client, .get, "/api/v1/locations?includeRetired=true"))["locations"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(all.contains(id), "and stays in the records")
            #expect(Self.json(try await Self.call(client, .post, "/api/v1/locations/\(id)/restore"))["retired"] as? Bool == false)
            #expect(try await Self.call(client, .post, "/api/v1/locations/none/retire").status == .notFound)
            #expect(try await Self.call(client, .post, "/api/v1/locations/\(id)/retire", token: "lmb_theo").status == .forbidden)
            let details = try await fixture.services.audit.entries(AuditFilter(actorId: fixture.owner.id)).map(\.detail)
            #expect(details.contains("location \(id) changed (API)") && details.contains("location \(id) retired (API)") && details.contains("location \(id) restored (API)"))
        }
    }

    @Test func servicesAreEditedAndRetired() async throws {
        let setup = try await Self.setUp()
        let fixture = setup.fixture
        let existing = try #require(try await fixture.services.scheduling.services().first)
        try await fixture.test { client in
            var body = Self.service
            body["minutes"] = 90
            let edited = try await Self.call(client, .put, "/api/v1/services/\(existing.id)", body)
            #expect(edited.status == .ok)
            #expect(Self.json(edited)["minutes"] as? Int == 90)
            body["bufferMinutes"] = 500
            #expect(Self.fields(try await Self.call(client, .put, "/api/v1/services/\(existing.id)", body)) == ["bufferMinutes"])
            #expect(try await Self.call(client, .put, "/api/v1/services/none", Self.service).status == .notFound)
            #expect(try await Self.call(client, .put, "/api/v1/services/\(existing.id)", token: "lmb_desk", Self.service).status == .forbidden)
            #expect(Self.json(try await Self.call(client, .post, "/api/v1/services/\(existing.id)/retire"))["retired"] as? Bool == true)
            let offered = (Self.json(try await Self.call(client, .get, "/api/v1/services"))["services"] as? [Any]) ?? []
            #expect(offered.isEmpty)
            let availability = try await Self.call(client, .get, "/api/v1/availability?serviceId=\(existing.id)&locationId=\(setup.location.id)&from=2026-11-25&to=2026-11-25")
            #expect(availability.status.code >= 400 && availability.status.code < 500, "a retired service is not bookable")
            #expect(Self.json(try await Self.call(client, .post, "/api/v1/services/\(existing.id)/restore"))["retired"] as? Bool == false)
        }
    }

    @Test func staffAreInvitedEditedAndRetired() async throws {
        let setup = try await Self.setUp()
        let fixture = setup.fixture
        try await fixture.test { client in
            let bad = try await Self.call(client, .post, "/api/v1/staff", ["name": "", "email": "nope", "role": "therapist"])
            #expect(bad.status == .unprocessableContent)
            #expect(Self.fields(bad) == ["name", "email", "collegeRegistration"])
            let owner = try await Self.call(client, .post, "/api/v1/staff", ["name": "O", "email": "o@example.com", "role": "owner"])
            #expect(owner.status == .badRequest, "only therapist or front desk")
            let taken = try await Self.call(client, .post, "/api/v1/staff", ["name": "Dup", "email": "desk@example.com", "role": "front-desk"])
            #expect(Self.fields(taken) == ["email"])

            let desk = fixture.frontDesk.id
            let edited = try await Self.call(client, .put, "/api/v1/staff/\(desk)", ["name": "Fran D. Desk", "email": "fran@example.com", "role": "front-desk"])
            #expect(edited.status == .ok)
            #expect(Self.json(edited)["name"] as? String == "Fran D. Desk")
            #expect(Self.fields(try await Self.call(client, .put, "/api/v1/staff/\(desk)", ["name": "Fran", "email": "tara@example.com", "role": "front-desk"])) == ["email"])
            #expect(try await Self.call(client, .put, "/api/v1/staff/\(fixture.owner.id)", ["name": "x", "email": "x@example.com", "role": "front-desk"]).status == .notFound,
                    "the owner's own account is not changed here")
            #expect(Self.json(try await Self.call(client, .post, "/api/v1/staff/\(desk)/retire"))["retired"] as? Bool == true)
            #expect(try await Self.call(client, .get, "/api/v1/me", token: "lmb_desk").status == .unauthorized, "a retired person's token stops working")
            let listed = (Self.json(try await Self.call(client, .get, "/api/v1/staff"))["staff"] as? [[String: Any]] ?? []).first { $0["id"] as? String == desk }
            #expect(listed?["retired"] as? Bool == true, "and stays listed")
            #expect(Self.json(try await Self.call(client, .post, "/api/v1/staff/\(desk)/restore"))["retired"] as? Bool == false)
            #expect(try await Self.call(client, .post, "/api/v1/staff/\(desk)/retire", token: "lmb_theo").status == .forbidden)
        }
    }

    @Test func timeOffIsChanged() async throws {
        let setup = try await Self.setUp()
        let fixture = setup.fixture
        try await fixture.test { client in
            let body = ["therapistId": fixture.therapist.id, "start": "2026-12-24T00:00:00-05:00", "end": "2026-12-27T00:00:00-05:00", "note": "Holidays"]
            let id = try #require(Self.json(try await Self.call(client, .post, "/api/v1/time-off", body))["id"] as? String)
            var moved = body
            moved["end"] = "2026-12-29T00:00:00-05:00"
            let changed = try await Self.call(client, .put, "/api/v1/time-off/\(id)", moved)
            #expect(changed.status == .ok)
            #expect(Self.json(changed)["end"] as? String == "2026-12-29T00:00:00-05:00")
            moved["end"] = "2026-12-01T00:00:00-05:00"
            #expect(Self.fields(try await Self.call(client, .put, "/api/v1/time-off/\(id)", moved)) == ["end"])
            #expect(try await Self.call(client, .put, "/api/v1/time-off/none", body).status == .notFound)
            let entry = try #require(try await fixture.services.scheduling.timeOff(id: id))
            #expect(entry.range.end == RFC3339.parse("2026-12-29T00:00:00-05:00"), "the refused change left the saved one")
        }
    }
}
