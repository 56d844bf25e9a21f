import LumbarClinic
import LumbarCore
import SQLKit

/// The reports summed by the database on either engine: every figure is a GROUP BY over the ledger or the
/// appointments, with every value bound. Local days come from the window's UTC offsets (a CASE over the few
/// daylight-saving changes in it), so a day is the location's day on both engines.
public struct SQLReportRepository: ReportRepository {
    let database: Database
    public init(database: Database) { self.database = database }

    static let revenueKinds: SQLQueryString = "('visit', 'fee', 'package')"

    /// The local day number of an instant column under the window's offsets.
    static func localDay(_ column: String, _ window: ReportWindow) -> SQLQueryString {
        let offsets = window.offsets.isEmpty ? [OffsetSegment(from: window.range.start, offsetMilliseconds: 0)] : window.offsets
        guard offsets.count > 1 else { return "((\(unsafeRaw: column) + \(bind: offsets[0].offsetMilliseconds)) / 86400000)" }
        var sql: SQLQueryString = "(CASE"
        for (index, segment) in offsets.enumerated().dropLast() {
            sql += " WHEN \(unsafeRaw: column) < \(bind: offsets[index + 1].from.milliseconds) THEN (\(unsafeRaw: column) + \(bind: segment.offsetMilliseconds)) / 86400000"
        }
        sql += " ELSE (\(unsafeRaw: column) + \(bind: offsets[offsets.count - 1].offsetMilliseconds)) / 86400000 END)"
        return sql
    }

    // Joins from a span of payments, refunds or credit to their invoices are written as CROSS JOIN: SQLite then reads
    // the span first, as written, instead of every invoice of the location (its choice without statistics, many times
    // slower). PostgreSQL plans a CROSS JOIN with its WHERE like any inner join.
    static func atLocation(_ window: ReportWindow) -> SQLQueryString {
        if let location = window.locationId { return " AND i.location_id = \(bind: location)" }
        return ""
    }

    /// Sums of the window's revenue invoices (visits, fees, packages; not voided), by `group`: each one's subtotal and
    /// tax, unless a package paid for it, when it counts as a covered visit instead.
    static func invoiceSums(_ window: ReportWindow, _ keys: SQLQueryString, _ group: SQLQueryString) -> SQLQueryString {
        """
        SELECT \(keys),
          CAST(COALESCE(SUM(CASE WHEN c = 0 THEN subtotal_cents ELSE 0 END), 0) AS BIGINT) AS subtotal,
          CAST(COALESCE(SUM(CASE WHEN c = 0 THEN tax_cents ELSE 0 END), 0) AS BIGINT) AS tax,
          CAST(COALESCE(SUM(CASE WHEN c = 0 THEN 1 ELSE 0 END), 0) AS BIGINT) AS invoices,
          CAST(COALESCE(SUM(c), 0) AS BIGINT) AS covered,
          CAST(COALESCE(SUM(CASE WHEN kind = 'visit' THEN 1 ELSE 0 END), 0) AS BIGINT) AS visits
        FROM (SELECT \(localDay("i.issued_at", window)) AS day, i.therapist_id, i.service_id, i.location_id, i.kind,
                i.subtotal_cents, i.tax_cents,
                CASE WHEN pk.invoice_id IS NULL THEN 0 ELSE 1 END AS c
              FROM invoices i
              -- A visit's package payment covers all of it, so there is at most one.
              LEFT JOIN ledger_payments pk ON pk.invoice_id = i.id AND pk.method = 'package'
              LEFT JOIN invoice_voids v ON v.invoice_id = i.id
              WHERE i.issued_at >= \(bind: window.range.start.milliseconds) AND i.issued_at < \(bind: window.range.end.milliseconds)
                AND i.kind IN \(revenueKinds) AND v.invoice_id IS NULL\(atLocation(window))) x
        GROUP BY \(group)
        """
    }

