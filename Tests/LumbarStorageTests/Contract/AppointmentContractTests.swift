import Foundation
import LumbarClinic
import LumbarCore
import Testing
import TestSupport

/// What every `AppointmentRepository` must do, run on the in-memory store and on SQLite and PostgreSQL alike.
@Suite struct AppointmentContractTests {
    static let now = Instant(milliseconds: 1_795_000_000_000)
    static let tomorrow = now.adding(seconds: 86_400)
    static let mail = QueuedMail(to: "ada@example.com", subject: "Booked", body: "See you")

    static func run(_ store: ContractStore, _ body: (ClinicServices, ContractSeed, ContractStore.Handle) async throws -> Void) async throws {
        try await store.with(clock: TestClock(now)) { handle in
            try await body(handle.services, try await ContractSeed.make(handle.services, at: now), handle)
        }
    }

    static func refusedAsTaken(_ work: () async throws -> Void) async -> Bool {
        do {
            try await work()
            return false
        } catch StorageError.conflict {
            return true
        } catch {
            Issue.record("expected a conflict, got \(error)")
            return false
        }
    }

    @Test(arguments: ContractStore.available)
    func aBookingIsKeptWithItsMailAndPutsTheTherapistOnTheCareTeam(store: ContractStore) async throws {
        try await Self.run(store) { services, seed, handle in
            #expect(try await !services.clients.treats(therapistId: seed.theo.id, clientId: seed.ada.id))
            try await services.appointments.book([seed.appointment("a1", at: Self.tomorrow)], bookedBy: seed.theo.id, mail: [Self.mail], at: Self.now)
            #expect(try await services.appointments.find(id: "a1")?.start == Self.tomorrow)
            #expect(try await handle.queuedMail() == 1)
            #expect(try await services.clients.treats(therapistId: seed.theo.id, clientId: seed.ada.id))
            #expect(try await services.appointments.hasHistory(clientId: seed.ada.id))
        }
    }

