import LumbarCore
import PropertyBased
import Testing

/// Charges by appointment status, HST rounding, and what is owed.
@Suite struct BillingTests {
    static let service = BookableService(id: "s", name: "Massage, 60 minutes", minutes: 60, bufferMinutes: 15, priceCents: 12_000, taxBasisPoints: 1300,
                                         bookableOnline: true, audience: .any)

    static func appointment(_ status: Appointment.Status, fee: Int = 0) -> Appointment {
        Appointment(id: "a", clientId: "c", therapistId: "t", locationId: "l", roomId: nil, serviceId: "s", start: Instant(milliseconds: 0),
                    end: Instant(milliseconds: 3_600_000), occupiedUntil: Instant(milliseconds: 4_500_000), status: status, feeCents: fee)
    }

    @Test func chargesFollowTheAppointment() {
        #expect(Billing.charge(Self.appointment(.completed), service: Self.service)?.totalCents == 13_560)
        #expect(Billing.charge(Self.appointment(.arrived), service: Self.service)?.taxCents == 1_560)
        #expect(Billing.charge(Self.appointment(.booked), service: Self.service) == nil)
        #expect(Billing.charge(Self.appointment(.cancelled), service: Self.service) == nil)
        #expect(Billing.charge(Self.appointment(.lateCancelled, fee: 4_000), service: Self.service)?.totalCents == 4_000)
        #expect(Billing.charge(Self.appointment(.lateCancelled), service: Self.service) == nil)
        #expect(Billing.tax(1_005, basisPoints: 1300) == 131, "130.65 cents rounds half up")
    }

    static func entry(total: Int, paid: [Int], refunded: Int = 0) -> ClientLedger.Entry {
        let invoice = Invoice(id: "i", clientId: "c", kind: .visit, issuedAt: Instant(milliseconds: 0), issuedBy: "d",
                              lines: [.init(description: "Massage", subtotalCents: total, taxCents: 0)], seller: .init(clinicName: "", clinicAddress: "", hstNumber: nil))
        let payments = paid.enumerated().map { Payment(id: "p\($0.offset)", invoiceId: "i", clientId: "c", amountCents: $0.element, method: .debit,
                                                      receivedAt: Instant(milliseconds: 0), recordedBy: "d") }
        let refunds = refunded > 0 ? [Refund(paymentId: "p0", invoiceId: "i", clientId: "c", amountCents: refunded, method: .debit, reason: "r",
                                             at: Instant(milliseconds: 0), by: "d")] : []
        return ClientLedger.Entry(invoice: invoice, payments: payments, refunds: refunds)
    }

    /// Whatever is tendered against whatever is owed: applied plus kept equals what was handed over, nothing goes
    /// on the invoice beyond what it owes, and without the desk's say-so a payment beyond it is refused whole.
    @Test func aPaymentSplitsIntoWhatIsOwedAndCreditOrIsRefused() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...50_000), Gen.int(in: 0...50_000).array(of: 0...3), Gen.int(in: 1...80_000), Gen.bool()) {
            total, earlier, cents, keep in
            let fitting = earlier.reduce(into: [Int]()) { kept, amount in if kept.reduce(0, +) + amount <= total && amount > 0 { kept.append(amount) } }
            let entry = Self.entry(total: total, paid: fitting)
            let owed = total - fitting.reduce(0, +)
            #expect(entry.owedCents == owed)
            switch LedgerRules.split(cents, method: .cash, on: entry, keepRestAsCredit: keep) {
            case .success(let split):
                #expect(split.appliedCents + split.creditKeptCents == cents && split.appliedCents <= owed && split.appliedCents > 0)
                #expect(split.creditKeptCents == 0 || keep)
            case .failure(let refusal):
                #expect(owed == 0 ? refusal == .nothingOwed : (refusal == .moreThanOwed(owedCents: owed) && cents > owed && !keep))
            }
        }
    }

    @Test func aRefundLowersWhatWasChargedAndWhatWasPaidAlike() {
        let entry = Self.entry(total: 13_560, paid: [13_560], refunded: 3_560)
        #expect(entry.chargedCents == 10_000 && entry.netPaidCents == 10_000 && entry.owedCents == 0)
        #expect(entry.refundable(entry.payments[0]) == 10_000)
        #expect(LedgerRules.refund(10_001, of: entry.payments[0], on: entry, reason: "x") == .refundTooLarge(refundableCents: 10_000))
        #expect(LedgerRules.void(entry, reason: "x") == .voidWhilePaid(netPaidCents: 10_000))
        #expect(LedgerRules.void(Self.entry(total: 13_560, paid: [13_560], refunded: 13_560), reason: "x") == nil)
        #expect(LedgerRules.void(Self.entry(total: 100, paid: []), reason: "  ") == .reasonMissing)
    }

    @Test func giftCodesAreReadBackHoweverTheyAreTyped() {
        let code = GiftCode.make { 7 }
        #expect(code == "GIFT-HHHH-HHHH")
        #expect(GiftCode.normalized("gift hhhh hhhh") == code && GiftCode.normalized("HHHHHHHH") == code && GiftCode.normalized(" gift-hhhh-hhhh ") == code)
    }
}
