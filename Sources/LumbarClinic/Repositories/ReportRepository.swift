import LumbarCore

/// The money and booking reports, summed by the database (GROUP BY) rather than in memory, and the compensation rules.
public protocol ReportRepository: Sendable {
    /// Revenue by local day and by therapist, service and location; refunds by when they were given.
    func revenue(_ window: ReportWindow) async throws -> RevenueFigures

    /// The till's figures for one window (a local day) at a location, or every location.
    func endOfDay(_ window: ReportWindow) async throws -> EndOfDayFigures

    /// Appointments starting in the window, by therapist and status.
    func appointmentTallies(_ window: ReportWindow) async throws -> [AppointmentTally]

    func compensationRules() async throws -> [CompensationRule]

    /// Sets (or replaces) one therapist's rule, with its audit row, in one transaction.
    func setCompensationRule(_ rule: CompensationRule, by accountId: String, at now: Instant, audit: AuditEntry) async throws
}
