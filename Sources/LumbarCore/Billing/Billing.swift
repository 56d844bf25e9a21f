/// What a visit costs (CMTO Fees and Billing): the service's price with HST for an attended visit, or the fee
/// charged for a late cancellation or a missed visit. The invoice issued for it is the record (`Invoice`).
public enum Billing {
    public struct Charge: Sendable, Equatable {
        public enum Kind: String, Sendable { case visit, fee }
        public let appointmentId: String
        public let kind: Kind
        public let description: String
        public let subtotalCents: Int
        public let taxCents: Int
        public var totalCents: Int { subtotalCents + taxCents }
    }

    /// HST in cents, rounded half up, from a price and a rate in basis points (1300 = 13%).
    public static func tax(_ cents: Int, basisPoints: Int) -> Int { (cents * basisPoints + 5_000) / 10_000 }

    public static func charge(_ appointment: Appointment, service: BookableService) -> Charge? {
        switch appointment.status {
        case .arrived, .completed:
            return Charge(appointmentId: appointment.id, kind: .visit, description: service.name, subtotalCents: service.priceCents,
                          taxCents: tax(service.priceCents, basisPoints: service.taxBasisPoints))
        case .lateCancelled, .noShow:
            guard appointment.feeCents > 0 else { return nil }
            return Charge(appointmentId: appointment.id, kind: .fee, description: "\(service.name): \(appointment.status == .noShow ? "missed visit" : "late cancellation") fee",
                          subtotalCents: appointment.feeCents, taxCents: 0)
        case .booked, .cancelled:
            return nil
        }
    }
}