    /// Money given back in the window on revenue invoices still standing, by `group` (the refund's day, the invoice's
    /// therapist, service and location); a package's visit given back is not money.
    static func refundSums(_ window: ReportWindow, _ keys: SQLQueryString, _ group: SQLQueryString) -> SQLQueryString {
        """
        SELECT \(keys), CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) AS refunded
        FROM (SELECT \(localDay("r.refunded_at", window)) AS day, i.therapist_id, i.service_id, i.location_id, r.amount_cents
              FROM refunds r CROSS JOIN invoices i CROSS JOIN ledger_payments p
              WHERE i.id = r.invoice_id AND p.id = r.payment_id
                AND r.refunded_at >= \(bind: window.range.start.milliseconds) AND r.refunded_at < \(bind: window.range.end.milliseconds)
                AND i.kind IN \(revenueKinds)
                AND p.method <> 'package' AND \(notVoid)\(atLocation(window))) x
        GROUP BY \(group)
        """
    }

    /// Gift certificates sold in the window and not voided, by local day: money taken in advance, not revenue yet.
    static func giftSums(_ window: ReportWindow) -> SQLQueryString {
        """
        SELECT day, location_id, CAST(COALESCE(SUM(cents), 0) AS BIGINT) AS cents, COUNT(*) AS sold
        FROM (SELECT \(localDay("i.issued_at", window)) AS day, i.location_id, i.subtotal_cents + i.tax_cents AS cents FROM invoices i
              WHERE i.issued_at >= \(bind: window.range.start.milliseconds) AND i.issued_at < \(bind: window.range.end.milliseconds)
                AND i.kind = 'gift' AND \(notVoid)\(atLocation(window))) x
        GROUP BY day, location_id
        """
    }

    static let notVoid: SQLQueryString = "NOT EXISTS (SELECT 1 FROM invoice_voids v WHERE v.invoice_id = i.id)"

    public func revenue(_ window: ReportWindow) async throws -> RevenueFigures {
        try await database.read { db in
            if let kept = try await SQLRevenueDays.revenue(window, db) { return kept }
            return try await Self.ledgerRevenue(window, db)
        }
    }

    /// Revenue summed from the ledger itself: one pass over the span, by day and by therapist, service and location at
    /// once, which Swift folds both ways.
    static func ledgerRevenue(_ window: ReportWindow, _ db: any SQLDatabase) async throws -> RevenueFigures {
        struct Key: Hashable { let therapist: String?, service: String?, location: String? }
        var days: [Int: RevenueRow] = [:]
        var breakdown: [Key: RevenueRow] = [:]
        let keys: SQLQueryString = "day, therapist_id, service_id, location_id"
        func key(_ row: any SQLRow) throws -> Key {
            Key(therapist: try row.optionalString("therapist_id"), service: try row.optionalString("service_id"), location: try row.optionalString("location_id"))
        }
        for row in try await db.raw(invoiceSums(window, keys, keys)).all() {
            let day = try row.int("day"), group = try key(row)
            let sums = RevenueRow(subtotalCents: try row.int("subtotal"), taxCents: try row.int("tax"), invoices: try row.int("invoices"),
                                  packageVisits: try row.int("covered"), visits: try row.int("visits"))
            days[day, default: RevenueRow(day: day)].add(sums)
            breakdown[group, default: RevenueRow(therapistId: group.therapist, serviceId: group.service, locationId: group.location)].add(sums)
        }
        for row in try await db.raw(refundSums(window, keys, keys)).all() {
            let day = try row.int("day"), group = try key(row), refunded = try row.int("refunded")
            days[day, default: RevenueRow(day: day)].refundCents += refunded
            breakdown[group, default: RevenueRow(therapistId: group.therapist, serviceId: group.service, locationId: group.location)].refundCents += refunded
        }
        var giftCents = 0, giftCount = 0
        for row in try await db.raw(giftSums(window)).all() {
            giftCents += try row.int("cents")
            giftCount += try row.int("sold")
        }
        return RevenueFigures(byDay: days.values.sorted { ($0.day ?? 0) < ($1.day ?? 0) },
                              breakdown: Array(breakdown.values), giftSoldCents: giftCents, giftSoldCount: giftCount)
    }

