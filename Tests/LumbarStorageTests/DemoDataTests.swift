import Foundation
import LumbarClinic
import LumbarCore
import LumbarStorage
import SQLKit
import Testing
import TestSupport

/// `lumbar demo` data: the counts asked for, past visits attended, future ones booked, and never an overlap
/// (the database itself would refuse one).
@Suite struct DemoDataTests {
    @Test(arguments: TestDatabase.engines)
    func demoDataIsWhatWasAskedForAndConsistent(engine: Database.Engine) async throws {
        try await TestDatabase.with(engine) { (database: Database) async throws in
            let now = Instant(milliseconds: 1_795_000_000_000)
            let summary = try await DemoData.generate(database: database, clients: 120, appointments: 900, now: now, ownerHash: "x", ownerTOTPSecret: "TESTTESTTESTTESTTEST")
            #expect(summary.clients == 120 && summary.appointments == 900)
            #expect(try await SQLClientRepository(database: database).list().count == 120)
            let all = try await SQLAppointmentRepository(database: database).list(window: TimeRange(start: Instant(milliseconds: 0), end: now.adding(seconds: 400 * 86_400)),
                                                                                activeOnly: false)
            #expect(all.count == 900)
            #expect(all.allSatisfy { ($0.start < now) == ($0.status != .booked) }, "past visits attended or missed, future ones booked")
            // A second run adds to the same clinic instead of making another.
            _ = try await DemoData.generate(database: database, clients: 10, appointments: 100, now: now, ownerHash: "x", ownerTOTPSecret: "TESTTESTTESTTESTTEST")
            #expect(try await SQLAccountRepository(database: database).therapists().count == 10)
            #expect(try await SQLClientRepository(database: database).list().count == 130)
            #expect(try await SQLAppointmentRepository(database: database).list(window: TimeRange(start: Instant(milliseconds: 0), end: now.adding(seconds: 400 * 86_400)),
                                                                             activeOnly: false).count == 1000)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aRealClinicIsRefusedAndLeftAsItWas(engine: Database.Engine) async throws {
        try await TestDatabase.with(engine) { (database: Database) async throws in
            let now = Instant(milliseconds: 1_795_000_000_000)
            _ = try await SQLClinicRepository(database: database).setUp(
                ClinicProfile(name: "Spine & Ease", address: "12 King St W", timeZone: "America/Toronto"),
                owner: AccountDraft(email: "olive@example.com", name: "Olive Owner", role: .owner, password: "unused-here"),
                passwordHash: "x", totpSecret: "TESTTESTTESTTESTTEST", at: now)
            await #expect(throws: StorageError.self) {
                _ = try await DemoData.generate(database: database, clients: 10, appointments: 10, now: now, ownerHash: "x", ownerTOTPSecret: "TESTTESTTESTTESTTEST")
            }
            #expect(try await SQLClientRepository(database: database).list().isEmpty)
            #expect(try await SQLAccountRepository(database: database).therapists().isEmpty)
        }
    }
}
