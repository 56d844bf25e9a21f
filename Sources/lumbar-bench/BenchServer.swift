import Foundation
import Hummingbird
import Logging
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarWeb
#if canImport(Glibc)
import Glibc
#endif

/// The whole app on a loopback port over a new SQLite database, with a staff session signed in directly, for the
/// benchmarks that time pages and searches through HTTP as a browser would reach them.
struct BenchServer {
    let folder: String
    let port: Int
    let database: Database
    let logger: Logger

    init(name: String, port: Int) async throws {
        folder = NSTemporaryDirectory() + "lumbar-bench-\(name)-\(getpid())"
        self.port = port
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var logger = Logger(label: "lumbar-bench")
        // Stopping the server mid-connection is how a benchmark ends, not an error worth printing.
        logger.logLevel = .critical
        self.logger = logger
        database = try Database(location: .sqlite(path: folder + "/lumbar.sqlite"), logger: logger)
        try await Migrator(database: database).migrate()
    }

    /// Serves the app while `body` runs with a session cookie for a new account of `role`, then stops and removes
    /// the database.
    func serving<T: Sendable>(as role: Role, _ body: @Sendable (String) async throws -> T) async throws -> T {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var configuration = AppConfiguration()
        configuration.port = port
        configuration.logLevel = .warning
        let services = try await AppServices(configuration: configuration, database: database, mailer: NoMail())
        let now = WallClock.system.now()
        let account = try await services.accounts.create(AccountDraft(email: "bench-\(role.rawValue)@example.com", name: "Bench Staff", role: role, password: "x"),
                                                         passwordHash: "x", totpSecret: nil, at: now)
        let token = Secrets.token()
        try await services.sessions.create(tokenHash: Secrets.hash(token), accountId: account.id, csrfToken: Secrets.token(), secondFactorDone: true,
                                           address: "127.0.0.1", at: now)
        let app = try buildApplication(services: services, logger: logger)
        let server = Task { try await app.runService() }
        defer { server.cancel() }
        let result = try await body("lumbar_session=\(token)")
        await database.shutdown()
        return result
    }

    /// Each path in `paths`, `rounds` times after one warming pass, one request after another on one keep-alive
    /// connection: the milliseconds each took and its body. The client blocks on its socket, so it runs on a thread
    /// of its own, not on one of Swift's cooperative threads.
    func time(_ paths: [String], rounds: Int, cookie: String) async throws -> [(ms: Double, body: String)] {
        let port = self.port
        return try await withCheckedThrowingContinuation { (done: CheckedContinuation<[(ms: Double, body: String)], any Error>) in
            Thread.detachNewThread {
                do {
                    let connection = try LoopbackHTTP(port: port)
                    func get(_ path: String) throws -> (ms: Double, body: String) {
                        let start = DispatchTime.now().uptimeNanoseconds
                        let (status, body) = try connection.get(path, cookie: cookie)
                        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
                        guard status == 200 else { throw BenchFailure.status(status, path) }
                        return (elapsed, body)
                    }
                    for path in paths { _ = try get(path) }
                    var timed: [(ms: Double, body: String)] = []
                    for _ in 0..<rounds { for path in paths { timed.append(try get(path)) } }
                    done.resume(returning: timed)
                } catch {
                    done.resume(throwing: error)
                }
            }
        }
    }

    /// The value below which `fraction` of `times` fall.
    static func percentile(_ times: [Double], _ fraction: Double) -> Double {
        let sorted = times.sorted()
        return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
    }
}

enum BenchFailure: Error { case status(Int, String), connection(String) }

/// Mail is never sent by what is timed; the app needs a mailer all the same.
struct NoMail: Mailer {
    func send(_ message: MailMessage) async throws {}
}
