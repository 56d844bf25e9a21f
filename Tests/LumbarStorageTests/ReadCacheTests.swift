import LumbarClinic
import LumbarCore
import LumbarStorage
import SQLKit
import Synchronization
import Testing
import TestSupport

/// Settings kept in memory must never be served after a change this process made, nor kept past their lifetime.
@Suite struct ReadCacheTests {
    /// Counts how often a value had to be loaded.
    final class Loads: Sendable {
        private let count = Mutex(0)
        func load(_ value: Int) -> Int {
            count.withLock { $0 += 1 }
            return value
        }
        var total: Int { count.withLock { $0 } }
    }

    @Test func keepsAValueUntilItIsDropped() async throws {
        let cache = ReadCache()
        let loads = Loads()
        #expect(try await cache.value(.services) { loads.load(1) } == 1)
        #expect(try await cache.value(.services) { loads.load(2) } == 1)
        #expect(loads.total == 1)
        cache.drop([.clinic])
        #expect(try await cache.value(.services) { loads.load(3) } == 1, "dropping another key leaves this one")
        cache.drop([.services])
        #expect(try await cache.value(.services) { loads.load(4) } == 4)
        #expect(loads.total == 2)
    }

    @Test func aValueOlderThanItsLifetimeIsLoadedAgain() async throws {
        let cache = ReadCache(lifetime: .zero)
        let loads = Loads()
        _ = try await cache.value(.clinic) { loads.load(1) }
        #expect(try await cache.value(.clinic) { loads.load(2) } == 2)
        #expect(loads.total == 2)
    }

    @Test func aLoadOverlappingADropIsNotKept() async throws {
        let cache = ReadCache()
        let (started, startedNow) = AsyncStream.makeStream(of: Void.self)
        let (release, releaseNow) = AsyncStream.makeStream(of: Void.self)
        // The slow load read the old row; a write commits and drops the key before the load returns.
        let slow = Task {
            try await cache.value(.bookingRules) { () async -> Int in
                startedNow.yield()
                for await _ in release { break }
                return 1
            }
        }
        for await _ in started { break }
        cache.drop([.bookingRules])
        releaseNow.yield()
        #expect(try await slow.value == 1)
        #expect(try await cache.value(.bookingRules) { 2 } == 2, "the value read before the change was not kept")
    }

    @Test(arguments: TestDatabase.engines)
    func repositoriesShowTheirOwnChangesAtOnce(engine: Database.Engine) async throws {
        try await TestDatabase.with(engine) { (database: Database) async throws in
            let scheduling = SQLSchedulingRepository(database: database)
            #expect(try await scheduling.services().isEmpty)
            #expect(try await scheduling.locations().isEmpty)
            let service = try await scheduling.addService(BookableService(id: "", name: "Massage, 60 minutes", minutes: 60, bufferMinutes: 15, priceCents: 12_000,
                                                                                 taxBasisPoints: 0, bookableOnline: true, audience: .any))
            _ = try await scheduling.addLocation(name: "Main", address: "1 King St", timeZone: "America/Toronto", rooms: ["A"], at: StorageTests.now)
            #expect(try await scheduling.services().map(\.id) == [service.id])
            #expect(try await scheduling.locations().map(\.name) == ["Main"])

            var rules = try await scheduling.rules()
            rules.minimumNoticeMinutes += 30
            try await scheduling.setRules(rules)
            #expect(try await scheduling.rules().minimumNoticeMinutes == rules.minimumNoticeMinutes)

            let accounts = SQLAccountRepository(database: database)
            #expect(try await accounts.therapists().isEmpty)
            _ = try await accounts.create(AccountDraft(email: "t@example.com", name: "Tess", role: .therapist, password: "correct horse battery"),
                                          passwordHash: "x", at: StorageTests.now)
            #expect(try await accounts.therapists().map(\.name) == ["Tess"])

            // Weekly hours are cached too, and a new pattern is used at once.
            let location = try await scheduling.locations()[0]
            let therapist = try await accounts.therapists()[0]
            var hours = WeeklyHours()
            hours.days[1] = [WeeklyHours.Span(start: WallTime(minutes: 540)!, end: WallTime(minutes: 1020)!)!]
            let window = TimeRange(start: StorageTests.now, end: StorageTests.now.adding(seconds: 86_400))
            #expect(try await scheduling.hours(locationId: location.id, window: window).isEmpty)
            try await scheduling.setHours(therapistId: therapist.id, locationId: location.id, hours)
            #expect(try await scheduling.hours(locationId: location.id, window: window)[therapist.id]?.days[1] == hours.days[1])
            hours.days[1] = [WeeklyHours.Span(start: WallTime(minutes: 600)!, end: WallTime(minutes: 960)!)!]
            try await scheduling.setHours(therapistId: therapist.id, locationId: location.id, hours)
            #expect(try await scheduling.hours(locationId: location.id, window: window)[therapist.id]?.days[1] == hours.days[1])
            // Time off is read fresh each time.
            try await scheduling.addTimeOff(therapistId: therapist.id, window, note: "away")
            #expect(try await scheduling.hours(locationId: location.id, window: window)[therapist.id]?.timeOff == [window])

            // A change made behind the repositories' back (here, raw SQL) is not seen until the key is dropped, within the
            // cache's lifetime. A read of a still-fresh entry does not renew it, so drop the key to load a fresh copy now;
            // and a loaded machine can still outlast the lifetime between that load and the read after the change,
            // when seeing the change is right, so that read is checked only if it came within the lifetime.
            let loadedFrom = ContinuousClock.now
            database.cache.drop([.bookingRules])
            #expect(try await scheduling.rules().minimumNoticeMinutes == rules.minimumNoticeMinutes)
            try await database.write { db in try await db.raw("UPDATE booking_rules SET minimum_notice_minutes = 999 WHERE id = 1").run() }
            let unchanged = try await scheduling.rules().minimumNoticeMinutes
            if ContinuousClock.now - loadedFrom < database.cache.lifetime { #expect(unchanged == rules.minimumNoticeMinutes) }
            database.cache.drop([.bookingRules])
            #expect(try await scheduling.rules().minimumNoticeMinutes == 999)
        }
    }
}