    @Test(arguments: ContractStore.available)
    func theSameTherapistCannotBeBookedTwiceIncludingTheBuffer(store: ContractStore) async throws {
        try await Self.run(store) { services, seed, handle in
            let appointments = services.appointments
            try await appointments.book([seed.appointment("a1", at: Self.tomorrow)], bookedBy: seed.theo.id, mail: [], at: Self.now)
            // Starting when the hour ends but inside the 15-minute buffer: refused, and its mail is not queued.
            #expect(await Self.refusedAsTaken {
                try await appointments.book([seed.appointment("a2", at: Self.tomorrow.adding(seconds: 3600))], bookedBy: seed.theo.id,
                                            mail: [Self.mail], at: Self.now)
            })
            #expect(try await appointments.find(id: "a2") == nil)
            #expect(try await handle.queuedMail() == 0)
            // Once the buffer is over the therapist is free; another therapist is free meanwhile.
            try await appointments.book([seed.appointment("a3", at: Self.tomorrow.adding(seconds: 4500))], bookedBy: seed.theo.id, mail: [], at: Self.now)
            try await appointments.book([seed.appointment("a4", at: Self.tomorrow, therapist: seed.rosa)], bookedBy: seed.rosa.id, mail: [], at: Self.now)
        }
    }

    @Test(arguments: ContractStore.available)
    func oneRoomHoldsOneAppointmentAtATime(store: ContractStore) async throws {
        try await Self.run(store) { services, seed, _ in
            let appointments = services.appointments
            try await appointments.book([seed.appointment("a1", at: Self.tomorrow, room: 0)], bookedBy: seed.theo.id, mail: [], at: Self.now)
            #expect(await Self.refusedAsTaken {
                try await appointments.book([seed.appointment("a2", at: Self.tomorrow.adding(seconds: 1800), therapist: seed.rosa, room: 0)],
                                            bookedBy: seed.rosa.id, mail: [], at: Self.now)
            })
            try await appointments.book([seed.appointment("a3", at: Self.tomorrow.adding(seconds: 1800), therapist: seed.rosa, room: 1)],
                                        bookedBy: seed.rosa.id, mail: [], at: Self.now)
        }
    }

    @Test(arguments: ContractStore.available)
    func aSeriesWithOneClashKeepsNothing(store: ContractStore) async throws {
        try await Self.run(store) { services, seed, handle in
            let appointments = services.appointments
            let week: Int64 = 7 * 86_400
            try await appointments.book([seed.appointment("taken", at: Self.tomorrow.adding(seconds: 2 * week))], bookedBy: seed.theo.id, mail: [], at: Self.now)
            let series = (0..<4).map { seed.appointment("s\($0)", at: Self.tomorrow.adding(seconds: Int64($0) * week)) }
            #expect(await Self.refusedAsTaken {
                try await appointments.book(series, bookedBy: seed.theo.id, mail: [Self.mail, Self.mail], at: Self.now)
            })
            for occurrence in series { #expect(try await appointments.find(id: occurrence.id) == nil) }
            #expect(try await handle.queuedMail() == 0)
        }
    }

    @Test(arguments: ContractStore.available)
    func aCancelledAppointmentFreesItsTimeAndIsNoHistory(store: ContractStore) async throws {
        try await Self.run(store) { services, seed, _ in
            let appointments = services.appointments
            try await appointments.book([seed.appointment("a1", at: Self.tomorrow)], bookedBy: seed.theo.id, mail: [], at: Self.now)
            try await appointments.setStatus(id: "a1", .lateCancelled, feeCents: 4000, revision: 3, reason: "client asked", mail: [], at: Self.now)
            #expect(try await appointments.cancelReason(id: "a1") == "client asked", "the reason is kept with the cancellation")
            let cancelled = try #require(try await appointments.find(id: "a1"))
            #expect(cancelled.status == .lateCancelled && cancelled.feeCents == 4000 && cancelled.revision == 3)
            #expect(try await !appointments.hasHistory(clientId: seed.ada.id))
            try await appointments.book([seed.appointment("a2", at: Self.tomorrow)], bookedBy: seed.theo.id, mail: [], at: Self.now)
            // A change without a revision keeps the one it had.
            try await appointments.setStatus(id: "a2", .arrived, feeCents: 0, revision: nil, mail: [], at: Self.now)
            #expect(try await appointments.find(id: "a2")?.revision == 0)
            #expect(try await appointments.find(id: "a2")?.status == .arrived)
        }
    }

    @Test(arguments: ContractStore.available)
    func aMoveIsRefusedOntoAnotherBookingButMayOverlapItsOwnOldTime(store: ContractStore) async throws {
        try await Self.run(store) { services, seed, handle in
            let appointments = services.appointments
            try await appointments.book([seed.appointment("a1", at: Self.tomorrow)], bookedBy: seed.theo.id, mail: [], at: Self.now)
            try await appointments.book([seed.appointment("a2", at: Self.tomorrow.adding(seconds: 3 * 3600))], bookedBy: seed.theo.id, mail: [], at: Self.now)
            var moved = try #require(try await appointments.find(id: "a1"))
            moved.start = moved.start.adding(seconds: 1800)
            moved.end = moved.end.adding(seconds: 1800)
            moved.occupiedUntil = moved.occupiedUntil.adding(seconds: 1800)
            moved.revision = 1
            try await appointments.move(moved, mail: [Self.mail], at: Self.now)
            #expect(try await appointments.find(id: "a1") == moved)
            var onto = moved
            onto.start = Self.tomorrow.adding(seconds: 3 * 3600)
            onto.end = onto.start.adding(seconds: 3600)
            onto.occupiedUntil = onto.start.adding(seconds: 4500)
            #expect(await Self.refusedAsTaken { try await appointments.move(onto, mail: [Self.mail], at: Self.now) })
            #expect(try await appointments.find(id: "a1") == moved)
            #expect(try await handle.queuedMail() == 1)
        }
    }

    @Test(arguments: ContractStore.available)
    func listsAndOccupancyFilterByWindowTherapistClientAndStatus(store: ContractStore) async throws {
        try await Self.run(store) { services, seed, _ in
            let appointments = services.appointments
            let bob = try await services.clients.create(Client(id: "", firstName: "Bob", lastName: "Beta"), at: Self.now)
            try await appointments.book([seed.appointment("a1", at: Self.tomorrow)], bookedBy: seed.theo.id, mail: [], at: Self.now)
            var other = seed.appointment("a2", at: Self.tomorrow.adding(seconds: 7200), therapist: seed.rosa)
            other.clientId = bob.id
            try await appointments.book([other], bookedBy: seed.rosa.id, mail: [], at: Self.now)
            try await appointments.book([seed.appointment("a3", at: Self.tomorrow.adding(seconds: 86_400))], bookedBy: seed.theo.id, mail: [], at: Self.now)
            try await appointments.setStatus(id: "a3", .cancelled, feeCents: 0, revision: nil, mail: [], at: Self.now)
            let day = TimeRange(start: Self.tomorrow, end: Self.tomorrow.adding(seconds: 86_400))
            #expect(try await appointments.list(window: day).map(\.id) == ["a1", "a2"])
            #expect(try await appointments.list(window: day, therapistId: seed.rosa.id).map(\.id) == ["a2"])
            #expect(try await appointments.list(window: day, clientId: seed.ada.id).map(\.id) == ["a1"])
            let two = TimeRange(start: Self.tomorrow, end: Self.tomorrow.adding(seconds: 2 * 86_400))
            #expect(try await appointments.list(window: two, clientId: seed.ada.id).map(\.id) == ["a1"])
            #expect(try await appointments.list(window: two, clientId: seed.ada.id, activeOnly: false).map(\.id) == ["a1", "a3"])
            // A window that only touches the buffer still sees the appointment; one that starts after it does not.
            let buffer = TimeRange(start: Self.tomorrow.adding(seconds: 4000), end: Self.tomorrow.adding(seconds: 4100))
            #expect(try await appointments.occupancy(window: buffer, therapistId: seed.theo.id).map(\.therapistId) == [seed.theo.id])
            let after = TimeRange(start: Self.tomorrow.adding(seconds: 4500), end: Self.tomorrow.adding(seconds: 5000))
            #expect(try await appointments.occupancy(window: after, therapistId: seed.theo.id).isEmpty)
            #expect(try await Set(appointments.occupancy(window: day).map(\.therapistId)) == [seed.theo.id, seed.rosa.id])
        }
    }
}
