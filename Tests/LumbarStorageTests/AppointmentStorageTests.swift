import Foundation
import LumbarClinic
import LumbarCore
import LumbarStorage
import SQLKit
import Testing
import TestSupport

/// Double bookings are impossible in the database itself, on both engines.
@Suite struct AppointmentStorageTests {
    static let now = Instant(milliseconds: 1_795_000_000_000)

    struct Clinic {
        let therapist: Account
        let client: Client
        let location: Location
        let service: BookableService
    }

    static func seed(_ database: Database) async throws -> Clinic {
        let therapist = try await SQLAccountRepository(database: database).create(
            AccountDraft(email: "theo@example.com", name: "Theo", role: .therapist, collegeRegistration: "R1", password: "x"), passwordHash: "h", at: now)
        let client = try await SQLClientRepository(database: database).create(Client(id: "", firstName: "Ada", lastName: "Alpha"), at: now)
        let scheduling = SQLSchedulingRepository(database: database)
        let location = try await scheduling.addLocation(name: "Main", address: "1 King St", timeZone: "America/Toronto", rooms: ["Room 1"], at: now)
        let service = try await scheduling.addService(BookableService(id: "", name: "Massage 60", minutes: 60, bufferMinutes: 15, priceCents: 12000,
                                                                      taxBasisPoints: 1300, bookableOnline: true, audience: .any))
        return Clinic(therapist: therapist, client: client, location: location, service: service)
    }

    static func appointment(_ clinic: Clinic, startingAt start: Instant, room: Bool = false) -> Appointment {
        Appointment(id: UUID().uuidString, clientId: clinic.client.id, therapistId: clinic.therapist.id, locationId: clinic.location.id,
                    roomId: room ? clinic.location.rooms.first?.id : nil, serviceId: clinic.service.id, start: start,
                    end: start.adding(seconds: 3600), occupiedUntil: start.adding(seconds: 4500))
    }

