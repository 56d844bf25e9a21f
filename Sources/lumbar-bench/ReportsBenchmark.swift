import Foundation
import LumbarClinic
import LumbarCore
import LumbarStorage

/// Issue 20: the owner's reports through HTTP over a 10-therapist clinic's ledger. The demo data puts 50,000
/// appointments over 1,000 days (five a day for each therapist), four fifths of them past and invoiced, with their
/// payments and refunds; each report is timed over the last year and the widest over every day the data holds.
struct ReportsBenchmark {
    var rounds = 30
    var port = 8306
    var appointments = 50_000

    struct Figure {
        let name: String
        let bytes: Int
        let p50: Double
        let p90: Double
        let p99: Double
        let worst: Double
    }

    func run() async throws -> (seedSeconds: Double, invoices: Int, figures: [Figure]) {
        let server = try await BenchServer(name: "reports", port: port)
        let now = WallClock.system.now()
        let seedStart = Date()
        _ = try await DemoData.generate(database: server.database, clients: 5_000, appointments: appointments, now: now, ownerHash: "x",
                                        ownerTOTPSecret: "JBSWY3DPEHPK3PXP")
        let seedSeconds = Date().timeIntervalSince(seedStart)
        // The demo's days: the last a fifth of the span ahead of today, the first a thousand days before it.
        let days = (appointments + 49) / 50
        let today = now.utcDate, yearAgo = today.adding(days: -364), yesterday = today.adding(days: -1)
        let lastDay = today.adding(days: max(2, days / 5)), firstDay = lastDay.adding(days: 1 - days)
        let invoices = (today.daysSinceEpoch - firstDay.daysSinceEpoch) * 50 * 16 / 17
        let reports: [(String, String)] = [
            ("end of day, yesterday", "/reports/end-of-day?date=\(yesterday)"),
            ("revenue, last year by month", "/reports/revenue?from=\(yearAgo)&to=\(today)&period=month"),
            ("revenue, last year by day", "/reports/revenue?from=\(yearAgo)&to=\(today)&period=day"),
            ("revenue, every invoice by month", "/reports/revenue?from=\(firstDay)&to=\(today)&period=month"),
            ("revenue CSV, last year by month", "/reports/revenue.csv?from=\(yearAgo)&to=\(today)&period=month"),
            ("bookings, last year", "/reports/utilization?from=\(yearAgo)&to=\(today)"),
            ("bookings, every day held", "/reports/utilization?from=\(firstDay)&to=\(lastDay)"),
            ("therapist pay, last year", "/reports/compensation?from=\(yearAgo)&to=\(today)"),
        ]
        let paths = reports.map(\.1)
        let rounds = self.rounds
        let timed = try await server.serving(as: .owner) { cookie in try await server.time(paths, rounds: rounds, cookie: cookie) }
        let figures = reports.enumerated().map { index, report in
            let mine = stride(from: index, to: timed.count, by: reports.count).map { timed[$0] }
            let times = mine.map(\.ms)
            return Figure(name: report.0, bytes: mine.last?.body.utf8.count ?? 0, p50: BenchServer.percentile(times, 0.5),
                          p90: BenchServer.percentile(times, 0.9), p99: BenchServer.percentile(times, 0.99), worst: times.max() ?? 0)
        }
        return (seedSeconds, invoices, figures)
    }
}
