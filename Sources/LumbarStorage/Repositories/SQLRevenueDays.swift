import LumbarClinic
import LumbarCore
import LumbarZones
import SQLKit

/// Revenue kept by location and local day, so a report over a year sums a few thousand rows instead of grouping every
/// invoice of it (issue 20's 100 ms target).
///
/// The rows are derived, not ledger entries: the ledger stays append-only and is what they are summed from. Each
/// posting sums again, from the ledger and with the report's own queries, the days whose revenue it changed (an
/// invoice's day, the day of a voided or package-paid invoice and of its refunds, a refund's day) in the same
/// transaction. The rows are summed in the location's zone; `revenue_day_zones` says which. When that zone has changed
/// since, the next posting there sums the location again whole, and until then a report reads the ledger itself.
enum SQLRevenueDays {
    /// An instant of a location's ledger whose day a posting changed.
    struct Touch: Hashable {
        let locationId: String
        let at: Instant
    }

    // MARK: Keeping them

    /// The instants whose days `posting` changed. Read after the posting's rows are written.
    static func touches(_ posting: LedgerPosting, _ db: any SQLDatabase) async throws -> Set<Touch> {
        var touched = Set<Touch>()
        func invoice(_ id: String, withRefunds: Bool) async throws {
            guard let row = try await db.raw("SELECT location_id, issued_at FROM invoices WHERE id = \(bind: id)").first(),
                  let location = try row.optionalString("location_id") else { return }
            touched.insert(Touch(locationId: location, at: Instant(milliseconds: Int64(try row.int("issued_at")))))
            guard withRefunds else { return }
            for refund in try await db.raw("SELECT refunded_at FROM refunds WHERE invoice_id = \(bind: id)").all() {
                touched.insert(Touch(locationId: location, at: Instant(milliseconds: Int64(try refund.int("refunded_at")))))
            }
        }
        for new in posting.invoices {
            if let location = new.locationId { touched.insert(Touch(locationId: location, at: new.issuedAt)) }
        }
        for void in posting.voids { try await invoice(void.invoiceId, withRefunds: true) }
        for payment in posting.payments where payment.method == .package { try await invoice(payment.invoiceId, withRefunds: false) }
        for refund in posting.refunds {
            guard let row = try await db.raw("SELECT location_id FROM invoices WHERE id = \(bind: refund.invoiceId)").first(),
                  let location = try row.optionalString("location_id") else { continue }
            touched.insert(Touch(locationId: location, at: refund.at))
        }
        return touched
    }

    /// Sums again the days `touched` names, or a location whole when its rows were summed in another zone.
    static func refresh(_ touched: Set<Touch>, _ db: any SQLDatabase) async throws {
        for (location, touches) in Dictionary(grouping: touched, by: \.locationId) {
            let zone = try await currentZone(location, db)
            guard try await keptZone(location, db) == zone.identifier else {
                try await rebuild(location, zone, db)
                continue
            }
            for day in Set(touches.map { zone.local($0.at).date.daysSinceEpoch }) {
                try await sum(location, day...day, zone, db)
            }
        }
    }

    /// Sums every location's days afresh: the table's first filling, and the demo clinic's ledger written directly.
    @Sendable static func rebuildAll(on db: any SQLDatabase) async throws {
        for row in try await db.raw("SELECT id FROM locations").all() {
            let location = try row.string("id")
            try await rebuild(location, try await currentZone(location, db), db)
        }
    }

    static func rebuild(_ location: String, _ zone: FoundationZone, _ db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM revenue_days WHERE location_id = \(bind: location)").run()
        try await db.raw("DELETE FROM revenue_day_zones WHERE location_id = \(bind: location)").run()
        let span = try await db.raw("""
            SELECT MIN(i.issued_at) AS first, MAX(i.issued_at) AS last,
                   (SELECT MAX(r.refunded_at) FROM refunds r CROSS JOIN invoices j WHERE j.id = r.invoice_id AND j.location_id = \(bind: location)) AS refunded
            FROM invoices i WHERE i.location_id = \(bind: location)
            """).first()
        if let first = try span?.decode(column: "first", as: Int64?.self), let last = try span?.decode(column: "last", as: Int64?.self) {
            let end = max(last, try span?.decode(column: "refunded", as: Int64?.self) ?? last)
            let days = zone.local(Instant(milliseconds: first)).date.daysSinceEpoch...zone.local(Instant(milliseconds: end)).date.daysSinceEpoch
            try await sum(location, days, zone, db)
        }
        try await db.raw("INSERT INTO revenue_day_zones (location_id, zone) VALUES (\(bind: location), \(bind: zone.identifier))").run()
    }

