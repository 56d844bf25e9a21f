import Foundation
import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones
@testable import LumbarWeb
import Testing
import TestSupport

/// The home program from prescription to the client's diary, and who may see it.
@Suite struct ProgramWebTests {
    @Test(arguments: TestDatabase.engines)
    func therapistPrescribesFromSuggestionsAndSeesTheDiary(engine: Database.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        try await fixture.test { client in
            let ada = Browser(client)
            _ = try await ada.signIn("ada@example.com")
            #expect(try await ada.get("/me/program").body.contains("has not set up a home program yet"))
            let intake = try await IntakeWebTests.fillIntake(ada, IntakeWebTests.answers(["factors": ["prolonged-sitting", "weak-core"]]))
            try await ada.post("\(intake)/submit", [:])

            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            let editor = try await theo.get("/clients/\(fixture.clientA.id)/program")
            #expect(editor.status == .ok && editor.body.contains("the self-care the intake's assessment suggests"))
            let suggested = try await HomeProgramService(services: fixture.services).suggestions(clientId: fixture.clientA.id).items
            #expect(!suggested.isEmpty)
            for item in suggested { #expect(editor.body.contains("value=\"\(item.exerciseId)\" id=\"use-\(item.exerciseId)\" checked")) }

            // What the browser posts: every suggested item ticked, with its dose as shown.
            let shown = suggested.flatMap { item -> [(String, String)] in
                let prefix = "item-\(item.exerciseId)-"
                return [("include", item.exerciseId), (prefix + "sets", item.dose.sets.map(String.init) ?? ""), (prefix + "reps", item.dose.reps.map(String.init) ?? ""),
                        (prefix + "hold", item.dose.holdSeconds.map(String.init) ?? ""), (prefix + "minutes", item.dose.minutes.map(String.init) ?? ""),
                        (prefix + "often", item.dose.often)]
            }
            // A bad dose comes back beside its item, with everything typed still there.
            var pairs = shown.filter { $0.0 != "item-cat-cow-reps" } + [("item-cat-cow-reps", "ninety"), ("item-cat-cow-often", "each morning"), ("note", "Little and often.")]
            let bad = try await theo.post("/clients/\(fixture.clientA.id)/program", pairs: pairs)
            #expect(bad.status == .unprocessableContent && bad.body.contains("Enter a whole number.") && bad.body.contains("value=\"ninety\""))
            #expect(bad.body.contains("Little and often."))
            pairs = shown.filter { !$0.0.hasPrefix("item-stay-active-") } + [("order-stay-active", "1"), ("item-stay-active-often", "a walk after lunch"),
                                                                             ("item-stay-active-minutes", "15"), ("injuredAt", "2026-11-10T09:00")]
            #expect(try await theo.post("/clients/\(fixture.clientA.id)/program", pairs: pairs).location == "/clients/\(fixture.clientA.id)/program?saved=1")
            let saved = try #require(try await SQLHomeProgramRepository(database: fixture.services.database).current(clientId: fixture.clientA.id))
            #expect(saved.version == 1 && saved.items.first?.exerciseId == "stay-active" && saved.items.first?.dose.minutes == 15)
            #expect(Set(saved.items.map(\.exerciseId)) == Set(suggested.map(\.exerciseId)))

            // The client sees it on their phone, one item per screen, and logs two days.
            let mine = try await ada.get("/me/program")
            #expect(mine.body.contains("Stay active") && mine.body.contains("15 minutes, a walk after lunch"))
            let first = try await ada.get("/me/program/item/1")
            #expect(first.body.contains("/exercises/stay-active.svg") && first.body.contains("/me/program/item/2"))
            #expect(try await ada.get("/me/program/item/99").status == .notFound)
            try await ada.get("/me/program")
            let missing = try await ada.post("/me/program/log", ["program": saved.id, "day": "2026-01-01", "pain": "12"])
            #expect(missing.status == .unprocessableContent && missing.body.contains("id=\"done-error\"") && missing.body.contains("id=\"pain-error\""))
            let today = try await HomeProgramService(services: fixture.services).zone().local(fixture.clock.now).date
            try await ada.post("/me/program/log", ["program": saved.id, "day": today.adding(days: -1).description, "done": "partly", "pain": "5"])
            try await ada.get("/me/program")
            try await ada.post("/me/program/log", ["program": saved.id, "day": today.description, "done": "yes", "pain": "3", "note": "Easier today"])
            let after = try await ada.get("/me/program")
            #expect(after.body.contains("did it all on 1, some on 1"))

            // The therapist sees how it is going, as words and a chart.
            let progress = try await theo.get("/clients/\(fixture.clientA.id)/program")
            #expect(progress.body.contains("did it all on 1, some on 1") && progress.body.contains("Pain 5 → 3"))
            #expect(try await theo.get("/clients/\(fixture.clientA.id)?section=program").body.contains("Home program diary: Over the last 7 days: did it all on 1, some on 1"),
                    "the diary sits beside the chart notes, ready for the next visit's Subjective")
            let chart = try await theo.get("/clients/\(fixture.clientA.id)/program/chart.svg")
            #expect(chart.headers[.contentType] == "image/svg+xml" && chart.body.contains("<rect"))
            let handout = try await theo.get("/clients/\(fixture.clientA.id)/program/print")
            #expect(handout.body.contains("Home program for Ada Alpha") && handout.body.contains("/exercises/stay-active.svg"))

            let audit = try await fixture.audit(client: fixture.clientA.id).filter { $0.infoType == .selfCare }
            #expect(audit.contains { $0.action == .create && $0.detail.contains("home program saved") })
            #expect(audit.filter { $0.action == .create && $0.detail == "diary entry" }.count == 2)
            #expect(audit.contains { $0.action == .print })
        }
    }

