import LumbarClinic
import LumbarCore
import Synchronization

/// The ledger in memory: postings only ever added, their expectations checked as the SQL store checks them.
/// Receipts are the SQL store's (its numbering counter) and refused here.
public final class MemoryBillingRepository: BillingRepository {
    private let rows = Mutex<[LedgerPosting]>([])
    private let plans = Mutex<[PackagePlan]>([])

    public init() {}

    public func ledger(clientId: String) async throws -> ClientLedger {
        Self.ledger(clientId, rows.withLock { $0 })
    }

    public func entry(invoiceId: String) async throws -> ClientLedger.Entry? {
        let all = rows.withLock { $0 }
        guard let clientId = all.flatMap(\.invoices).first(where: { $0.id == invoiceId })?.clientId else { return nil }
        return Self.ledger(clientId, all).entry(invoiceId)
    }

    @discardableResult
    public func post(_ posting: LedgerPosting, audit: AuditEntry) async throws -> [Invoice] {
        try rows.withLock { all in
            for expectation in posting.expect where !Self.holds(expectation, all) {
                throw StorageError.conflict("The account changed while this was being recorded. Look again and retry.")
            }
            var numbered = posting
            let last = all.flatMap(\.invoices).map(\.number).max() ?? 0
            for index in numbered.invoices.indices { numbered.invoices[index].number = last + index + 1 }
            all.append(numbered)
            return numbered.invoices
        }
    }

    public func issueReceipt(invoiceId: String, clientId: String, by accountId: String, audit: AuditEntry, at now: Instant) async throws -> Receipt {
        throw MemoryStore.Unsupported(what: "BillingRepository.issueReceipt (receipt numbering)")
    }

    public func receipt(id: String) async throws -> Receipt? {
        throw MemoryStore.Unsupported(what: "BillingRepository.receipt (receipt numbering)")
    }

    public func receipts(clientId: String) async throws -> [Receipt] { [] }

    public func giftCertificate(code: String) async throws -> GiftCertificate? {
        let all = rows.withLock { $0 }
        return all.flatMap(\.giftCertificates).first { $0.code == GiftCode.normalized(code) }.map { Self.balance($0, all) }
    }

    public func giftCertificate(id: String) async throws -> GiftCertificate? {
        let all = rows.withLock { $0 }
        return all.flatMap(\.giftCertificates).first { $0.id == id }.map { Self.balance($0, all) }
    }

    public func giftCertificates(soldTo clientId: String) async throws -> [GiftCertificate] {
        let all = rows.withLock { $0 }
        let sold = Set(all.flatMap(\.invoices).filter { $0.clientId == clientId }.map(\.id))
        return all.flatMap(\.giftCertificates).filter { sold.contains($0.invoiceId) }.map { Self.balance($0, all) }
    }

    public func packagePlans() async throws -> [PackagePlan] { plans.withLock { $0 } }

    public func save(_ plan: PackagePlan) async throws {
        plans.withLock { list in
            list.removeAll { $0.id == plan.id }
            list.append(plan)
        }
    }

    private static func ledger(_ clientId: String, _ all: [LedgerPosting]) -> ClientLedger {
        let voids = Dictionary(all.flatMap(\.voids).map { ($0.invoiceId, $0) }, uniquingKeysWith: { a, _ in a })
        let payments = all.flatMap(\.payments), refunds = all.flatMap(\.refunds)
        let entries = all.flatMap(\.invoices).filter { $0.clientId == clientId }.map { invoice in
            ClientLedger.Entry(invoice: invoice, void: voids[invoice.id], payments: payments.filter { $0.invoiceId == invoice.id },
                               refunds: refunds.filter { $0.invoiceId == invoice.id })
        }
        let uses = all.flatMap(\.packageUses).filter { voids[$0.invoiceId] == nil }
        let packages = all.flatMap(\.packages).filter { $0.clientId == clientId && voids[$0.invoiceId] == nil }.map { package in
            var counted = package
            counted.usedBy = uses.filter { $0.packageId == package.id }.map(\.invoiceId)
            return counted
        }
        return ClientLedger(clientId: clientId, entries: entries, credit: all.flatMap(\.credit).filter { $0.clientId == clientId }, packages: packages)
    }

    private static func balance(_ gift: GiftCertificate, _ all: [LedgerPosting]) -> GiftCertificate {
        var counted = gift
        let drawn = all.flatMap(\.payments).filter { $0.giftCertificateId == gift.id }
        let back = all.flatMap(\.refunds).filter { refund in refund.method == .giftCertificate && drawn.contains { $0.id == refund.paymentId } }
        counted.usedCents = drawn.map(\.amountCents).reduce(0, +) - back.map(\.amountCents).reduce(0, +)
        counted.valid = !all.flatMap(\.voids).contains { $0.invoiceId == gift.invoiceId }
        return counted
    }

    private static func holds(_ expectation: LedgerPosting.Expectation, _ all: [LedgerPosting]) -> Bool {
        let invoices = all.flatMap(\.invoices)
        func entry(_ id: String) -> ClientLedger.Entry? {
            invoices.first { $0.id == id }.flatMap { ledger($0.clientId, all).entry(id) }
        }
        switch expectation {
        case .netPaid(let invoiceId, let cents): return (entry(invoiceId)?.netPaidCents ?? 0) == cents
        case .creditBalance(let clientId, let cents): return all.flatMap(\.credit).filter { $0.clientId == clientId }.map(\.amountCents).reduce(0, +) == cents
        case .giftUsed(let certificateId, let cents):
            return all.flatMap(\.giftCertificates).first { $0.id == certificateId }.map { balance($0, all).usedCents == cents } ?? false
        case .packageUses(let packageId, let count):
            let voided = Set(all.flatMap(\.voids).map(\.invoiceId))
            return all.flatMap(\.packageUses).filter { $0.packageId == packageId && !voided.contains($0.invoiceId) }.count == count
        case .notVoid(let invoiceId): return !all.flatMap(\.voids).contains { $0.invoiceId == invoiceId }
        case .standing(let appointmentId, let invoiceIds):
            let voided = Set(all.flatMap(\.voids).map(\.invoiceId))
            return Set(invoices.filter { $0.appointmentId == appointmentId && !voided.contains($0.id) }.map(\.id)) == Set(invoiceIds)
        }
    }
}
