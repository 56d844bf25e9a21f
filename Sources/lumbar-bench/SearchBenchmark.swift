import Foundation
import LumbarClinic
import LumbarCore
import LumbarStorage

/// Issue 18: the client search through HTTP at 100,000 clients. Fills a new SQLite database with the demo clinic
/// (clients written in bulk through storage, search keys with them), starts the whole app on a loopback port, signs
/// a front-desk session in directly, then times keystroke queries one after another on one keep-alive connection.
struct SearchBenchmark {
    var clients = 100_000
    var rounds = 30
    var port = 8303

    /// What a person types, a keystroke at a time: names, a first-and-last name, phone fragments, emails, birth dates.
    static let keystrokes: [String] = {
        func typing(_ word: String) -> [String] { (1...word.count).map { String(word.prefix($0)) } }
        return typing("chen") + typing("fontaine") + typing("jones") + typing("haddad") + typing("maya lam")
            + typing("416-555-12") + typing("(416) 555 7") + typing("client123@") + typing("1984-03-07") + ["7 Mar 1984", "zzzz", "q"]
    }()

    struct Figures {
        let queries: Int
        let p50: Double
        let p90: Double
        let p99: Double
        let worst: Double
        let averageFound: Double
        let seedSeconds: Double
        /// The keystrokes slowest at the 90th percentile of their own rounds, slowest first: where a tail comes from.
        let slowest: [(typed: String, p90: Double)]
    }

    func run() async throws -> Figures {
        let server = try await BenchServer(name: "search", port: port)
        let started = Date()
        _ = try await DemoData.generate(database: server.database, clients: clients, appointments: 0, now: WallClock.system.now(), ownerHash: "x",
                                        ownerTOTPSecret: "JBSWY3DPEHPK3PXP")
        let seeded = Date().timeIntervalSince(started)
        let paths = Self.keystrokes.map { "/clients/search?q=" + $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! }
        let rounds = self.rounds
        let timed = try await server.serving(as: .frontDesk) { cookie in try await server.time(paths, rounds: rounds, cookie: cookie) }
        let times = timed.map(\.ms)
        let found = timed.map { $0.body.components(separatedBy: "\"href\"").count - 1 }
        var perKey: [String: [Double]] = [:]
        for (index, time) in times.enumerated() { perKey[Self.keystrokes[index % Self.keystrokes.count], default: []].append(time) }
        let slowest = perKey.map { (typed: $0.key, p90: BenchServer.percentile($0.value, 0.9)) }.sorted { $0.p90 > $1.p90 }.prefix(5)
        return Figures(queries: times.count, p50: BenchServer.percentile(times, 0.5), p90: BenchServer.percentile(times, 0.9),
                       p99: BenchServer.percentile(times, 0.99), worst: times.max() ?? 0,
                       averageFound: Double(found.reduce(0, +)) / Double(max(1, found.count)), seedSeconds: seeded, slowest: Array(slowest))
    }
}
