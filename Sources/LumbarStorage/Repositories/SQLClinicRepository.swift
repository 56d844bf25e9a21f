import LumbarClinic
import LumbarCore
import SQLKit

/// The single clinic row and its first-visit setup.
public struct SQLClinicRepository: ClinicRepository {
    let database: Database
    public init(database: Database) { self.database = database }

    public func profile() async throws -> ClinicProfile? {
        try await database.cache.value(.clinic) { try await readProfile() }
    }

    private func readProfile() async throws -> ClinicProfile? {
        try await database.read { db in
            guard let row = try await db.raw("SELECT * FROM clinic WHERE id = 1").first() else { return nil }
            return ClinicProfile(
                name: try row.string("name"), address: try row.string("address"), timeZone: try row.string("time_zone"),
                hstNumber: try row.optionalString("hst_number"), sharedCare: try row.flag("shared_care"),
                acuteWeeks: try row.int("acute_weeks"),
                rulesOff: Set(try row.string("rules_off").split(separator: ",").map(String.init)))
        }
    }

    /// Creates the clinic and its owner together; fails with `.conflict` once setup has happened.
    public func setUp(_ profile: ClinicProfile, owner: AccountDraft, passwordHash: String, totpSecret: String, at now: Instant) async throws -> Account {
        let accountId = Database.newID()
        try await database.write(changing: [.clinic, .therapists]) { db in
            if try await db.raw("SELECT id FROM clinic WHERE id = 1").first() != nil {
                throw StorageError.conflict("The clinic is already set up.")
            }
            try await db.raw("""
                INSERT INTO clinic (id, name, address, time_zone, hst_number, shared_care, acute_weeks, created_at)
                VALUES (1, \(bind: profile.name), \(bind: profile.address), \(bind: profile.timeZone), \(bind: profile.hstNumber),
                        \(bind: profile.sharedCare.stored), \(bind: profile.acuteWeeks), \(bind: now.milliseconds))
                """).run()
            try await SQLAccountRepository.insert(db, id: accountId, draft: owner, passwordHash: passwordHash, totpSecret: totpSecret, at: now)
        }
        return Account(id: accountId, email: owner.email, name: owner.name, role: .owner)
    }

    public func update(sharedCare: Bool, acuteWeeks: Int, rulesOff: Set<String>) async throws {
        let rules = rulesOff.sorted().joined(separator: ",")
        try await database.write(changing: [.clinic]) { db in
            try await db.raw("""
                UPDATE clinic SET shared_care = \(bind: sharedCare.stored), acute_weeks = \(bind: acuteWeeks), rules_off = \(bind: rules)
                WHERE id = 1
                """).run()
        }
    }

    public func updateDetails(name: String, address: String, timeZone: String, hstNumber: String?) async throws {
        try await database.write(changing: [.clinic]) { db in
            try await db.raw("""
                UPDATE clinic SET name = \(bind: name), address = \(bind: address), time_zone = \(bind: timeZone), hst_number = \(bind: hstNumber)
                WHERE id = 1
                """).run()
        }
    }

    /// The optional questionnaires asked at intake (STarT Back, RMDQ, ODI), as the owner set them.
    public func intakeScreens() async throws -> [Instrument] {
        try await database.read { db in
            guard let row = try await db.raw("SELECT intake_screens FROM clinic WHERE id = 1").first() else { return [] }
            return try row.string("intake_screens").split(separator: ",").compactMap { Instrument(rawValue: String($0)) }
        }
    }

    public func setIntakeScreens(_ screens: [Instrument]) async throws {
        let text = screens.map(\.rawValue).joined(separator: ",")
        try await database.write { db in
            try await db.raw("UPDATE clinic SET intake_screens = \(bind: text) WHERE id = 1").run()
        }
    }
}
