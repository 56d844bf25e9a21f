import Foundation
import LumbarCore
import LumbarZones

/// The owner's money and booking reports and the desk's end of day, over the ledger, in the location's time zone
/// (or the clinic's, for every location together).
public struct ReportService: Sendable {
    public enum Period: String, Sendable, CaseIterable {
        case day, week, month, year
    }

    /// One line of a report: a name and its sums.
    public struct Line: Sendable, Equatable {
        public var key: String
        public var label: String
        public var subtotalCents = 0
        public var taxCents = 0
        public var refundCents = 0
        public var invoices = 0
        public var packageVisits = 0
        public var visits = 0
        /// Revenue after refunds, before HST.
        public var netCents: Int { subtotalCents - refundCents }
    }

    public struct Revenue: Sendable, Equatable {
        public let from: LocalDate
        public let to: LocalDate
        public let period: Period
        public let zone: String
        /// One line per period (day, week from Monday, month or year) from `from`, in order, empty ones included.
        public let series: [Line]
        public let byTherapist: [Line]
        public let byService: [Line]
        public let byLocation: [Line]
        public let total: Line
        public let giftSoldCents: Int
        public let giftSoldCount: Int
    }

    public struct EndOfDay: Sendable, Equatable {
        public struct Method: Sendable, Equatable {
            public let method: Payment.Method
            public let inCents: Int
            public let payments: Int
            public let creditKeptCents: Int
            public let refundCents: Int
            public let refunds: Int
            public var netCents: Int { inCents + creditKeptCents - refundCents }
        }

        public let date: LocalDate
        public let zone: String
        /// Cash, debit, credit card, e-transfer: what the till should hold.
        public let till: [Method]
        /// Gift certificate, credit on account, package: drawn from what clients paid ahead, not money in today.
        public let prepaid: [Method]
        public let owedAtEndCents: Int
        public let owingInvoices: Int
        public var tillInCents: Int { till.map { $0.inCents + $0.creditKeptCents }.reduce(0, +) }
        public var tillRefundCents: Int { till.map(\.refundCents).reduce(0, +) }
        public var tillNetCents: Int { tillInCents - tillRefundCents }
    }

    public struct Utilization: Sendable, Equatable {
        public struct Row: Sendable, Equatable {
            public let therapistId: String
            public let name: String
            public let scheduledMinutes: Int
            public let bookedMinutes: Int
            public let appointments: Int
            public let noShows: Int
            public let lateCancels: Int
            /// Booked as a share of scheduled, in hundredths of a percent; nil with no hours scheduled.
            public var bookedBasisPoints: Int? { scheduledMinutes > 0 ? bookedMinutes * 10_000 / scheduledMinutes : nil }
            public var noShowBasisPoints: Int? { appointments > 0 ? noShows * 10_000 / appointments : nil }
            public var lateCancelBasisPoints: Int? { appointments > 0 ? lateCancels * 10_000 / appointments : nil }
        }

        public let from: LocalDate
        public let to: LocalDate
        public let rows: [Row]
    }

    public struct Compensation: Sendable, Equatable {
        public struct Row: Sendable, Equatable {
            public let therapistId: String
            public let name: String
            public let rule: CompensationRule?
            public let netRevenueCents: Int
            public let visits: Int
            public let earnedCents: Int
        }

        public let from: LocalDate
        public let to: LocalDate
        public let rows: [Row]
    }

    let reports: any ReportRepository
    let scheduling: any SchedulingRepository
    let accounts: any AccountRepository
    let clinic: any ClinicRepository

    public init(reports: any ReportRepository, scheduling: any SchedulingRepository, accounts: any AccountRepository, clinic: any ClinicRepository) {
        self.reports = reports
        self.scheduling = scheduling
        self.accounts = accounts
        self.clinic = clinic
    }

    /// Methods the till holds, in the order a cash-out counts them.
    public static let tillMethods: [Payment.Method] = [.cash, .debit, .credit, .eTransfer]
    public static let prepaidMethods: [Payment.Method] = [.giftCertificate, .accountCredit, .package]

    // MARK: End of day

