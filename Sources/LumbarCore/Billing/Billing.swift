/// What a visit costs and what is owed (CMTO Fees and Billing): the service's price with HST for an attended
/// visit, or the fee charged for a late cancellation or a missed visit.
public enum Billing {
    public struct Charge: Sendable, Equatable {
        public let appointmentId: String
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
            return Charge(appointmentId: appointment.id, description: service.name, subtotalCents: service.priceCents,
                          taxCents: tax(service.priceCents, basisPoints: service.taxBasisPoints))
        case .lateCancelled, .noShow:
            guard appointment.feeCents > 0 else { return nil }
            return Charge(appointmentId: appointment.id, description: "\(service.name): \(appointment.status == .noShow ? "missed visit" : "late cancellation") fee",
                          subtotalCents: appointment.feeCents, taxCents: 0)
        case .booked, .cancelled:
            return nil
        }
    }

    /// What is still owed on a charge after the payments against it (never below zero).
    public static func owed(_ charge: Charge?, payments: [Payment]) -> Int {
        max(0, (charge?.totalCents ?? 0) - payments.map(\.amountCents).reduce(0, +))
    }
}

/// Money received against an appointment. Payments are only ever added; a refund is recorded as its own entry.
public struct Payment: Sendable, Equatable, Identifiable {
    public enum Method: String, Sendable, CaseIterable {
        case cash, debit, credit
        case eTransfer = "e-transfer"

        public var label: String {
            switch self {
            case .cash: return "Cash"
            case .debit: return "Debit"
            case .credit: return "Credit card"
            case .eTransfer: return "E-transfer"
            }
        }
    }

    public var id: String
    public var appointmentId: String
    public var clientId: String
    public var amountCents: Int
    public var method: Method
    public var receivedAt: Instant
    public var recordedBy: String

    public init(id: String = "", appointmentId: String, clientId: String, amountCents: Int, method: Method, receivedAt: Instant, recordedBy: String) {
        self.id = id
        self.appointmentId = appointmentId
        self.clientId = clientId
        self.amountCents = amountCents
        self.method = method
        self.receivedAt = receivedAt
        self.recordedBy = recordedBy
    }
}

/// An issued receipt. The first for an appointment is the original; each re-issue is a new numbered receipt
/// marked DUPLICATE that names the original.
public struct Receipt: Sendable, Equatable, Identifiable {
    public var id: String
    public var number: Int
    public var appointmentId: String
    public var clientId: String
    public var issuedAt: Instant
    public var issuedBy: String
    public var duplicateOf: String?

    public init(id: String, number: Int, appointmentId: String, clientId: String, issuedAt: Instant, issuedBy: String, duplicateOf: String?) {
        self.id = id
        self.number = number
        self.appointmentId = appointmentId
        self.clientId = clientId
        self.issuedAt = issuedAt
        self.issuedBy = issuedBy
        self.duplicateOf = duplicateOf
    }

    public var isDuplicate: Bool { duplicateOf != nil }
}