    /// Replaces a location's rows for `days` with the ledger's sums, through the report's own queries.
    static func sum(_ location: String, _ days: ClosedRange<Int>, _ zone: FoundationZone, _ db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM revenue_days WHERE location_id = \(bind: location) AND day >= \(bind: days.lowerBound) AND day <= \(bind: days.upperBound)").run()
        let window = ReportService.window(from: LocalDate(daysSinceEpoch: days.lowerBound), to: LocalDate(daysSinceEpoch: days.upperBound),
                                          locationId: location, zone: zone)
        let keys: SQLQueryString = "day, therapist_id, service_id, location_id"
        let columns: SQLQueryString = """
            INSERT INTO revenue_days (location_id, day, part, therapist_id, service_id, subtotal_cents, tax_cents, invoices, covered, visits,
                                      refunded_cents, gift_cents, gifts)
            """
        try await db.raw("""
            \(columns) SELECT location_id, day, 'i', COALESCE(therapist_id, ''), COALESCE(service_id, ''), subtotal, tax, invoices, covered, visits, 0, 0, 0
            FROM (\(SQLReportRepository.invoiceSums(window, keys, keys))) s
            """).run()
        try await db.raw("""
            \(columns) SELECT location_id, day, 'r', COALESCE(therapist_id, ''), COALESCE(service_id, ''), 0, 0, 0, 0, 0, refunded, 0, 0
            FROM (\(SQLReportRepository.refundSums(window, keys, keys))) s
            """).run()
        try await db.raw("""
            \(columns) SELECT location_id, day, 'g', '', '', 0, 0, 0, 0, 0, 0, cents, sold FROM (\(SQLReportRepository.giftSums(window))) s
            """).run()
    }

    static func currentZone(_ location: String, _ db: any SQLDatabase) async throws -> FoundationZone {
        let identifier = try await db.raw("SELECT time_zone FROM locations WHERE id = \(bind: location)").first()?.string("time_zone")
        return identifier.flatMap { FoundationZone(identifier: $0) } ?? FoundationZone(identifier: "UTC")!
    }

    static func keptZone(_ location: String, _ db: any SQLDatabase) async throws -> String? {
        try await db.raw("SELECT zone FROM revenue_day_zones WHERE location_id = \(bind: location)").first()?.string("zone")
    }

    // MARK: Reading them

    /// The window's revenue from the kept days, or nil when they cannot answer it: a window not made of local days,
    /// a location whose rows were summed in another zone, or (for every location) an invoice with no location.
    static func revenue(_ window: ReportWindow, _ db: any SQLDatabase) async throws -> RevenueFigures? {
        guard let zone = window.zoneIdentifier, let days = window.days else { return nil }
        let scope: SQLQueryString
        if let location = window.locationId {
            guard try await keptZone(location, db) == zone else { return nil }
            scope = " AND location_id = \(bind: location)"
        } else {
            let unkept = try await db.raw("""
                SELECT COUNT(*) AS n FROM locations l LEFT JOIN revenue_day_zones z ON z.location_id = l.id WHERE z.zone IS NULL OR z.zone <> \(bind: zone)
                """).first()?.int("n") ?? 0
            let unplaced = try await db.raw("SELECT 1 AS x FROM invoices WHERE location_id IS NULL LIMIT 1").first()
            guard unkept == 0, unplaced == nil else { return nil }
            scope = ""
        }
        let within: SQLQueryString = "day >= \(bind: days.lowerBound) AND day <= \(bind: days.upperBound)\(scope)"
        let sums: SQLQueryString = """
            CAST(SUM(subtotal_cents) AS BIGINT) AS subtotal, CAST(SUM(tax_cents) AS BIGINT) AS tax, CAST(SUM(invoices) AS BIGINT) AS invoices,
            CAST(SUM(covered) AS BIGINT) AS covered, CAST(SUM(visits) AS BIGINT) AS visits, CAST(SUM(refunded_cents) AS BIGINT) AS refunded
            """
        func row(_ row: any SQLRow, day: Int? = nil, therapist: String? = nil, service: String? = nil, location: String? = nil) throws -> RevenueRow {
            RevenueRow(day: day, therapistId: therapist, serviceId: service, locationId: location, subtotalCents: try row.int("subtotal"),
                       taxCents: try row.int("tax"), refundCents: try row.int("refunded"), invoices: try row.int("invoices"),
                       packageVisits: try row.int("covered"), visits: try row.int("visits"))
        }
        func kept(_ column: String, _ row: any SQLRow) throws -> String? {
            let value = try row.string(column)
            return value.isEmpty ? nil : value
        }
        let byDay = try await db.raw("SELECT day, \(sums) FROM revenue_days WHERE \(within) AND part <> 'g' GROUP BY day ORDER BY day").all().map {
            try row($0, day: try $0.int("day"))
        }
        let breakdown = try await db.raw("""
            SELECT therapist_id, service_id, location_id, \(sums) FROM revenue_days WHERE \(within) AND part <> 'g'
            GROUP BY therapist_id, service_id, location_id
            """).all().map {
            try row($0, therapist: try kept("therapist_id", $0), service: try kept("service_id", $0), location: try kept("location_id", $0))
        }
        let gifts = try await db.raw("""
            SELECT CAST(COALESCE(SUM(gift_cents), 0) AS BIGINT) AS cents, CAST(COALESCE(SUM(gifts), 0) AS BIGINT) AS sold
            FROM revenue_days WHERE \(within) AND part = 'g'
            """).first()
        return RevenueFigures(byDay: byDay, breakdown: breakdown, giftSoldCents: try gifts?.int("cents") ?? 0, giftSoldCount: try gifts?.int("sold") ?? 0)
    }
}
