import LumbarClinic
import LumbarCore
import PropertyBased
import Testing
import TestSupport

/// The ledger's money rules over random days at the desk: whatever is tried, nothing is owed below zero, no invoice
/// is paid beyond what it charges, credit never goes negative, and every cent handed over is either on an invoice
/// or held as credit unless it was given back.
@Suite struct LedgerPropertyTests {
    static let desk = Account(id: "desk", email: "desk@example.com", name: "Fran Desk", role: .frontDesk)

    /// One step the desk tries, decoded from a random number.
    enum Step {
        case pay(invoice: Int, cents: Int, keep: Bool)
        case payFromCredit(invoice: Int, cents: Int)
        case refund(invoice: Int, cents: Int, toCredit: Bool)
        case void(invoice: Int)

        init(_ value: Int) {
            let cents = (value / 4) % 30_000 + 1, flag = (value / 120_000) % 2 == 1, invoice = value / 240_000
            switch value % 4 {
            case 0: self = .pay(invoice: invoice, cents: cents, keep: flag)
            case 1: self = .payFromCredit(invoice: invoice, cents: cents)
            case 2: self = .refund(invoice: invoice, cents: cents, toCredit: flag)
            default: self = .void(invoice: invoice)
            }
        }
    }

    @Test func moneyIsNeitherLostNorMadeUp() async throws {
        let totals = Gen.int(in: 0...40_000).array(of: 1...4)
        let steps = Gen.int(in: 0...(240_000 * 4 - 1)).array(of: 1...30)
        await propertyCheck(count: 120, input: totals, steps) { totals, steps in
            let store = MemoryStore()
            let clock = TestClock()
            let ledger = LedgerService(billing: store.billing, clinic: store.clinic, accounts: store.accounts, scheduling: store.scheduling,
                                       clock: clock.wallClock)
            let actor = LedgerService.Actor(account: Self.desk, address: "127.0.0.1")
            var posting = LedgerPosting()
            posting.invoices = totals.enumerated().map { index, cents in
                Invoice(id: "inv-\(index)", clientId: "ada", kind: .fee, issuedAt: clock.now, issuedBy: "desk",
                        lines: [.init(description: "fee", subtotalCents: cents, taxCents: 0)], seller: .init(clinicName: "", clinicAddress: "", hstNumber: nil))
            }
            try? await store.billing.post(posting, audit: AuditEntry(at: clock.now, actorId: "desk", actorRole: .frontDesk, clientId: "ada",
                                                                    infoType: .appointment, action: .create, address: ""))
            // What the test itself saw change hands: the tender accepted, and the refunds given back to it.
            var received = 0, returned = 0
            for value in steps {
                clock.advance(seconds: 60)
                switch Step(value) {
                case .pay(let invoice, let cents, let keep):
                    let id = "inv-\(invoice % totals.count)"
                    if (try? await ledger.pay(invoiceId: id, .init(cents: cents, method: .cash, keepRestAsCredit: keep), by: actor)) != nil { received += cents }
                case .payFromCredit(let invoice, let cents):
                    _ = try? await ledger.pay(invoiceId: "inv-\(invoice % totals.count)", .init(cents: cents, method: .accountCredit), by: actor)
                case .refund(let invoice, let cents, let toCredit):
                    let id = "inv-\(invoice % totals.count)"
                    guard let payment = try? await store.billing.entry(invoiceId: id)?.payments.last else { continue }
                    let done = (try? await ledger.refund(paymentId: payment.id, invoiceId: id, cents: cents, toCredit: toCredit, reason: "asked", by: actor)) != nil
                    if done && !toCredit && payment.method == .cash { returned += cents }
                case .void(let invoice):
                    try? await ledger.void(invoiceId: "inv-\(invoice % totals.count)", reason: "error", by: actor)
                }
            }
            guard let account = try? await store.billing.ledger(clientId: "ada") else { Issue.record("no ledger"); return }
            for entry in account.entries {
                #expect(entry.owedCents >= 0)
                #expect(entry.paidCents <= entry.invoice.totalCents, "never paid beyond what it charges")
                #expect(entry.refundedCents <= entry.paidCents)
                if entry.isVoid { #expect(entry.payments.map(\.amountCents).reduce(0, +) == entry.refundedCents, "a void holds no money") }
            }
            #expect(account.credit.map(\.amountCents).reduce(0, +) >= 0)
            let onInvoices = account.entries.map(\.netPaidCents).reduce(0, +)
            #expect(onInvoices + account.creditCents == received - returned, "credit + payments - refunds = applied + credit left")
        }
    }
}
