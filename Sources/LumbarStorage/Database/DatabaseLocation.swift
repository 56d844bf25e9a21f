import LumbarClinic
import Foundation

/// Where the data lives: the embedded SQLite file (default) or a PostgreSQL server.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    /// `postgres://…` or `postgresql://…` selects PostgreSQL; anything else is refused.
    public init(databaseURL: String?, dataDirectory: String) throws {
        if let url = databaseURL, !url.isEmpty {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw StorageError.configuration("database URL must start with postgres:// or postgresql://")
            }
            self = .postgres(url: url)
        } else {
            self = .sqlite(path: URL(fileURLWithPath: dataDirectory).appendingPathComponent("lumbar.sqlite").path)
        }
    }

    /// Safe to print: never shows a password.
    public var description: String {
        switch self {
        case .sqlite(let path): return "SQLite at \(path)"
        case .postgres(let url):
            guard var parts = URLComponents(string: url) else { return "PostgreSQL" }
            parts.password = parts.password == nil ? nil : "***"
            return "PostgreSQL at \(parts.string ?? "?")"
        }
    }
}

