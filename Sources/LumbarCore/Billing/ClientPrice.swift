/// What a client will pay for a service, tax included, by the rule a receipt charges with (`Billing.tax`), so the
/// price shown when booking is the total on the receipt.
public struct ClientPrice: Sendable, Equatable {
    public let subtotalCents: Int
    public let taxCents: Int
    /// "HST" for the harmonized rates (13% in Ontario, 14% and 15% in the Atlantic provinces), otherwise "tax".
    public let taxName: String
    public var totalCents: Int { subtotalCents + taxCents }

    public init(_ service: BookableService) {
        subtotalCents = service.priceCents
        taxCents = Billing.tax(service.priceCents, basisPoints: service.taxBasisPoints)
        taxName = [1300, 1400, 1500].contains(service.taxBasisPoints) ? "HST" : "tax"
    }
}
