/// The desk's money rules, as pure decisions the use case then writes: how much of what was handed over goes on
/// the invoice, what is kept as credit, and why anything is refused.
public enum LedgerRules {
    public enum Refusal: Error, Sendable, Equatable {
        case notPositive
        case voided
        case nothingOwed
        /// More than is owed, and the desk did not choose to keep the rest as credit.
        case moreThanOwed(owedCents: Int)
        case notEnoughCredit(availableCents: Int)
        case notEnoughOnCertificate(balanceCents: Int)
        case certificateNotValid
        /// Sold but not yet paid for: it cannot pay for anything yet.
        case certificateUnpaid
        case packageNotUsable
        /// Bought but not yet paid for.
        case packageUnpaid
        case refundTooLarge(refundableCents: Int)
        case voidWhilePaid(netPaidCents: Int)
        case alreadyVoid
        case reasonMissing
    }

    /// Where a payment of `cents` goes.
    public struct Split: Sendable, Equatable {
        public let appliedCents: Int
        public let creditKeptCents: Int

        public init(appliedCents: Int, creditKeptCents: Int) {
            self.appliedCents = appliedCents
            self.creditKeptCents = creditKeptCents
        }
    }

    /// `available` is what the source holds when the money does not come from the client's hand (credit on account,
    /// a gift certificate's balance); nil for cash, cards and transfers.
    public static func split(_ cents: Int, method: Payment.Method, on entry: ClientLedger.Entry, keepRestAsCredit: Bool,
                             available: Int? = nil) -> Result<Split, Refusal> {
        guard cents > 0 else { return .failure(.notPositive) }
        guard !entry.isVoid else { return .failure(.voided) }
        let owed = entry.owedCents
        guard owed > 0 else { return .failure(.nothingOwed) }
        if let available, cents > available {
            return .failure(method == .giftCertificate ? .notEnoughOnCertificate(balanceCents: available) : .notEnoughCredit(availableCents: available))
        }
        if cents <= owed { return .success(Split(appliedCents: cents, creditKeptCents: 0)) }
        // Only money actually handed over can become credit; a certificate or credit already held just stops at what is owed.
        guard keepRestAsCredit, method.isTender else { return .failure(.moreThanOwed(owedCents: owed)) }
        return .success(Split(appliedCents: owed, creditKeptCents: cents - owed))
    }

    public static func refund(_ cents: Int, of payment: Payment, on entry: ClientLedger.Entry, reason: String) -> Refusal? {
        guard cents > 0 else { return .notPositive }
        guard !reason.trimmed.isEmpty else { return .reasonMissing }
        let refundable = entry.refundable(payment)
        return cents > refundable ? .refundTooLarge(refundableCents: refundable) : nil
    }

    /// A void is for an invoice issued in error; money already kept against it is refunded first, so nothing paid is
    /// lost. A visit a package covered goes back on the package with the void.
    public static func void(_ entry: ClientLedger.Entry, reason: String) -> Refusal? {
        guard !entry.isVoid else { return .alreadyVoid }
        guard !reason.trimmed.isEmpty else { return .reasonMissing }
        let held = entry.payments.filter { $0.method != .package }.map(\.amountCents).reduce(0, +) - entry.refundedCents
        return held > 0 ? .voidWhilePaid(netPaidCents: held) : nil
    }
}