    public func endOfDay(_ date: LocalDate, locationId: String?) async throws -> EndOfDay {
        let zone = try await zone(locationId: locationId)
        let window = Self.window(from: date, to: date, locationId: locationId, zone: zone)
        let figures = try await reports.endOfDay(window)
        func line(_ method: Payment.Method) -> EndOfDay.Method {
            let paid = figures.payments[method.rawValue], back = figures.refunds[method.rawValue]
            return EndOfDay.Method(method: method, inCents: paid?.cents ?? 0, payments: paid?.count ?? 0, creditKeptCents: figures.creditKept[method.rawValue] ?? 0,
                                   refundCents: back?.cents ?? 0, refunds: back?.count ?? 0)
        }
        return EndOfDay(date: date, zone: zone.identifier, till: Self.tillMethods.map(line), prepaid: Self.prepaidMethods.map(line),
                        owedAtEndCents: figures.owedAtEndCents, owingInvoices: figures.owingInvoices)
    }

    // MARK: Revenue

    public func revenue(from: LocalDate, to: LocalDate, period: Period, locationId: String?) async throws -> Revenue {
        let zone = try await zone(locationId: locationId)
        let figures = try await reports.revenue(Self.window(from: from, to: to, locationId: locationId, zone: zone))
        var series: [LocalDate: Line] = [:]
        var start = Self.bucket(from, period)
        while start <= to {
            series[start] = Line(key: start.description, label: Self.label(start, period))
            start = Self.next(start, period)
        }
        for row in figures.byDay {
            guard let day = row.day else { continue }
            let key = Self.bucket(LocalDate(daysSinceEpoch: day), period)
            series[key, default: Line(key: key.description, label: Self.label(key, period))].add(row)
        }
        let therapists = Dictionary(try await accounts.staff().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let services = Dictionary(try await scheduling.allServices().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let locations = Dictionary(try await scheduling.allLocations().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        func grouped(_ key: (RevenueRow) -> String?, _ names: [String: String], none: String) -> [Line] {
            var lines: [String: Line] = [:]
            for row in figures.breakdown {
                let id = key(row) ?? ""
                lines[id, default: Line(key: id, label: id.isEmpty ? none : names[id] ?? "Unknown")].add(row)
            }
            return lines.values.sorted { ($0.netCents, $1.label) > ($1.netCents, $0.label) }
        }
        var total = Line(key: "total", label: "Total")
        for row in figures.breakdown { total.add(row) }
        return Revenue(from: from, to: to, period: period, zone: zone.identifier, series: series.keys.sorted().compactMap { series[$0] },
                       byTherapist: grouped(\.therapistId, therapists, none: "No therapist (packages, fees)"),
                       byService: grouped(\.serviceId, services, none: "No service (packages, fees)"),
                       byLocation: grouped(\.locationId, locations, none: "No location"), total: total,
                       giftSoldCents: figures.giftSoldCents, giftSoldCount: figures.giftSoldCount)
    }

    // MARK: Utilization

    public func utilization(from: LocalDate, to: LocalDate, locationId: String?) async throws -> Utilization {
        let locations = try await scheduling.allLocations().filter { locationId == nil ? !$0.retired : $0.id == locationId }
        var scheduled: [String: Int] = [:]
        var tallies: [AppointmentTally] = []
        for location in locations {
            let zone = FoundationZone(identifier: location.timeZone) ?? FoundationZone(identifier: "UTC")!
            let window = Self.window(from: from, to: to, locationId: location.id, zone: zone)
            for (therapist, hours) in try await scheduling.hours(locationId: location.id, window: window.range) {
                scheduled[therapist, default: 0] += Self.scheduledMinutes(hours, from: from, to: to, zone: zone)
            }
            tallies += try await reports.appointmentTallies(window)
        }
        let names = Dictionary(try await accounts.staff().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let therapists = Set(scheduled.keys).union(tallies.map(\.therapistId))
        let rows = therapists.map { id -> Utilization.Row in
            let mine = tallies.filter { $0.therapistId == id }
            func count(_ statuses: [String]) -> Int { mine.filter { statuses.contains($0.status) }.map(\.count).reduce(0, +) }
            // Time held: booked, attended or not shown; a cancellation gave the time back (a late one too late to fill).
            let held = mine.filter { ["booked", "arrived", "completed", "no-show"].contains($0.status) }.map(\.minutes).reduce(0, +)
            return Utilization.Row(therapistId: id, name: names[id] ?? "Former staff", scheduledMinutes: scheduled[id] ?? 0, bookedMinutes: held,
                                   appointments: count(["booked", "arrived", "completed", "no-show", "late-cancelled"]),
                                   noShows: count(["no-show"]), lateCancels: count(["late-cancelled"]))
        }
        return Utilization(from: from, to: to, rows: rows.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending })
    }

    /// Working minutes from `from` through `to` under a weekly pattern, time off taken out, each day's spans placed in
    /// the zone (a span across a clock change is an hour shorter or longer).
    public static func scheduledMinutes(_ hours: WeeklyHours, from: LocalDate, to: LocalDate, zone: any ZoneRules) -> Int {
        var total: Int64 = 0
        var day = from
        while day <= to {
            let weekday = (day.daysSinceEpoch % 7 + 10) % 7
            for span in hours.open(on: weekday) {
                guard let start = instant(day, span.start.minutes, zone), let end = instant(day, span.end.minutes, zone), start < end else { continue }
                var minutes = (end.milliseconds - start.milliseconds) / 60_000
                for off in hours.timeOff {
                    let overlap = min(end.milliseconds, off.end.milliseconds) - max(start.milliseconds, off.start.milliseconds)
                    if overlap > 0 { minutes -= overlap / 60_000 }
                }
                total += max(0, minutes)
            }
            day = day.adding(days: 1)
        }
        return Int(total)
    }

    /// The instant of a wall-clock minute of a day; a minute skipped in spring moves to the first one after it.
    static func instant(_ day: LocalDate, _ minute: Int, _ zone: any ZoneRules) -> Instant? {
        if minute >= 1440 { return instant(day.adding(days: 1), minute - 1440, zone) }
        for later in stride(from: minute, to: min(minute + 180, 1440), by: 15) {
            if let time = WallTime(minutes: later), let instant = zone.instant(LocalDateTime(day, time)) { return instant }
        }
        return nil
    }

    // MARK: Compensation

    public func compensation(from: LocalDate, to: LocalDate, locationId: String?) async throws -> Compensation {
        let revenue = try await revenue(from: from, to: to, period: .month, locationId: locationId)
        let rules = Dictionary(try await reports.compensationRules().map { ($0.therapistId, $0) }, uniquingKeysWith: { a, _ in a })
        let therapists = try await accounts.staff().filter { $0.role == .therapist || $0.role == .owner }
        let byId = Dictionary(revenue.byTherapist.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = therapists.compactMap { therapist -> Compensation.Row? in
            let line = byId[therapist.id]
            let rule = rules[therapist.id]
            guard line != nil || rule != nil else { return nil }
            let net = line?.netCents ?? 0, visits = line?.visits ?? 0
            return Compensation.Row(therapistId: therapist.id, name: therapist.name, rule: rule, netRevenueCents: net, visits: visits,
                                    earnedCents: rule.map { Self.earned($0, netCents: net, visits: visits) } ?? 0)
        }
        return Compensation(from: from, to: to, rows: rows.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending })
    }

    /// What a rule pays: a share of revenue after refunds (before HST), rounded half up to the cent, or so much per visit.
    public static func earned(_ rule: CompensationRule, netCents: Int, visits: Int) -> Int {
        switch rule.kind {
        case .percent:
            let product = max(0, netCents) * rule.basisPoints
            return (product + 5_000) / 10_000
        case .perVisit:
            return visits * rule.centsPerVisit
        }
    }

    public func compensationRules() async throws -> [CompensationRule] { try await reports.compensationRules() }

    public func setCompensationRule(_ rule: CompensationRule, by account: Account, address: String, at now: Instant) async throws {
        let detail = rule.kind == .percent ? "pay rule set: \(rule.basisPoints / 100)% of revenue" : "pay rule set: \(Money.text(rule.centsPerVisit)) a visit"
        try await reports.setCompensationRule(rule, by: account.id, at: now, audit: AuditEntry(
            at: now, actorId: account.id, actorRole: account.role, clientId: nil, infoType: .account, action: .change, address: address,
            detail: "\(detail) for \(rule.therapistId)"))
    }

    /// What is wrong with a report's span, named by field: the page and the API refuse the same spans.
    public static func spanProblems(from: LocalDate, to: LocalDate, period: Period?) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if to < from { problems.append(FieldProblem("to", "The end date is before the start date.")) }
        if to.daysSinceEpoch - from.daysSinceEpoch > 3_660 { problems.append(FieldProblem("from", "Choose at most ten years.")) }
        if period == .day, to.daysSinceEpoch - from.daysSinceEpoch > 400 {
            problems.append(FieldProblem("period", "Show a span over a year by week, month or year."))
        }
        return problems
    }

    // MARK: Time

    /// The zone a report reads days in: the location's, or the clinic's for all locations.
    public func zone(locationId: String?) async throws -> FoundationZone {
        var identifier = try await clinic.profile()?.timeZone ?? "UTC"
        if let locationId, let location = try await scheduling.location(id: locationId) { identifier = location.timeZone }
        return FoundationZone(identifier: identifier) ?? FoundationZone(identifier: "UTC")!
    }

    /// Local days `from` through `to` as instants, with the UTC offsets in force across them.
    public static func window(from: LocalDate, to: LocalDate, locationId: String?, zone: any ZoneRules) -> ReportWindow {
        let start = startOf(from, zone), end = startOf(to.adding(days: 1), zone)
        return ReportWindow(range: TimeRange(start: start, end: end), locationId: locationId, offsets: offsets(start, end, zone),
                            zoneIdentifier: (zone as? FoundationZone)?.identifier, days: from.daysSinceEpoch...max(from.daysSinceEpoch, to.daysSinceEpoch))
    }

    /// The first instant of a local day (midnight, or the first minute after a change that skips it).
    public static func startOf(_ day: LocalDate, _ zone: any ZoneRules) -> Instant {
        instant(day, 0, zone) ?? Instant(milliseconds: Int64(day.daysSinceEpoch) * 86_400_000)
    }

    static func offset(_ instant: Instant, _ zone: any ZoneRules) -> Int64 {
        let local = zone.local(instant)
        let wall = (Int64(local.date.daysSinceEpoch) * 1440 + Int64(local.time.minutes)) * 60_000
        return wall - instant.milliseconds.floorDivided(by: 60_000) * 60_000
    }

    /// The offsets over [start, end): probed every six hours, each change found to the minute.
    static func offsets(_ start: Instant, _ end: Instant, _ zone: any ZoneRules) -> [OffsetSegment] {
        var segments = [OffsetSegment(from: start, offsetMilliseconds: offset(start, zone))]
        let step: Int64 = 6 * 3_600_000
        var probe = start.milliseconds
        while probe < end.milliseconds {
            let next = min(probe + step, end.milliseconds)
            let current = segments[segments.count - 1].offsetMilliseconds
            if offset(Instant(milliseconds: next), zone) != current {
                var low = probe, high = next
                while high - low > 60_000 {
                    let middle = low + (high - low) / 2 / 60_000 * 60_000
                    if middle == low { break }
                    if offset(Instant(milliseconds: middle), zone) == current { low = middle } else { high = middle }
                }
                segments.append(OffsetSegment(from: Instant(milliseconds: high), offsetMilliseconds: offset(Instant(milliseconds: high), zone)))
            }
            probe = next
        }
        return segments
    }

    static func bucket(_ day: LocalDate, _ period: Period) -> LocalDate {
        switch period {
        case .day: day
        case .week: day.adding(days: -((day.daysSinceEpoch % 7 + 10) % 7))
        case .month: LocalDate(year: day.year, month: day.month, day: 1)!
        case .year: LocalDate(year: day.year, month: 1, day: 1)!
        }
    }

    static func next(_ start: LocalDate, _ period: Period) -> LocalDate {
        switch period {
        case .day: start.adding(days: 1)
        case .week: start.adding(days: 7)
        case .month: start.adding(months: 1)
        case .year: start.adding(months: 12)
        }
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func label(_ start: LocalDate, _ period: Period) -> String {
        switch period {
        case .day: "\(months[start.month - 1]) \(start.day)"
        case .week: "Week of \(months[start.month - 1]) \(start.day)"
        case .month: "\(months[start.month - 1]) \(start.year)"
        case .year: "\(start.year)"
        }
    }
}

extension ReportService.Line {
    mutating func add(_ row: RevenueRow) {
        subtotalCents += row.subtotalCents
        taxCents += row.taxCents
        refundCents += row.refundCents
        invoices += row.invoices
        packageVisits += row.packageVisits
        visits += row.visits
    }
}
