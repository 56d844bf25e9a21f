import Foundation
import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import Testing
import TestSupport

/// The owner's set-up pages: the week grid keeps mixed days and split shifts, services are retired (not offered,
/// still named), staff are invited by email and retired, and the home page says what to set up next.
@Suite struct SetupWebTests {
    static func week(_ pairs: [String: String], therapist: String, location: String) -> [String: String] {
        pairs.merging(["therapist": therapist, "location": location]) { a, _ in a }
    }

    @Test func theWeekGridKeepsWeekdaysAndSaturdayTogether() async throws {
        let setup = try await BookingAPITests.setUp()
        let fixture = setup.fixture
        try await fixture.test { client in
            let owner = Browser(client)
            _ = try await owner.signIn("owner@example.com", code: fixture.ownerCode)
            let grid = "/scheduling/hours?therapist=\(fixture.therapist.id)&location=\(setup.location.id)"
            let shown = try await owner.get(grid)
            #expect(shown.status == .ok && shown.body.contains("id=\"d6s1start\" name=\"d6s1start\" value=\"09:00\""), "pre-filled with what is stored")

            var fields: [String: String] = [:]
            for day in 0..<5 { fields.merge(["d\(day)s1start": "09:00", "d\(day)s1end": "17:00", "d\(day)bstart": "12:00", "d\(day)bend": "12:30"]) { a, _ in a } }
            fields.merge(["d5s1start": "10:00", "d5s1end": "14:00"]) { a, _ in a }
            let saved = try await owner.post("/scheduling/hours", Self.week(fields, therapist: fixture.therapist.id, location: setup.location.id))
            #expect(saved.status == .seeOther)
            let after = try await owner.get(try #require(saved.location))
            #expect(after.body.contains("Saved. Theo Therapist at Main: Mon–Fri 09:00–17:00 (break 12:00–12:30); Sat 10:00–14:00."))
            #expect(after.body.contains("name=\"d0s1start\" value=\"09:00\"") && after.body.contains("name=\"d5s1end\" value=\"14:00\""))
            #expect(after.body.contains("name=\"d6s1start\" value=\"\""), "Sunday is closed")
            let stored = try #require(try await fixture.services.scheduling.hours(locationId: setup.location.id, window: TimeRange(start: fixture.clock.now, end: fixture.clock.now))[fixture.therapist.id])
            #expect(stored.days[0].count == 1 && stored.days[5].count == 1 && stored.days[6].isEmpty && stored.breaks[0].count == 1)

            // A split day that overlaps is refused beside the field, what was typed kept, nothing saved.
            fields.merge(["d2s2start": "16:00", "d2s2end": "20:00"]) { _, b in b }
            let refused = try await owner.post("/scheduling/hours", Self.week(fields, therapist: fixture.therapist.id, location: setup.location.id))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("id=\"d2s2start-error\"") && refused.body.contains("value=\"20:00\""))
            let unchanged = try await fixture.services.scheduling.hours(locationId: setup.location.id, window: TimeRange(start: fixture.clock.now, end: fixture.clock.now))
            #expect(unchanged[fixture.therapist.id] == stored)

            // Saving another therapist's week leaves Theo's as it was.
            let tara = Self.week(["d0s1start": "07:00", "d0s1end": "11:00", "d0s2start": "17:00", "d0s2end": "21:00"],
                                 therapist: fixture.otherTherapist.id, location: setup.location.id)
            #expect(try await owner.post("/scheduling/hours", tara).status == .seeOther)
            let both = try await fixture.services.scheduling.hours(locationId: setup.location.id, window: TimeRange(start: fixture.clock.now, end: fixture.clock.now))
            #expect(both[fixture.therapist.id] == stored && both[fixture.otherTherapist.id]?.days[0].count == 2)
        }
    }

