import LumbarSQLite
import PostgresKit

/// What kind of refusal a database error is, read from SQLite's extended result code or PostgreSQL's SQLSTATE, never
/// from the message text (a NOT NULL failure once read as "email already used" because its message said "constraint").
enum SQLFailure: Equatable, Sendable {
    case unique
    /// PostgreSQL's exclusion constraint (23P01): an overlapping appointment.
    case exclusion
    case notNull
    case foreignKey
    case check
    /// A trigger's `RAISE(ABORT, …)` on SQLite: an append-only table, or an overlapping appointment.
    case trigger

    init?(_ error: any Error) {
        if let failure = error as? DirectSQLiteConnection.Failure {
            // sqlite3.h: SQLITE_CONSTRAINT (19) with its extended codes.
            switch failure.code {
            case 2067, 1555: self = .unique // SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY
            case 1299: self = .notNull // SQLITE_CONSTRAINT_NOTNULL
            case 787: self = .foreignKey // SQLITE_CONSTRAINT_FOREIGNKEY
            case 275: self = .check // SQLITE_CONSTRAINT_CHECK
            case 1811: self = .trigger // SQLITE_CONSTRAINT_TRIGGER
            default: return nil
            }
        } else if let postgres = error as? PSQLError, let state = postgres.serverInfo?[.sqlState] {
            switch state {
            case "23505": self = .unique
            case "23P01": self = .exclusion
            case "23502": self = .notNull
            case "23503": self = .foreignKey
            case "23514": self = .check
            default: return nil
            }
        } else {
            return nil
        }
    }
}
