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

/// Issue 18: the client search through HTTP at 100,000 clients. Fills a new SQLite database with the demo clinic
/// (clients written in bulk through storage, search keys with them), starts the whole app on a loopback port, signs
/// a front-desk session in directly, then times keystroke queries one after another on one keep-alive connection.
struct SearchBenchmark {
    var clients = 100_000
    var rounds = 30
    var port = 8303
    var folder = NSTemporaryDirectory() + "lumbar-bench-search-\(getpid())"

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
    }

    func run() async throws -> Figures {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var logger = Logger(label: "lumbar-bench")
        logger.logLevel = .warning
        let database = try Database(location: .sqlite(path: folder + "/lumbar.sqlite"), logger: logger)
        try await Migrator(database: database).migrate()
        let started = Date()
        let now = WallClock.system.now()
        _ = try await DemoData.generate(database: database, clients: clients, appointments: 0, now: now, ownerHash: "x", ownerTOTPSecret: "JBSWY3DPEHPK3PXP")
        let seeded = Date().timeIntervalSince(started)

        var configuration = AppConfiguration()
        configuration.port = port
        configuration.logLevel = .warning
        let services = try await AppServices(configuration: configuration, database: database, mailer: NoMail())
        let desk = try await services.accounts.create(AccountDraft(email: "bench-desk@example.com", name: "Bench Desk", role: .frontDesk, password: "x"),
                                                      passwordHash: "x", totpSecret: nil, at: now)
        let token = Secrets.token()
        try await services.sessions.create(tokenHash: Secrets.hash(token), accountId: desk.id, csrfToken: Secrets.token(), secondFactorDone: true,
                                           address: "127.0.0.1", at: now)
        let app = try buildApplication(services: services, logger: logger)
        let server = Task { try await app.runService() }
        defer { server.cancel() }

        let port = self.port, rounds = self.rounds
        // The client blocks on its socket, so it runs on a thread of its own, not on one of Swift's two cooperative threads.
        let (times, found) = try await withCheckedThrowingContinuation { (done: CheckedContinuation<([Double], [Int]), any Error>) in
            Thread.detachNewThread {
                do {
                    let connection = try LoopbackHTTP(port: port)
                    let cookie = "lumbar_session=\(token)"
                    func get(_ typed: String) throws -> (Double, Int) {
                        let path = "/clients/search?q=" + typed.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                        let start = DispatchTime.now().uptimeNanoseconds
                        let (status, body) = try connection.get(path, cookie: cookie)
                        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
                        guard status == 200 else { throw BenchFailure.status(status, path) }
                        return (elapsed, body.components(separatedBy: "\"href\"").count - 1)
                    }
                    for typed in Self.keystrokes { _ = try get(typed) } // warm the caches and the connection
                    var times: [Double] = [], found: [Int] = []
                    for _ in 0..<rounds {
                        for typed in Self.keystrokes {
                            let (ms, count) = try get(typed)
                            times.append(ms)
                            found.append(count)
                        }
                    }
                    done.resume(returning: (times, found))
                } catch {
                    done.resume(throwing: error)
                }
            }
        }
        await database.shutdown()
        let sorted = times.sorted()
        func at(_ fraction: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))] }
        return Figures(queries: times.count, p50: at(0.5), p90: at(0.9), p99: at(0.99), worst: sorted.last ?? 0,
                       averageFound: Double(found.reduce(0, +)) / Double(max(1, found.count)), seedSeconds: seeded)
    }
}

enum BenchFailure: Error { case status(Int, String), connection(String) }

/// Mail is never sent by the search; the app needs a mailer all the same.
struct NoMail: Mailer {
    func send(_ message: MailMessage) async throws {}
}

/// HTTP/1.1 GETs over one kept-alive loopback connection, blocking: the smallest client that times the server
/// and not a client library.
final class LoopbackHTTP {
    private let socket: Int32
    private var buffer: [UInt8] = []

    init(port: Int) throws {
        var lastError = "no attempt"
        for _ in 0..<200 {
            let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            if connected == 0 {
                var yes: Int32 = 1
                setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
                socket = fd
                return
            }
            lastError = String(cString: strerror(errno))
            close(fd)
            usleep(50_000) // the server is still starting
        }
        throw BenchFailure.connection(lastError)
    }

    deinit { close(socket) }

    func get(_ path: String, cookie: String) throws -> (Int, String) {
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: \(cookie)\r\nAccept: application/json\r\n\r\n".utf8)
        var sent = 0
        while sent < request.count {
            let n = request[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { throw BenchFailure.connection("send failed") }
            sent += n
        }
        let headEnd = try readUntil(Array("\r\n\r\n".utf8))
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        buffer.removeFirst(headEnd + 4)
        let lines = head.components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        let length = lines.first { $0.lowercased().hasPrefix("content-length:") }.flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
        while buffer.count < length { try fill() }
        let body = String(decoding: buffer[..<length], as: UTF8.self)
        buffer.removeFirst(length)
        return (status, body)
    }

    private func readUntil(_ marker: [UInt8]) throws -> Int {
        while true {
            if buffer.count >= marker.count {
                for start in 0...(buffer.count - marker.count) where buffer[start..<(start + marker.count)].elementsEqual(marker) { return start }
            }
            try fill()
        }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let n = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { throw BenchFailure.connection("the server closed the connection") }
        buffer.append(contentsOf: chunk[..<n])
    }
}