    public func endOfDay(_ window: ReportWindow) async throws -> EndOfDayFigures {
        try await database.read { db in
            let start = window.range.start.milliseconds, end = window.range.end.milliseconds
            var payments: [String: (cents: Int, count: Int)] = [:]
            for row in try await db.raw("""
                SELECT p.method, CAST(SUM(p.amount_cents) AS BIGINT) AS cents, COUNT(*) AS n FROM ledger_payments p CROSS JOIN invoices i
                WHERE i.id = p.invoice_id AND p.received_at >= \(bind: start) AND p.received_at < \(bind: end)\(Self.atLocation(window)) GROUP BY p.method
                """).all() {
                payments[try row.string("method")] = (try row.int("cents"), try row.int("n"))
            }
            var kept: [String: Int] = [:]
            for row in try await db.raw("""
                SELECT c.method, CAST(SUM(c.amount_cents) AS BIGINT) AS cents FROM credit_entries c CROSS JOIN ledger_payments p CROSS JOIN invoices i
                WHERE p.id = c.payment_id AND i.id = p.invoice_id AND c.at >= \(bind: start) AND c.at < \(bind: end) AND c.amount_cents > 0 AND c.method IS NOT NULL\(Self.atLocation(window))
                GROUP BY c.method
                """).all() {
                kept[try row.string("method")] = try row.int("cents")
            }
            var refunds: [String: (cents: Int, count: Int)] = [:]
            for row in try await db.raw("""
                SELECT r.method, CAST(SUM(r.amount_cents) AS BIGINT) AS cents, COUNT(*) AS n FROM refunds r CROSS JOIN invoices i
                WHERE i.id = r.invoice_id AND r.refunded_at >= \(bind: start) AND r.refunded_at < \(bind: end)\(Self.atLocation(window)) GROUP BY r.method
                """).all() {
                refunds[try row.string("method")] = (try row.int("cents"), try row.int("n"))
            }
            // What was owed at the end: every change to it before then (see `ledger_balance_changes`).
            let location: SQLQueryString = if let id = window.locationId { " AND location_id = \(bind: id)" } else { "" }
            let owed = try await db.raw("""
                SELECT CAST(COALESCE(SUM(owed_cents), 0) AS BIGINT) AS owed, CAST(COALESCE(SUM(owing), 0) AS BIGINT) AS owing
                FROM ledger_balance_changes WHERE at < \(bind: end)\(location)
                """).first()
            return EndOfDayFigures(payments: payments, creditKept: kept, refunds: refunds, owedAtEndCents: try owed?.int("owed") ?? 0,
                                   owingInvoices: try owed?.int("owing") ?? 0)
        }
    }

    public func appointmentTallies(_ window: ReportWindow) async throws -> [AppointmentTally] {
        try await database.read { db in
            let location: SQLQueryString = if let id = window.locationId { " AND location_id = \(bind: id)" } else { "" }
            return try await db.raw("""
                SELECT therapist_id, status, COUNT(*) AS n, CAST(COALESCE(SUM((ends_at - starts_at) / 60000), 0) AS BIGINT) AS minutes FROM appointments
                WHERE starts_at >= \(bind: window.range.start.milliseconds) AND starts_at < \(bind: window.range.end.milliseconds)\(location)
                GROUP BY therapist_id, status
                """).all().map {
                AppointmentTally(therapistId: try $0.string("therapist_id"), status: try $0.string("status"), count: try $0.int("n"),
                                 minutes: try $0.int("minutes"))
            }
        }
    }

    public func compensationRules() async throws -> [CompensationRule] {
        try await database.read { db in
            try await db.raw("SELECT * FROM compensation_rules ORDER BY therapist_id").all().map {
                CompensationRule(therapistId: try $0.string("therapist_id"), kind: CompensationRule.Kind(rawValue: try $0.string("kind")) ?? .percent,
                                 basisPoints: try $0.int("basis_points"), centsPerVisit: try $0.int("cents_per_visit"))
            }
        }
    }

    public func setCompensationRule(_ rule: CompensationRule, by accountId: String, at now: Instant, audit: AuditEntry) async throws {
        try await database.write { db in
            try await db.raw("DELETE FROM compensation_rules WHERE therapist_id = \(bind: rule.therapistId)").run()
            try await db.raw("""
                INSERT INTO compensation_rules (therapist_id, kind, basis_points, cents_per_visit, updated_at, updated_by)
                VALUES (\(bind: rule.therapistId), \(bind: rule.kind.rawValue), \(bind: rule.basisPoints), \(bind: rule.centsPerVisit),
                        \(bind: now.milliseconds), \(bind: accountId))
                """).run()
            try await SQLAuditRepository.append(audit, on: db)
        }
    }
}