    @Test func aRetiredServiceIsNotOfferedButStillNamed() async throws {
        let setup = try await BookingAPITests.setUp()
        let fixture = setup.fixture
        try await fixture.test { client in
            let owner = Browser(client)
            _ = try await owner.signIn("owner@example.com", code: fixture.ownerCode)
            let list = try await owner.get("/scheduling/services")
            #expect(list.body.contains("$135.60 with tax ($120.00 + $15.60 tax at 13%)"), "the price as clients pay it")
            let ask = try await owner.get("/scheduling/services/\(setup.service.id)/retire")
            #expect(ask.status == .ok && ask.body.contains("Retire Massage, 60 minutes?"))
            #expect(try await fixture.services.scheduling.services().count == 1, "asking changes nothing")
            let retired = try await owner.post("/scheduling/services/\(setup.service.id)/retire", [:])
            #expect(retired.location == "/scheduling/services?saved=service-retired")
            #expect(try await owner.get(retired.location ?? "").body.contains("retired</span>"))
            let availability = "/api/v1/availability?serviceId=\(setup.service.id)&locationId=\(setup.location.id)&from=2026-11-23&to=2026-11-23"
            #expect(try await BookingAPITests.get(client, availability).status == .notFound, "a retired service is never offered")
            #expect(!(try await Browser(client).get("/book").body.contains("Massage, 60 minutes")))
            #expect(try await fixture.services.scheduling.service(id: setup.service.id)?.name == "Massage, 60 minutes", "records still name it")
            #expect(try await owner.post("/scheduling/services/\(setup.service.id)/restore", [:]).status == .seeOther)
            #expect(try await BookingAPITests.get(client, availability).status == .ok)

            // Another service by the same name is refused beside the name, what was typed kept.
            let twin = try await owner.post("/scheduling/services", ["serviceName": "massage, 60 minutes", "minutes": "60", "bufferMinutes": "15",
                                                                      "price": "99.00", "taxPercent": "13", "audience": "any"])
            #expect(twin.status == .unprocessableContent && twin.body.contains("id=\"serviceName-error\"") && twin.body.contains("You already offer"))
            #expect(twin.body.contains("value=\"99.00\""))
            #expect(try await fixture.services.scheduling.services().count == 1)

            // Editing keeps the id and says so.
            let edited = try await owner.post("/scheduling/services/\(setup.service.id)", ["serviceName": "Massage, 75 minutes", "minutes": "75",
                "bufferMinutes": "15", "price": "140.00", "taxPercent": "13", "audience": "any", "online": "on"])
            #expect(edited.location == "/scheduling/services?saved=service-changed")
            #expect(try await fixture.services.scheduling.service(id: setup.service.id)?.minutes == 75)
            let bad = try await owner.post("/scheduling/services/\(setup.service.id)", ["serviceName": "", "minutes": "2", "audience": "any"])
            #expect(bad.status == .unprocessableContent && bad.body.contains("id=\"serviceName-error\"") && bad.body.contains("id=\"minutes-error\""))
        }
    }

