import LumbarCore

/// Treatment plans, one version per change, never edited.
public protocol TreatmentPlanRepository: Sendable {
    func save(_ plan: TreatmentPlan, audit: AuditEntry) async throws -> TreatmentPlan

    /// Every version, newest first.
    func versions(clientId: String) async throws -> [TreatmentPlan]
}