    @Test func aClientCannotSeeOrLogAgainstAnotherClientsProgram() async throws {
        let fixture = try await WebFixture.make()
        let program = try await SQLHomeProgramRepository(database: fixture.services.database).save(
            HomeProgram(clientId: fixture.clientA.id, intakeId: nil, items: [.init(exerciseId: "bridge", dose: Dose(sets: 2, reps: 10, often: "daily"))],
                        note: "", injuredAt: nil, createdBy: fixture.therapist.id, createdAt: fixture.clock.now),
            audit: AuditEntry(at: fixture.clock.now, actorId: fixture.therapist.id, actorRole: .therapist, clientId: fixture.clientA.id, infoType: .selfCare,
                              action: .create, address: "test"))
        try await fixture.test { client in
            let ben = Browser(client)
            _ = try await ben.signIn("ben@example.com")
            let own = try await ben.get("/me/program")
            #expect(own.body.contains("has not set up a home program yet") && !own.body.contains("Bridge"))
            let forged = try await ben.post("/me/program/log", ["program": program.id, "day": "2026-11-24", "done": "yes", "pain": "2"])
            #expect(forged.status == .notFound)
            #expect(try await ben.get("/clients/\(fixture.clientA.id)/program").status == .forbidden)
            #expect(try await ben.get("/clients/\(fixture.clientA.id)/program/chart.svg").status == .forbidden)
            #expect(try await SQLHomeProgramRepository(database: fixture.services.database).logs(clientId: fixture.clientA.id, from: LocalDate(year: 2020, month: 1, day: 1)!).isEmpty)
            #expect(try await SQLHomeProgramRepository(database: fixture.services.database).logs(clientId: fixture.clientB.id, from: LocalDate(year: 2020, month: 1, day: 1)!).isEmpty)

            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            #expect(try await desk.get("/clients/\(fixture.clientA.id)/program").status == .forbidden, "front desk never sees clinical records")
            let tara = Browser(client)
            _ = try await tara.signIn("tara@example.com")
            #expect(try await tara.get("/clients/\(fixture.clientA.id)/program").status == .notFound, "a therapist who does not treat Ada")
            let anonymous = Browser(client)
            #expect(try await anonymous.get("/me/program").location == "/login")
            let picture = try await anonymous.get("/exercises/bridge.svg")
            #expect(picture.status == .ok && picture.headers[.contentType] == "image/svg+xml", "pictures hold no health information")
            #expect(try await anonymous.get("/exercises/unknown.svg").status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func remindersGoOnceADayAtTheChosenTime(engine: Database.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        let service = HomeProgramService(services: fixture.services)
        try await fixture.test { client in
            let ada = Browser(client)
            _ = try await ada.signIn("ada@example.com")
            let local = try await service.zone().local(fixture.clock.now)
            let soon = WallTime(minutes: (local.time.minutes + 30) % 1440)!
            _ = try await SQLHomeProgramRepository(database: fixture.services.database).save(
                HomeProgram(clientId: fixture.clientA.id, intakeId: nil, items: [.init(exerciseId: "heat", dose: Dose(minutes: 20, often: "daily"))],
                            note: "", injuredAt: nil, createdBy: fixture.therapist.id, createdAt: fixture.clock.now),
                audit: AuditEntry(at: fixture.clock.now, actorId: nil, actorRole: nil, clientId: fixture.clientA.id, infoType: .selfCare, action: .create, address: "t"))
            try await ada.get("/me/program")
            let bad = try await ada.post("/me/program/reminder", ["time": "25:99", "enabled": "on"])
            #expect(bad.status == .unprocessableContent && bad.body.contains("Enter a time such as 19:30."))
            #expect(try await ada.post("/me/program/reminder", ["time": soon.description, "enabled": "on"]).location == "/me/program?reminder=1")
            guard local.time.minutes < 1410 else { return }  // the chosen time would fall tomorrow
            #expect(try await service.queueReminders() == 0, "not before the chosen time")
            fixture.clock.advance(seconds: 31 * 60)
            #expect(try await service.queueReminders() == 1)
            #expect(try await service.queueReminders() == 0, "once a day")
            let mail = try await fixture.services.outbox.claim(limit: 5, lease: 60, at: fixture.clock.now)
            #expect(mail.map(\.subject) == ["Time for your home program"] && mail[0].recipient == "ada@example.com")
        }
    }
}