    @Test func aLocationTakesItsZoneFromTheList() async throws {
        let setup = try await BookingAPITests.setUp()
        let fixture = setup.fixture
        try await fixture.test { client in
            let owner = Browser(client)
            _ = try await owner.signIn("owner@example.com", code: fixture.ownerCode)
            let page = try await owner.get("/scheduling/locations")
            #expect(page.body.contains("<select id=\"timeZone\" name=\"timeZone\">") && page.body.contains("<option value=\"America/Vancouver\">"))
            #expect(page.body.contains("<option value=\"Europe/Paris\">"), "every IANA zone after the featured ones")
            let typo = try await owner.post("/scheduling/locations", ["name": "West", "address": "1 Main St", "timeZone": "America/Torotno"])
            #expect(typo.status == .unprocessableContent && typo.body.contains("id=\"timeZone-error\""))
            let added = try await owner.post("/scheduling/locations", ["name": "West", "address": "1 Main St", "timeZone": "America/Vancouver", "rooms": "A, B"])
            #expect(added.location == "/scheduling/locations?saved=location")
            let west = try #require(try await fixture.services.scheduling.locations().first { $0.name == "West" })
            let roomA = try #require(west.rooms.first { $0.name == "A" })
            let roomB = try #require(west.rooms.first { $0.name == "B" })
            var edit = ["name": "West End", "address": "1 Main St", "timeZone": "America/Vancouver", "room-\(roomA.id)": "Quiet", "room-\(roomB.id)": "", "newRooms": "C"]
            let renamed = try await owner.post("/scheduling/locations/\(west.id)", edit)
            #expect(renamed.location == "/scheduling/locations?saved=location-rooms-retired", "the cleared room is said to be retired")
            #expect(try await owner.get(renamed.location ?? "").body.contains("The rooms whose names you cleared are retired"))
            #expect(try await fixture.services.scheduling.location(id: west.id)?.rooms.map(\.name).sorted() == ["C", "Quiet"])
            edit["timeZone"] = "Mars/Olympus"
            #expect(try await owner.post("/scheduling/locations/\(west.id)", edit).status == .unprocessableContent)
            #expect(try await owner.post("/scheduling/locations/\(west.id)/retire", [:]).status == .seeOther)
            #expect(try await fixture.services.scheduling.locations().map(\.name) == ["Main"])
        }
    }

