import LumbarCore

/// A local day's UTC offset in force from `from` on: how storage turns instants into the location's calendar days.
public struct OffsetSegment: Sendable, Equatable {
    public let from: Instant
    public let offsetMilliseconds: Int64

    public init(from: Instant, offsetMilliseconds: Int64) {
        self.from = from
        self.offsetMilliseconds = offsetMilliseconds
    }
}

/// What the reports ask storage for: a span of time, a location or all of them, and how instants fall into local days.
public struct ReportWindow: Sendable {
    public let range: TimeRange
    public let locationId: String?
    /// In order; the first starts at or before `range.start`.
    public let offsets: [OffsetSegment]
    /// The zone the days are read in and the local days covered (days since 1970-01-01), when the window was made
    /// from local days: what lets a repository answer from totals it keeps by day.
    public let zoneIdentifier: String?
    public let days: ClosedRange<Int>?

    public init(range: TimeRange, locationId: String?, offsets: [OffsetSegment], zoneIdentifier: String? = nil, days: ClosedRange<Int>? = nil) {
        self.range = range
        self.locationId = locationId
        self.offsets = offsets
        self.zoneIdentifier = zoneIdentifier
        self.days = days
    }
}

/// One day's (or one breakdown key's) sums from the ledger.
public struct RevenueRow: Sendable, Equatable {
    /// The local day (days since 1970-01-01) for a series row; nil in a breakdown row.
    public var day: Int?
    public var therapistId: String?
    public var serviceId: String?
    public var locationId: String?
    public var subtotalCents: Int
    public var taxCents: Int
    public var refundCents: Int
    /// Invoices counted as revenue (visits, fees, packages; not voided, not covered by a package).
    public var invoices: Int
    /// Visits covered by a package: attended, not revenue again.
    public var packageVisits: Int
    /// Visits attended (paid or covered): what a per-visit rule pays for.
    public var visits: Int

    public init(day: Int? = nil, therapistId: String? = nil, serviceId: String? = nil, locationId: String? = nil, subtotalCents: Int = 0,
                taxCents: Int = 0, refundCents: Int = 0, invoices: Int = 0, packageVisits: Int = 0, visits: Int = 0) {
        self.day = day
        self.therapistId = therapistId
        self.serviceId = serviceId
        self.locationId = locationId
        self.subtotalCents = subtotalCents
        self.taxCents = taxCents
        self.refundCents = refundCents
        self.invoices = invoices
        self.packageVisits = packageVisits
        self.visits = visits
    }

    /// Adds another row's sums to this one's (its keys are left as they are).
    public mutating func add(_ other: RevenueRow) {
        subtotalCents += other.subtotalCents
        taxCents += other.taxCents
        refundCents += other.refundCents
        invoices += other.invoices
        packageVisits += other.packageVisits
        visits += other.visits
    }
}

/// The ledger's revenue over a window: by local day, and by therapist, service and location.
public struct RevenueFigures: Sendable, Equatable {
    public var byDay: [RevenueRow]
    public var breakdown: [RevenueRow]
    public var giftSoldCents: Int
    public var giftSoldCount: Int

    public init(byDay: [RevenueRow], breakdown: [RevenueRow], giftSoldCents: Int, giftSoldCount: Int) {
        self.byDay = byDay
        self.breakdown = breakdown
        self.giftSoldCents = giftSoldCents
        self.giftSoldCount = giftSoldCount
    }
}

/// The till's day: money in, money back, what was drawn from prepaid balances, what is owed at the end.
public struct EndOfDayFigures: Sendable, Equatable {
    /// Ledger payments by method (every method, the till's and the prepaid ones), cents and how many.
    public var payments: [String: (cents: Int, count: Int)]
    /// Credit kept on account from a payment beyond what was owed, by the tender it came in (money in the till).
    public var creditKept: [String: Int]
    /// Refunds by the method they went back by.
    public var refunds: [String: (cents: Int, count: Int)]
    /// Still owed on invoices issued by the end of the day, after payments by then.
    public var owedAtEndCents: Int
    public var owingInvoices: Int

    public init(payments: [String: (cents: Int, count: Int)], creditKept: [String: Int], refunds: [String: (cents: Int, count: Int)],
                owedAtEndCents: Int, owingInvoices: Int) {
        self.payments = payments
        self.creditKept = creditKept
        self.refunds = refunds
        self.owedAtEndCents = owedAtEndCents
        self.owingInvoices = owingInvoices
    }

    public static func == (lhs: EndOfDayFigures, rhs: EndOfDayFigures) -> Bool {
        lhs.payments.mapValues { [$0.cents, $0.count] } == rhs.payments.mapValues { [$0.cents, $0.count] }
            && lhs.refunds.mapValues { [$0.cents, $0.count] } == rhs.refunds.mapValues { [$0.cents, $0.count] }
            && lhs.creditKept == rhs.creditKept && lhs.owedAtEndCents == rhs.owedAtEndCents && lhs.owingInvoices == rhs.owingInvoices
    }
}

/// Appointments of one therapist in one status over a window, and the minutes they held.
public struct AppointmentTally: Sendable, Equatable {
    public var therapistId: String
    public var status: String
    public var count: Int
    public var minutes: Int

    public init(therapistId: String, status: String, count: Int, minutes: Int) {
        self.therapistId = therapistId
        self.status = status
        self.count = count
        self.minutes = minutes
    }
}

/// How the clinic pays a therapist: a share of their revenue, or an amount for each visit they saw.
public struct CompensationRule: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case percent
        case perVisit = "per-visit"
    }

    public var therapistId: String
    public var kind: Kind
    /// For `percent`: hundredths of a percent (4500 is 45%).
    public var basisPoints: Int
    /// For `perVisit`: cents for each attended visit.
    public var centsPerVisit: Int

    public init(therapistId: String, kind: Kind, basisPoints: Int = 0, centsPerVisit: Int = 0) {
        self.therapistId = therapistId
        self.kind = kind
        self.basisPoints = basisPoints
        self.centsPerVisit = centsPerVisit
    }
}
