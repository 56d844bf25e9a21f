import LumbarCore

/// Home programs (a new version on every save), the client's diary, and their reminder time.
public protocol HomeProgramRepository: Sendable {
    /// Saves the program as the client's next version, with its audit row, in one transaction.
    func save(_ program: HomeProgram, audit: AuditEntry) async throws -> HomeProgram

    /// The client's programs, newest version first.
    func versions(clientId: String) async throws -> [HomeProgram]

    func current(clientId: String) async throws -> HomeProgram?

    func log(_ entry: ProgramLog, clientId: String, audit: AuditEntry) async throws

    /// Diary entries from `from` on, oldest first.
    func logs(clientId: String, from: LocalDate) async throws -> [ProgramLog]

    func reminder(clientId: String) async throws -> ProgramReminder?

    func setReminder(clientId: String, minuteOfDay: Int, enabled: Bool, at now: Instant) async throws

    /// Queues today's reminder for every client whose time has come and who has not had one today; the claim
    /// (`last_sent_on`) and the mail commit together, so two instances never send twice.
    func queueDueReminders(today: LocalDate, minuteNow: Int, at now: Instant, mail: @Sendable (ProgramReminder) async throws -> QueuedMail?) async throws -> Int
}