    @Test func retiringAPlaceOrATherapistSaysWhatIsStillBooked() async throws {
        let setup = try await BookingAPITests.setUp()
        let fixture = setup.fixture
        try await fixture.test { client in
            let owner = Browser(client)
            _ = try await owner.signIn("owner@example.com", code: fixture.ownerCode)
            let quiet = try await owner.get("/scheduling/locations/\(setup.location.id)/retire")
            #expect(quiet.status == .ok && quiet.body.contains("Retire Main?") && !quiet.body.contains("still booked"))
            let booked = try await BookingAPITests.post(client, "/api/v1/appointments", [
                "clientId": fixture.clientA.id, "serviceId": setup.service.id, "locationId": setup.location.id, "start": "2026-11-23T10:00:00-05:00",
            ])
            #expect(booked.status == .created)
            let appointment = try #require(try await fixture.services.appointments.list(
                window: TimeRange(start: fixture.clock.now, end: fixture.clock.now.adding(seconds: 30 * 86_400)), locationId: nil, therapistId: nil,
                clientId: fixture.clientA.id, activeOnly: true).first)
            #expect(try await owner.get("/scheduling/locations/\(setup.location.id)/retire").body
                .contains("1 appointment is still booked from now on. Cancel or move it from the calendar."))
            let therapist = try await owner.get("/staff/\(appointment.therapistId)/retire")
            #expect(therapist.status == .ok && therapist.body.contains("1 appointment is still booked from now on"))
            #expect(try await owner.get("/scheduling/services/\(setup.service.id)/retire").body.contains("stay as they are"))
            // Asking changes nothing; the owner may still retire, and the appointment stays.
            #expect(try await owner.post("/scheduling/locations/\(setup.location.id)/retire", [:]).location == "/scheduling/locations?saved=location-retired")
            #expect(try await fixture.services.appointments.find(id: appointment.id)?.status == .booked)
        }
    }

    @Test func staffAreInvitedByEmailAndChooseTheirPassword() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let owner = Browser(client)
            _ = try await owner.signIn("owner@example.com", code: fixture.ownerCode)
            let sent = try await owner.post("/staff", ["name": "Nia Newhire", "email": "nia@example.com", "role": "therapist", "collegeRegistration": "R777"])
            #expect(sent.location == "/staff?saved=invited")
            let list = try await owner.get("/staff?saved=invited")
            #expect(list.body.contains("Invitation sent.") && list.body.contains("invited, password not chosen yet"))
            #expect(!list.body.contains("College no.  ·"), "no empty College number beside the owner, who has none")
            let mail = try #require(try await fixture.services.outbox.claim(limit: 10, lease: 60, at: fixture.clock.now).first { $0.recipient == "nia@example.com" })
            let token = try #require(mail.body.components(separatedBy: "/welcome?token=").last?.components(separatedBy: "\n").first)
            #expect(mail.subject.contains("invited you"))
            #expect(!(try await Browser(client).signIn("nia@example.com", password: "anything at all really").location == "/"), "no sign-in before choosing")

            let nia = Browser(client)
            let choose = try await nia.get("/welcome?token=\(token)")
            #expect(choose.status == .ok && choose.body.contains("Choose your password"))
            #expect(try await nia.post("/welcome", ["token": token, "password": "short"]).status == .unprocessableContent)
            #expect(try await nia.post("/welcome", ["token": token, "password": "my own long passphrase"]).location == "/login?welcome=done")
            #expect(try await nia.get("/login?welcome=done").body.contains("Your password is saved."))
            #expect(try await nia.post("/welcome", ["token": token, "password": "another long passphrase"]).status != .seeOther, "the link works once")
            #expect(try await nia.signIn("nia@example.com", password: "my own long passphrase").location == "/")
            let account = try #require(try await fixture.services.accounts.credentials(email: "nia@example.com")?.account)
            #expect(!account.invitationPending)

            // Retired: signed out at once and refused at sign-in; records kept; restored: back in.
            let ask = try await owner.get("/staff/\(account.id)/retire")
            #expect(ask.body.contains("Retire Nia Newhire?"))
            #expect(try await owner.post("/staff/\(account.id)/retire", [:]).location == "/staff?saved=retired")
            #expect(try await nia.get("/").status != .ok, "the session ended")
            #expect(try await Browser(client).signIn("nia@example.com", password: "my own long passphrase").location != "/")
            #expect(try await fixture.services.accounts.find(id: account.id)?.active == false)
            #expect(try await owner.post("/staff/\(account.id)/restore", [:]).status == .seeOther)
            #expect(try await Browser(client).signIn("nia@example.com", password: "my own long passphrase").location == "/")

            // Edited: name, email, role, registration.
            let edited = try await owner.post("/staff/\(account.id)", ["name": "Nia N", "email": "nia.n@example.com", "role": "front-desk", "collegeRegistration": ""])
            #expect(edited.location == "/staff?saved=changed")
            #expect(try await fixture.services.accounts.find(id: account.id).map { "\($0.name) \($0.email) \($0.role.rawValue)" } == "Nia N nia.n@example.com front-desk")
            let taken = try await owner.post("/staff/\(account.id)", ["name": "Nia", "email": "theo@example.com", "role": "front-desk"])
            #expect(taken.status == .unprocessableContent && taken.body.contains("id=\"email-error\""))
        }
    }

    @Test func theOwnersHomeSaysWhatToSetUpNextUntilBookingsCanBeTaken() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let owner = Browser(client)
            _ = try await owner.signIn("owner@example.com", code: fixture.ownerCode)
            let empty = try await owner.get("/")
            #expect(empty.body.contains("Set up online booking") && empty.body.contains("<li class=\"done\">") && empty.body.contains(" next\"><span"))
            #expect(empty.body.contains("href=\"/scheduling/locations\">Add a location</a>"))
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            #expect(!(try await theo.get("/").body.contains("Set up online booking")), "the owner's alone")
        }
        let setup = try await BookingAPITests.setUp()
        try await setup.fixture.test { client in
            let owner = Browser(client)
            _ = try await owner.signIn("owner@example.com", code: setup.fixture.ownerCode)
            let ready = try await owner.get("/")
            #expect(ready.body.contains("You can take online bookings now") && ready.body.contains("href=\"/book\""))
            #expect(!ready.body.contains("Set up online booking"))
        }
    }
}
