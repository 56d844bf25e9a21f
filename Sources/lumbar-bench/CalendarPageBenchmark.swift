import Foundation
import LumbarClinic
import LumbarCore
import LumbarStorage

/// Issue 18: the staff calendar page as the front desk receives it, through HTTP: session, the week's appointments,
/// free times from the availability engine, the layout, clients' names, the HTML. The demo clinic's 10 therapists
/// each have five 60-minute visits every day (09:00 to 17:00 every day of the week), so the week shown is full.
struct CalendarPageBenchmark {
    var rounds = 50
    var port = 8304

    struct Figure {
        let view: String
        let appointments: Int
        let bytes: Int
        let p50: Double
        let p90: Double
        let worst: Double
    }

    func run() async throws -> [Figure] {
        let server = try await BenchServer(name: "calendar", port: port)
        let now = WallClock.system.now()
        let therapists = 10, perDay = 5, days = 37
        _ = try await DemoData.generate(database: server.database, clients: 2_000, appointments: therapists * perDay * days, now: now, ownerHash: "x",
                                        ownerTOTPSecret: "JBSWY3DPEHPK3PXP")
        guard let location = try await SQLSchedulingRepository(database: server.database).locations().first else { throw BenchFailure.connection("no location") }
        // Three days ahead: the demo books a week ahead (a fifth of its visits) and the rest are past, so this week is
        // full every day, booked visits and free times ahead of now, attended ones before it.
        let day = now.utcDate.adding(days: 3)
        let views = [("week, everyone", "view=week&therapist=all"), ("day, everyone", "therapist=all")]
        let paths = views.map { "/calendar?date=\(day)&location=\(location.id)&\($0.1)" }
        let rounds = self.rounds
        let timed = try await server.serving(as: .frontDesk) { cookie in try await server.time(paths, rounds: rounds, cookie: cookie) }
        return views.enumerated().map { index, view in
            let mine = stride(from: index, to: timed.count, by: views.count).map { timed[$0] }
            let times = mine.map(\.ms)
            let body = mine.last?.body ?? ""
            return Figure(view: view.0, appointments: body.components(separatedBy: "class=\"cal-appt ").count - 1, bytes: body.utf8.count,
                          p50: BenchServer.percentile(times, 0.5), p90: BenchServer.percentile(times, 0.9), worst: times.max() ?? 0)
        }
    }
}