    @Test(arguments: TestDatabase.engines)
    func twentySimultaneousBookingsForOneSlotMakeOneAppointment(engine: Database.Engine) async throws {
        try await TestDatabase.with(engine) { (database: Database) async throws in
            let clinic = try await Self.seed(database)
            let repository = SQLAppointmentRepository(database: database)
            let start = Self.now.adding(seconds: 86_400)
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        do {
                            try await repository.book([Self.appointment(clinic, startingAt: start)], bookedBy: clinic.therapist.id, mail: [], at: Self.now)
                            return true
                        } catch StorageError.conflict {
                            return false
                        } catch {
                            Issue.record("unexpected \(error)")
                            return false
                        }
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            let window = TimeRange(start: Self.now, end: Self.now.adding(seconds: 3 * 86_400))
            #expect(try await repository.list(window: window).count == 1)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func simultaneousBookingsForOneClientJoinTheCareTeamOnce(engine: Database.Engine) async throws {
        try await TestDatabase.with(engine) { (database: Database) async throws in
            let clinic = try await Self.seed(database)
            let repository = SQLAppointmentRepository(database: database)
            // Twelve different days, all at once: each booking adds the therapist to the care team if not there yet.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for day in 1...12 {
                    group.addTask {
                        try await repository.book([Self.appointment(clinic, startingAt: Self.now.adding(seconds: Int64(day) * 86_400))],
                                                  bookedBy: clinic.therapist.id, mail: [], at: Self.now)
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await SQLClientRepository(database: database).therapists(of: clinic.client.id).map(\.id) == [clinic.therapist.id])
            let window = TimeRange(start: Self.now, end: Self.now.adding(seconds: 14 * 86_400))
            #expect(try await repository.list(window: window).count == 12)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func overlapsAndBuffersAreRefusedButCancelledTimeIsFree(engine: Database.Engine) async throws {
        try await TestDatabase.with(engine) { (database: Database) async throws in
            let clinic = try await Self.seed(database)
            let repository = SQLAppointmentRepository(database: database)
            let start = Self.now.adding(seconds: 86_400)
            let first = Self.appointment(clinic, startingAt: start, room: true)
            try await repository.book([first], bookedBy: clinic.therapist.id, mail: [], at: Self.now)
            // Inside the first appointment's 15-minute buffer.
            await #expect(throws: StorageError.conflict(SQLAppointmentRepository.taken)) {
                try await repository.book([Self.appointment(clinic, startingAt: start.adding(seconds: 3600 + 600))], bookedBy: clinic.therapist.id, mail: [], at: Self.now)
            }
            // Back to back after the buffer is fine.
            try await repository.book([Self.appointment(clinic, startingAt: start.adding(seconds: 4500))], bookedBy: clinic.therapist.id, mail: [], at: Self.now)
            // A series is saved whole or not at all.
            let series = [Self.appointment(clinic, startingAt: start.adding(seconds: 7 * 86_400)), Self.appointment(clinic, startingAt: start)]
            await #expect(throws: StorageError.self) {
                try await repository.book(series, bookedBy: clinic.therapist.id, mail: [QueuedMail(to: "a@example.com", subject: "s", body: "b", calendar: nil)], at: Self.now)
            }
            #expect(try await repository.find(id: series[0].id) == nil)
            #expect(try await SQLOutboxRepository(database: database).pending() == 0, "mail for a refused booking is never queued")
            // Cancelling frees the time; the cancelled row stays.
            try await repository.setStatus(id: first.id, .cancelled, at: Self.now)
            try await repository.book([Self.appointment(clinic, startingAt: start)], bookedBy: clinic.therapist.id, mail: [], at: Self.now)
            #expect(try await repository.find(id: first.id)?.status == .cancelled)
            // What free times are worked out from: the active appointments, with their room and buffer, not the cancelled one.
            let window = TimeRange(start: start.adding(seconds: -86_400), end: start.adding(seconds: 2 * 86_400))
            let active = try await repository.list(window: window)
            #expect(active.count == 2)
            #expect(try await repository.occupancy(window: window) == active.map {
                AvailabilityRequest.Booked(therapistId: $0.therapistId, roomId: $0.roomId, occupied: TimeRange(start: $0.start, end: $0.occupiedUntil))
            })
            #expect(try await repository.occupancy(window: TimeRange(start: start.adding(seconds: 5400), end: start.adding(seconds: 86_400))).map(\.occupied.start)
                    == [start.adding(seconds: 4500)], "only what overlaps the window")
            #expect(try await repository.occupancy(window: window, therapistId: clinic.therapist.id).map(\.occupied.start).sorted()
                    == active.map(\.start).sorted(), "all of this therapist's, when asked")
            #expect(try await repository.occupancy(window: window, therapistId: "someone else").isEmpty, "one therapist's, when asked")
            // A direct write that bypasses the repository is refused too.
            await #expect(throws: (any Error).self) {
                try await database.write { db in
                    try await db.raw("UPDATE appointments SET status = 'booked' WHERE id = \(bind: first.id)").run()
                }
            }
        }
    }

    @Test(arguments: TestDatabase.engines)
    func outboxDeliversOnceWithBackoff(engine: Database.Engine) async throws {
        try await TestDatabase.with(engine) { (database: Database) async throws in
            try await database.write { db in
                try await SQLOutboxRepository.enqueue([QueuedMail(to: "ada@example.com", subject: "Confirmed", body: "See you", calendar: "BEGIN:VCALENDAR")],
                                                   on: db, at: Self.now)
            }
            let outbox = SQLOutboxRepository(database: database)
            let claimed = try await outbox.claim(limit: 10, lease: 300, at: Self.now)
            #expect(claimed.count == 1)
            #expect(try await outbox.claim(limit: 10, lease: 300, at: Self.now).isEmpty, "a claimed message is not handed out twice")
            try await outbox.markFailed(id: claimed[0].id, attempts: 0, error: "sendmail exited 75", at: Self.now)
            #expect(try await outbox.claim(limit: 10, lease: 300, at: Self.now.adding(seconds: 30)).isEmpty, "waits out the backoff")
            let retry = try await outbox.claim(limit: 10, lease: 300, at: Self.now.adding(seconds: 61))
            #expect(retry.first?.attempts == 1)
            try await outbox.markSent(id: retry[0].id, at: Self.now.adding(seconds: 62))
            #expect(try await outbox.claim(limit: 10, lease: 300, at: Self.now.adding(seconds: 10_000)).isEmpty)
            #expect(try await outbox.pending() == 0)
        }
    }
}
