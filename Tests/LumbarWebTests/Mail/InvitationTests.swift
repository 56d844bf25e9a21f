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

/// Invitations by RFC 5546: the clinic organizes, the client attends, SEQUENCE counts the appointment's revisions,
/// and each message carries one appointment.
@Suite struct InvitationTests {
    /// A calendar's unfolded content lines.
    static func lines(_ calendar: String?) -> [String] {
        (calendar ?? "").replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    static func values(_ name: String, _ calendar: String?) -> [String] {
        lines(calendar).compactMap { line in
            guard line.hasPrefix(name + ":") || line.hasPrefix(name + ";") else { return nil }
            return String(line.dropFirst(name.count))
        }
    }

    static func sequence(_ calendar: String?) -> Int? { values("SEQUENCE", calendar).first.flatMap { Int($0.dropFirst()) } }

    static func book(_ client: any TestClientProtocol, _ setup: BookingAPITests.Setup, clientId: String, start: String, weeks: Int? = nil) async throws -> [String] {
        var body: [String: Any] = ["clientId": clientId, "serviceId": setup.service.id, "locationId": setup.location.id, "start": start]
        if let weeks { body["weeks"] = weeks }
        let created = try await BookingAPITests.post(client, "/api/v1/appointments", body)
        #expect(created.status == .created)
        return (BookingAPITests.json(created)["appointments"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    static func zoe(_ fixture: WebFixture) async throws -> Client {
        try await fixture.services.clients.create(Client(id: "", firstName: "Zoë", lastName: "Bélanger", email: "zoe@example.com", phone: "514-555-0101"),
                                                  at: fixture.clock.now)
    }

    /// A booking, a move and a cancellation in the same second: SEQUENCE 0, 1, 2, so calendars apply them in order.
    @Test(arguments: TestDatabase.engines)
    func aMoveAndACancellationInTheSameSecondAreOrdered(engine: Database.Engine) async throws {
        let setup = try await BookingAPITests.setUp(engine)
        let zoe = try await Self.zoe(setup.fixture)
        try await setup.fixture.test { client in
            let id = try #require(try await Self.book(client, setup, clientId: zoe.id, start: "2026-11-26T10:00:00-05:00").first)
            #expect(try await BookingAPITests.post(client, "/api/v1/appointments/\(id)/reschedule", ["start": "2026-11-26T14:00:00-05:00"]).status == .ok)
            #expect(try await BookingAPITests.post(client, "/api/v1/appointments/\(id)/cancel", [:]).status == .ok)
            #expect(await OutboxDelivery(services: setup.fixture.services, interval: .seconds(60)).deliverDue() == 3)
            let calendars = setup.fixture.mailer.messages.map(\.calendar)
            #expect(calendars.map(Self.sequence) == [0, 1, 2])
            #expect(calendars.map { Self.values("METHOD", $0) } == [[":REQUEST"], [":REQUEST"], [":CANCEL"]])
            #expect(calendars.allSatisfy { Self.values("UID", $0) == [":\(id)@lumbar"] })
            for calendar in calendars {
                #expect(Self.values("ORGANIZER", calendar) == [";CN=\"Spine & Ease\":mailto:lumbar@localhost"])
                #expect(Self.values("ATTENDEE", calendar) == [";CN=\"Zoë Bélanger\";ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:zoe@example.com"])
            }
            #expect(try await setup.fixture.services.appointments.find(id: id)?.revision == 2)
            #expect(setup.fixture.mailer.messages.allSatisfy { $0.toName == "Zoë Bélanger" })
        }
    }

    /// A weekly series sends one message per appointment, each inviting to that appointment alone.
    @Test func aWeeklySeriesIsOneInvitationPerAppointment() async throws {
        let setup = try await BookingAPITests.setUp()
        let zoe = try await Self.zoe(setup.fixture)
        try await setup.fixture.test { client in
            let ids = try await Self.book(client, setup, clientId: zoe.id, start: "2026-11-25T10:00:00-05:00", weeks: 3)
            #expect(ids.count == 3)
            #expect(await OutboxDelivery(services: setup.fixture.services, interval: .seconds(60)).deliverDue() == 3)
            let messages = setup.fixture.mailer.messages
            #expect(messages.map { Self.values("UID", $0.calendar) } == ids.map { [":\($0)@lumbar"] })
            #expect(messages.allSatisfy { Self.values("BEGIN", $0.calendar) == [":VCALENDAR", ":VEVENT"] })
            #expect(messages.map(\.subject) == (1...3).map { "Appointment confirmed: Massage, 60 minutes (\($0) of 3)" })
            #expect(messages.allSatisfy { $0.body.contains("Wednesday 9 December 2026 at 10:00") }, "each lists the whole series")
            #expect(messages[1].body.contains("This email is for the one on Wednesday 2 December 2026 at 10:00 a.m. (2 of 3)."))
        }
    }

    /// The therapist's feed shows the revision the client was last sent.
    @Test func theFeedCarriesTheSameSequence() async throws {
        let setup = try await BookingAPITests.setUp()
        try await setup.fixture.test { client in
            let moved = try #require(try await Self.book(client, setup, clientId: setup.fixture.clientA.id, start: "2026-11-26T10:00:00-05:00").first)
            let kept = try #require(try await Self.book(client, setup, clientId: setup.fixture.clientB.id, start: "2026-11-27T10:00:00-05:00").first)
            #expect(try await BookingAPITests.post(client, "/api/v1/appointments/\(moved)/reschedule", ["start": "2026-11-26T14:00:00-05:00"]).status == .ok)
            let token = "feed-token-for-the-test"
            try await SQLCalendarFeedRepository(database: setup.fixture.services.database)
                .create(therapistId: setup.fixture.therapist.id, tokenHash: Secrets.hash(token), at: setup.fixture.clock.now)
            let feed = String(buffer: try await client.execute(uri: "/feeds/\(token).ics", method: .get).body)
            let events = feed.components(separatedBy: "BEGIN:VEVENT").dropFirst()
            let sequences = Dictionary(uniqueKeysWithValues: events.map { (Self.values("UID", $0).first ?? "", Self.sequence($0)) })
            #expect(sequences == [":\(moved)@lumbar": 1, ":\(kept)@lumbar": 0])
            _ = await OutboxDelivery(services: setup.fixture.services, interval: .seconds(60)).deliverDue()
            let last = setup.fixture.mailer.messages.last { Self.values("UID", $0.calendar) == [":\(moved)@lumbar"] }
            #expect(Self.sequence(last?.calendar) == 1)
        }
    }

    /// A message keeps its Date (when the change was made) and Message-ID however late or often it is tried.
    @Test(arguments: TestDatabase.engines)
    func aRetriedMessageKeepsItsDateAndMessageID(engine: Database.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        let queuedAt = fixture.clock.now
        try await fixture.services.outbox.enqueue([QueuedMail(to: "zoe@example.com", toName: "Zoë Bélanger", subject: "s", body: "b")], at: queuedAt)
        fixture.clock.advance(seconds: 60)
        let first = try #require(try await fixture.services.outbox.claim(limit: 5, lease: 300, at: fixture.clock.now).first)
        fixture.clock.advance(seconds: 301)
        let again = try #require(try await fixture.services.outbox.claim(limit: 5, lease: 300, at: fixture.clock.now).first)
        #expect(first.id == again.id && first.messageKey == again.messageKey && !first.messageKey.isEmpty)
        #expect(again.createdAt == queuedAt && again.recipientName == "Zoë Bélanger")
        fixture.clock.advance(seconds: 301)
        #expect(await OutboxDelivery(services: fixture.services, interval: .seconds(60)).deliverDue() == 1)
        let sent = try #require(fixture.mailer.messages.last)
        #expect(sent.date == queuedAt && sent.messageKey == first.messageKey && sent.toName == "Zoë Bélanger" && sent.senderName == "Spine & Ease")
        await TestDatabase.dispose(fixture.services.database)  // a PostgreSQL pool must be shut down before it is released
    }
}
