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

/// Time off: refused when it ends before it starts or is already over, listed once entered, and removed only after
/// the owner confirms, kept on record as removed and audited.
@Suite struct SchedulingTimeOffWebTests {
    @Test func timeOffIsCheckedListedAndRemovedAfterConfirming() async throws {
        let setup = try await BookingAPITests.setUp()  // Friday 20 November 2026, 07:00 in Toronto
        let fixture = setup.fixture
        let scheduling = fixture.services.scheduling
        try await fixture.test { client in
            let owner = Browser(client)
            _ = try await owner.signIn("owner@example.com", code: fixture.ownerCode)
            #expect(try await owner.get("/scheduling/time-off").body.contains("No time off coming up."))

            let backwards = try await owner.post("/scheduling/time-off", ["offTherapist": fixture.therapist.id, "offFrom": "2026-11-30", "offThrough": "2026-11-27"])
            #expect(backwards.status == .unprocessableContent && backwards.body.contains("id=\"offThrough-error\"") && backwards.body.contains("before the first"))
            #expect(backwards.body.contains("value=\"2026-11-30\"") && backwards.body.contains("value=\"2026-11-27\""), "what was typed is kept")
            let over = try await owner.post("/scheduling/time-off", ["offTherapist": fixture.therapist.id, "offFrom": "2026-11-10", "offThrough": "2026-11-19"])
            #expect(over.status == .unprocessableContent && over.body.contains("already over"))
            #expect(try await scheduling.timeOff(endingAfter: Instant(milliseconds: 0)).isEmpty, "nothing refused is saved")

            // Under way today is fine; so is a weekend across the spring clock change, which is 47 hours long.
            let today = try await owner.post("/scheduling/time-off", ["offTherapist": fixture.therapist.id, "offFrom": "2026-11-19", "offThrough": "2026-11-20"])
            #expect(today.status == .seeOther)
            let spring = try await owner.post("/scheduling/time-off", ["offTherapist": fixture.therapist.id, "offFrom": "2027-03-13", "offThrough": "2027-03-14",
                                                                       "offNote": "Course"])
            #expect(spring.status == .seeOther)
            let entries = try await scheduling.timeOff(endingAfter: fixture.clock.now)
            #expect(entries.count == 2)
            let weekend = try #require(entries.last)
            #expect(weekend.range == TimeRange(start: RFC3339.parse("2027-03-13T00:00:00-05:00")!, end: RFC3339.parse("2027-03-15T00:00:00-04:00")!))

            let listed = try await owner.get(spring.location ?? "")
            #expect(listed.body.contains("Time off saved."))
            #expect(listed.body.contains("Sat 13 Mar 2027 to Sun 14 Mar 2027 · Course"))
            #expect(listed.body.contains("href=\"/scheduling/time-off/\(weekend.id)/remove\""))
            let availability = "/api/v1/availability?serviceId=\(setup.service.id)&locationId=\(setup.location.id)&from=2027-03-13&to=2027-03-13"
            #expect((BookingAPITests.json(try await BookingAPITests.get(client, availability))["slots"] as? [Any] ?? [1]).isEmpty)

            // Asking first: the link shows what would be removed and changes nothing.
            let ask = try await owner.get("/scheduling/time-off/\(weekend.id)/remove")
            #expect(ask.status == .ok && ask.body.contains("Remove this time off?") && ask.body.contains("Theo Therapist"))
            #expect(try await scheduling.timeOff(id: weekend.id) != nil)
            let removed = try await owner.post("/scheduling/time-off/\(weekend.id)/remove", [:])
            #expect(removed.location == "/scheduling/time-off?saved=time-off-removed")
            let after = try await owner.get(removed.location ?? "")
            #expect(after.body.contains("Time off removed.") && !after.body.contains("Sat 13 Mar 2027"))
            #expect(!(BookingAPITests.json(try await BookingAPITests.get(client, availability))["slots"] as? [Any] ?? []).isEmpty, "those days are bookable again")
            #expect(try await owner.post("/scheduling/time-off/\(weekend.id)/remove", [:]).status == .notFound, "removed once")

            // Kept on record, marked removed, and audited.
            let kept = try await fixture.services.database.read { db in
                try await db.raw("SELECT removed_at, removed_by FROM time_off WHERE id = \(bind: weekend.id)").first()
            }
            #expect(try kept?.decode(column: "removed_by", as: String?.self) == fixture.owner.id)
            #expect(try kept?.decode(column: "removed_at", as: Int64?.self) == fixture.clock.now.milliseconds)
            #expect(try await fixture.audit().contains { $0.detail.contains("time off removed") })
        }
    }

    @Test func theRuleForTimeOff() {
        let now = Instant(milliseconds: 1_795_000_000_000), hour: Int64 = 3600
        #expect(TimeOff.problem(start: now.adding(seconds: 5 * hour), end: now.adding(seconds: 2 * hour), now: now) == .endsBeforeStart)
        #expect(TimeOff.problem(start: now, end: now, now: now.adding(seconds: -hour)) == .endsBeforeStart, "an empty span")
        #expect(TimeOff.problem(start: now.adding(seconds: -48 * hour), end: now, now: now) == .alreadyOver, "ending just now")
        #expect(TimeOff.problem(start: now.adding(seconds: -48 * hour), end: now.adding(seconds: hour), now: now) == nil, "under way")
        #expect(TimeOff.problem(start: now.adding(seconds: hour), end: now.adding(seconds: 2 * hour), now: now) == nil)
    }
}
