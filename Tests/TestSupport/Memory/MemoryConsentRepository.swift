import LumbarClinic
import LumbarCore
import Synchronization

/// Consents and withdrawals in memory, append-only: a withdrawal names a consent of the same client, once.
public final class MemoryConsentRepository: ConsentRepository {
    private let consents = Mutex<[Consent]>([])
    private let ids: IDSource

    public init(ids: IDSource = .random) { self.ids = ids }

    public func add(_ consent: Consent, audit: AuditEntry) async throws -> String {
        var stored = consent
        if stored.id.isEmpty { stored.id = ids.next() }
        let row = stored
        try consents.withLock { consents in
            if let withdraws = row.withdraws {
                guard consents.contains(where: { $0.id == withdraws && $0.clientId == row.clientId && $0.withdraws == nil }) else { throw StorageError.notFound }
                guard !consents.contains(where: { $0.withdraws == withdraws }) else { throw StorageError.conflict("This consent was already withdrawn.") }
            }
            consents.append(row)
        }
        return row.id
    }

    public func list(clientId: String) async throws -> [Consent] {
        consents.withLock { $0.filter { $0.clientId == clientId }.sorted { ($0.at, $0.id) < ($1.at, $1.id) } }
    }
}
