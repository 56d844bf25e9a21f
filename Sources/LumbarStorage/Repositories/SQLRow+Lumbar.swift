import LumbarClinic
import LumbarCore
import SQLKit

extension SQLRow {
    func string(_ column: String) throws -> String { try decode(column: column, as: String.self) }
    func optionalString(_ column: String) throws -> String? { try decode(column: column, as: String?.self) }
    func int(_ column: String) throws -> Int { try decode(column: column, as: Int.self) }
    func optionalInt64(_ column: String) throws -> Int64? { try decode(column: column, as: Int64?.self) }
    func flag(_ column: String) throws -> Bool { try decode(column: column, as: Int.self) != 0 }
    func instant(_ column: String) throws -> Instant { Instant(milliseconds: try decode(column: column, as: Int64.self)) }
    func optionalInstant(_ column: String) throws -> Instant? {
        try decode(column: column, as: Int64?.self).map(Instant.init(milliseconds:))
    }
}

extension Bool {
    /// How flags are stored on both engines.
    var stored: Int { self ? 1 : 0 }
}

/// A unique-constraint failure on either engine, which the caller turns into a conflict it can explain.
func isUniqueViolation(_ error: any Error) -> Bool {
    SQLFailure(error) == .unique
}
