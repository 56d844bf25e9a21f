import LumbarClinic
import LumbarCore
import Synchronization

/// Payments in memory, only ever added. Receipts are the SQL store's (its numbering counter) and refused here.
public final class MemoryBillingRepository: BillingRepository {
    private let rows = Mutex<[Payment]>([])
    private let ids: IDSource

    public init(ids: IDSource = .random) { self.ids = ids }

    public func record(_ payment: Payment, audit: AuditEntry) async throws {
        var stored = payment
        if stored.id.isEmpty { stored.id = ids.next() }
        let row = stored
        rows.withLock { $0.append(row) }
    }

    public func payments(clientId: String) async throws -> [Payment] {
        rows.withLock { $0.filter { $0.clientId == clientId }.sorted { ($0.receivedAt, $0.id) < ($1.receivedAt, $1.id) } }
    }

    public func issueReceipt(appointmentId: String, clientId: String, by accountId: String, audit: AuditEntry, at now: Instant) async throws -> Receipt {
        throw MemoryStore.Unsupported(what: "BillingRepository.issueReceipt (receipt numbering)")
    }

    public func receipt(id: String) async throws -> Receipt? {
        throw MemoryStore.Unsupported(what: "BillingRepository.receipt (receipt numbering)")
    }

    public func receipts(clientId: String) async throws -> [Receipt] {
        throw MemoryStore.Unsupported(what: "BillingRepository.receipts (receipt numbering)")
    }
}
