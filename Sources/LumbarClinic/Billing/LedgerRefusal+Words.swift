import LumbarCore

extension LedgerRules.Refusal {
    /// What the desk is told, in a sentence that says what to do instead.
    public var words: String {
        switch self {
        case .notPositive: return "Enter an amount above zero, such as 120.00."
        case .voided: return "This invoice is void, so nothing more can be recorded on it."
        case .nothingOwed: return "Nothing is owed on this invoice, so no payment was recorded."
        case .moreThanOwed(let owed):
            return "That is more than the \(Money.text(owed)) owed. Enter \(Money.text(owed)) or less, or tick “keep anything beyond what is owed as credit”."
        case .notEnoughCredit(let available): return "The client has \(Money.text(available)) of credit on account. Enter that much or less."
        case .notEnoughOnCertificate(let balance): return "That certificate has \(Money.text(balance)) left. Enter that much or less and take the rest another way."
        case .certificateNotValid: return "No gift certificate with that code can be used. Check the code on the certificate, e.g. GIFT-7KQ2-M9XD."
        case .certificateUnpaid: return "That certificate has not been paid for yet. Take its payment on the buyer's account first."
        case .packageUnpaid: return "That package has not been paid for yet. Take its payment first; then it covers the visit."
        case .packageNotUsable: return "That package cannot cover this visit: it has no visits left, has expired, or is for another service."
        case .refundTooLarge(let refundable):
            return refundable == 0 ? "This payment has already been refunded in full." : "At most \(Money.text(refundable)) of this payment can be given back."
        case .voidWhilePaid(let held):
            return "\(Money.text(held)) has been paid on this invoice. Refund the payments first, then void it."
        case .alreadyVoid: return "This invoice is already void."
        case .reasonMissing: return "Say why, in a few words. The reason stays with the record."
        }
    }
}
