import LumbarClinic
import LumbarCore
import Synchronization

/// Treatment plans in memory: each save is the client's next version, never edited.
public final class MemoryTreatmentPlanRepository: TreatmentPlanRepository {
    private let plans = Mutex<[TreatmentPlan]>([])
    private let ids: IDSource

    public init(ids: IDSource = .random) { self.ids = ids }

    public func save(_ plan: TreatmentPlan, audit: AuditEntry) async throws -> TreatmentPlan {
        var saved = plan
        saved.id = ids.next()
        return plans.withLock { plans in
            saved.version = (plans.filter { $0.clientId == plan.clientId }.map(\.version).max() ?? 0) + 1
            plans.append(saved)
            return saved
        }
    }

    public func versions(clientId: String) async throws -> [TreatmentPlan] {
        plans.withLock { $0.filter { $0.clientId == clientId }.sorted { $0.version > $1.version } }
    }
}
