import LumbarClinic
import LumbarCore

/// Reports are sums the database makes; the in-memory store does not model them and says so.
public struct MemoryReportRepository: ReportRepository {
    public init() {}
    public func revenue(_ window: ReportWindow) async throws -> RevenueFigures { throw MemoryStore.Unsupported(what: "reports") }
    public func endOfDay(_ window: ReportWindow) async throws -> EndOfDayFigures { throw MemoryStore.Unsupported(what: "reports") }
    public func appointmentTallies(_ window: ReportWindow) async throws -> [AppointmentTally] { throw MemoryStore.Unsupported(what: "reports") }
    public func compensationRules() async throws -> [CompensationRule] { throw MemoryStore.Unsupported(what: "pay rules") }
    public func setCompensationRule(_ rule: CompensationRule, by accountId: String, at now: Instant, audit: AuditEntry) async throws {
        throw MemoryStore.Unsupported(what: "pay rules")
    }
}
