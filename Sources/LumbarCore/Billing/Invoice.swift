/// A charge to a client: an attended visit, a late-cancellation or missed-visit fee, a package or a gift
/// certificate. Issued once and never changed; a mistake is put right by voiding it (`InvoiceVoid`). It keeps the
/// clinic's and the therapist's details as they were when it was issued, so a receipt printed years later says
/// what the original said.
public struct Invoice: Sendable, Equatable, Identifiable {
    public enum Kind: String, Sendable, CaseIterable {
        case visit, fee, package, gift

        /// Gift certificates are money held for the client, not earnings: reports leave them out of revenue.
        public var isRevenue: Bool { self != .gift }
    }

    public struct Line: Sendable, Equatable {
        public var description: String
        public var subtotalCents: Int
        public var taxCents: Int
        public var totalCents: Int { subtotalCents + taxCents }

        public init(description: String, subtotalCents: Int, taxCents: Int) {
            self.description = description
            self.subtotalCents = subtotalCents
            self.taxCents = taxCents
        }
    }

    /// Who charged: the clinic and, for a visit, its therapist, as printed on the receipt.
    public struct Seller: Sendable, Equatable {
        public var clinicName: String
        public var clinicAddress: String
        public var hstNumber: String?
        public var therapistName: String
        public var therapistRegistration: String

        public init(clinicName: String, clinicAddress: String, hstNumber: String?, therapistName: String = "", therapistRegistration: String = "") {
            self.clinicName = clinicName
            self.clinicAddress = clinicAddress
            self.hstNumber = hstNumber
            self.therapistName = therapistName
            self.therapistRegistration = therapistRegistration
        }
    }

    public var id: String
    /// Given by the store from one counter, so two desks never share a number.
    public var number: Int
    public var clientId: String
    public var kind: Kind
    public var appointmentId: String?
    public var locationId: String?
    public var therapistId: String?
    public var serviceId: String?
    public var issuedAt: Instant
    public var issuedBy: String
    public var lines: [Line]
    public var seller: Seller

    public init(id: String = "", number: Int = 0, clientId: String, kind: Kind, appointmentId: String? = nil, locationId: String? = nil,
                therapistId: String? = nil, serviceId: String? = nil, issuedAt: Instant, issuedBy: String, lines: [Line], seller: Seller) {
        self.id = id
        self.number = number
        self.clientId = clientId
        self.kind = kind
        self.appointmentId = appointmentId
        self.locationId = locationId
        self.therapistId = therapistId
        self.serviceId = serviceId
        self.issuedAt = issuedAt
        self.issuedBy = issuedBy
        self.lines = lines
        self.seller = seller
    }

    public var subtotalCents: Int { lines.map(\.subtotalCents).reduce(0, +) }
    public var taxCents: Int { lines.map(\.taxCents).reduce(0, +) }
    public var totalCents: Int { subtotalCents + taxCents }
    public var description: String { lines.map(\.description).joined(separator: "; ") }
}

/// An invoice withdrawn because it was issued in error: a new row with the reason and who did it.
public struct InvoiceVoid: Sendable, Equatable {
    public var invoiceId: String
    public var reason: String
    public var by: String
    public var at: Instant

    public init(invoiceId: String, reason: String, by: String, at: Instant) {
        self.invoiceId = invoiceId
        self.reason = reason
        self.by = by
        self.at = at
    }
}
