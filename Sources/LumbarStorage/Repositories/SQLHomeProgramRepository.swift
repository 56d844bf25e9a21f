import LumbarClinic
import LumbarCore
import SQLKit

/// Home programs (a new version on every save), the client's diary, and their reminder time.
public struct SQLHomeProgramRepository: HomeProgramRepository {
    public typealias Reminder = ProgramReminder
    let database: Database
    public init(database: Database) { self.database = database }

    /// Saves the program as the client's next version, with its audit row, in one transaction.
    public func save(_ program: HomeProgram, audit: AuditEntry) async throws -> HomeProgram {
        try await database.write { db in
            let latest = try await db.raw("SELECT MAX(version) AS v FROM home_programs WHERE client_id = \(bind: program.clientId)").first()
            var saved = program
            saved.id = Database.newID()
            saved.version = (try latest?.decode(column: "v", as: Int?.self) ?? 0) + 1
            try await db.raw("""
                INSERT INTO home_programs (id, client_id, version, intake_id, items, note, injured_at, created_by, created_at)
                VALUES (\(bind: saved.id), \(bind: saved.clientId), \(bind: saved.version), \(bind: saved.intakeId), \(bind: saved.itemsJSON),
                        \(bind: saved.note), \(bind: saved.injuredAt?.milliseconds), \(bind: saved.createdBy), \(bind: saved.createdAt.milliseconds))
                """).run()
            try await SQLAuditRepository.append(audit, on: db)
            return saved
        }
    }

    static func program(_ row: any SQLRow) throws -> HomeProgram {
        HomeProgram(id: try row.string("id"), clientId: try row.string("client_id"), version: try row.int("version"), intakeId: try row.optionalString("intake_id"),
                    items: HomeProgram.items(fromJSON: try row.string("items")), note: try row.string("note"), injuredAt: try row.optionalInstant("injured_at"),
                    createdBy: try row.string("created_by"), createdAt: try row.instant("created_at"))
    }

    /// The client's programs, newest version first.
    public func versions(clientId: String) async throws -> [HomeProgram] {
        try await database.read { db in
            try await db.raw("SELECT * FROM home_programs WHERE client_id = \(bind: clientId) ORDER BY version DESC").all().map(Self.program)
        }
    }

    public func current(clientId: String) async throws -> HomeProgram? {
        try await database.read { db in
            try await db.raw("SELECT * FROM home_programs WHERE client_id = \(bind: clientId) ORDER BY version DESC LIMIT 1").first().map(Self.program)
        }
    }

    public func log(_ entry: ProgramLog, clientId: String, audit: AuditEntry) async throws {
        try await database.write { db in
            try await db.raw("""
                INSERT INTO program_logs (id, client_id, program_id, day, done, pain, note, created_at)
                VALUES (\(bind: Database.newID()), \(bind: clientId), \(bind: entry.programId), \(bind: entry.day.description), \(bind: entry.done.rawValue),
                        \(bind: entry.pain), \(bind: entry.note), \(bind: entry.at.milliseconds))
                """).run()
            try await SQLAuditRepository.append(audit, on: db)
        }
    }

    /// Diary entries from `from` on, oldest first.
    public func logs(clientId: String, from: LocalDate) async throws -> [ProgramLog] {
        try await database.read { db in
            try await db.raw("""
                SELECT * FROM program_logs WHERE client_id = \(bind: clientId) AND day >= \(bind: from.description) ORDER BY created_at, id
                """).all().compactMap { row in
                guard let day = LocalDate(iso: try row.string("day")), let done = ProgramLog.Done(rawValue: try row.string("done")) else { return nil }
                return ProgramLog(programId: try row.string("program_id"), day: day, done: done, pain: try row.int("pain"), note: try row.string("note"),
                                  at: try row.instant("created_at"))
            }
        }
    }

    // MARK: Reminders

    public func reminder(clientId: String) async throws -> Reminder? {
        try await database.read { db in
            try await db.raw("SELECT * FROM program_reminders WHERE client_id = \(bind: clientId)").first().map(Self.reminder)
        }
    }

    static func reminder(_ row: any SQLRow) throws -> Reminder {
        Reminder(clientId: try row.string("client_id"), minuteOfDay: try row.int("minute_of_day"), enabled: try row.flag("enabled"),
                 lastSentOn: try row.optionalString("last_sent_on").flatMap(LocalDate.init(iso:)))
    }

    public func setReminder(clientId: String, minuteOfDay: Int, enabled: Bool, at now: Instant) async throws {
        try await database.write { db in
            if try await db.raw("SELECT 1 AS yes FROM program_reminders WHERE client_id = \(bind: clientId)").first() != nil {
                try await db.raw("""
                    UPDATE program_reminders SET minute_of_day = \(bind: minuteOfDay), enabled = \(bind: enabled.stored), updated_at = \(bind: now.milliseconds)
                    WHERE client_id = \(bind: clientId)
                    """).run()
            } else {
                try await db.raw("""
                    INSERT INTO program_reminders (client_id, minute_of_day, enabled, updated_at)
                    VALUES (\(bind: clientId), \(bind: minuteOfDay), \(bind: enabled.stored), \(bind: now.milliseconds))
                    """).run()
            }
        }
    }

    /// Queues today's reminder for every client whose time has come and who has not had one today; the claim
    /// (`last_sent_on`) and the mail commit together, so two instances never send twice.
    public func queueDueReminders(today: LocalDate, minuteNow: Int, at now: Instant,
                                  mail: @Sendable (Reminder) async throws -> QueuedMail?) async throws -> Int {
        let due = try await database.read { db in
            try await db.raw("""
                SELECT * FROM program_reminders WHERE enabled = 1 AND minute_of_day <= \(bind: minuteNow)
                  AND (last_sent_on IS NULL OR last_sent_on < \(bind: today.description))
                """).all().map(Self.reminder)
        }
        var queued = 0
        for reminder in due {
            guard let message = try await mail(reminder) else { continue }
            let claimed = try await database.write { db in
                // One conditional update decides who sends: a second instance finds nothing to claim.
                let claim = try await db.raw("""
                    UPDATE program_reminders SET last_sent_on = \(bind: today.description)
                    WHERE client_id = \(bind: reminder.clientId) AND (last_sent_on IS NULL OR last_sent_on < \(bind: today.description))
                    RETURNING client_id
                    """).first()
                guard claim != nil else { return false }
                try await SQLOutboxRepository.enqueue([message], on: db, at: now)
                return true
            }
            if claimed { queued += 1 }
        }
        return queued
    }
}
