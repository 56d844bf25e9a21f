import LumbarCore

extension ClientPrice {
    /// "$135.60 (includes $15.60 HST)", or "$120.00" when the service carries no tax.
    public var words: String {
        taxCents == 0 ? Money.text(totalCents) : "\(Money.text(totalCents)) (includes \(Money.text(taxCents)) \(taxName))"
    }
}
