import Foundation
import Logging

/// Everything an operator can set. Flags override `LUMBAR_*` environment variables, which override defaults.
public struct AppConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var dataDirectory = "."
    public var databaseURL: String?
    /// The address clients use, for links in email (e.g. https://clinic.example.com).
    public var publicURL = "http://127.0.0.1:8080"
    /// A sendmail-compatible program that reads a message on standard input (`-t -i`).
    public var sendmail = "/usr/sbin/sendmail"
    public var mailFrom = "lumbar@localhost"
    /// Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy in front.
    public var trustProxy = false
    public var bcryptCost = 12
    public var lockoutThreshold = 5
    public var lockoutMinutes = 15
    /// Failed sign-ins from one address within 15 minutes before it is slowed down with 429.
    public var addressFailureLimit = 20
    /// New client accounts created online from one address within an hour before sign-ups are refused with 429.
    public var registrationsPerHour = 10
    public var sessionIdleMinutes = 30
    public var sessionAbsoluteHours = 12
    public var logLevel: Logger.Level = .info
    /// Largest request body accepted, in bytes.
    public var maxBodyBytes = 1_048_576

    public init() {}

    /// Documented in README: each key is `LUMBAR_` + the upper-case option name.
    public static let environmentKeys = [
        "LUMBAR_HOST", "LUMBAR_PORT", "LUMBAR_DATA", "LUMBAR_DATABASE_URL", "LUMBAR_PUBLIC_URL", "LUMBAR_SENDMAIL",
        "LUMBAR_MAIL_FROM", "LUMBAR_TRUST_PROXY", "LUMBAR_BCRYPT_COST", "LUMBAR_LOCKOUT_THRESHOLD", "LUMBAR_LOCKOUT_MINUTES",
        "LUMBAR_LOG_LEVEL",
    ]

    /// Applies the environment over the defaults; returns one problem per bad value.
    public mutating func apply(environment: [String: String]) -> [String] {
        var problems: [String] = []
        func int(_ key: String, _ range: ClosedRange<Int>, _ assign: (Int) -> Void) {
            guard let text = environment[key] else { return }
            guard let value = Int(text), range.contains(value) else {
                problems.append("\(key): must be a whole number \(range.lowerBound)-\(range.upperBound), got \"\(text)\"")
                return
            }
            assign(value)
        }
        if let value = environment["LUMBAR_HOST"] { host = value }
        int("LUMBAR_PORT", 1...65535) { port = $0 }
        if let value = environment["LUMBAR_DATA"] { dataDirectory = value }
        if let value = environment["LUMBAR_DATABASE_URL"], !value.isEmpty { databaseURL = value }
        if let value = environment["LUMBAR_PUBLIC_URL"] { publicURL = value }
        if let value = environment["LUMBAR_SENDMAIL"] { sendmail = value }
        if let value = environment["LUMBAR_MAIL_FROM"] { mailFrom = value }
        if let value = environment["LUMBAR_TRUST_PROXY"] {
            switch value.lowercased() {
            case "1", "true", "yes": trustProxy = true
            case "0", "false", "no": trustProxy = false
            default: problems.append("LUMBAR_TRUST_PROXY: must be true or false, got \"\(value)\"")
            }
        }
        int("LUMBAR_BCRYPT_COST", 12...16) { bcryptCost = $0 }
        int("LUMBAR_LOCKOUT_THRESHOLD", 1...100) { lockoutThreshold = $0 }
        int("LUMBAR_LOCKOUT_MINUTES", 1...1440) { lockoutMinutes = $0 }
        if let value = environment["LUMBAR_LOG_LEVEL"] {
            if let level = Logger.Level(rawValue: value.lowercased()) { logLevel = level } else {
                problems.append("LUMBAR_LOG_LEVEL: must be one of trace, debug, info, notice, warning, error, critical")
            }
        }
        return problems
    }
}
