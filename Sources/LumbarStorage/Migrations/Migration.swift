import SQLKit

/// One forward-only schema step. Statements are shared by both engines except where `Dialect` differs.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let statements: @Sendable (Dialect) -> [String]
    /// Work done in Swift after the statements, in the same transaction: filling a new table from rows already there.
    public let backfill: (@Sendable (any SQLDatabase) async throws -> Void)?

    public init(_ version: Int, _ name: String, backfill: (@Sendable (any SQLDatabase) async throws -> Void)? = nil,
                _ statements: @escaping @Sendable (Dialect) -> [String]) {
        self.version = version
        self.name = name
        self.backfill = backfill
        self.statements = statements
    }
}

/// The few places where SQLite and PostgreSQL DDL differ, each in one spot.
public struct Dialect: Sendable {
    public let engine: Database.Engine

    /// An auto-numbered primary key column type.
    public var serialKey: String { engine == .sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY" }

    /// Triggers that make `table` append-only: any UPDATE or DELETE fails inside the database itself.
    public func appendOnly(_ table: String) -> [String] {
        switch engine {
        case .sqlite:
            return [
                "CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table) BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END",
                "CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table) BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END",
            ]
        case .postgres:
            return [
                """
                CREATE OR REPLACE FUNCTION lumbar_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$
                """,
                "CREATE TRIGGER \(table)_append_only BEFORE UPDATE OR DELETE ON \(table) FOR EACH ROW EXECUTE FUNCTION lumbar_refuse_change()",
                "CREATE TRIGGER \(table)_no_truncate BEFORE TRUNCATE ON \(table) FOR EACH STATEMENT EXECUTE FUNCTION lumbar_refuse_change()",
            ]
        }
    }

    /// A draft row may change until it is submitted; after that it is fixed, and no row is ever deleted.
    public func fixedOnceSubmitted(_ table: String) -> [String] { fixedOnce(table, column: "submitted_at", function: "lumbar_refuse_submitted_change") }

    /// The same for rows fixed by a signature (`signed_at`).
    public func fixedOnceSigned(_ table: String) -> [String] { fixedOnce(table, column: "signed_at", function: "lumbar_refuse_signed_change") }

    private func fixedOnce(_ table: String, column: String, function: String) -> [String] {
        switch engine {
        case .sqlite:
            return [
                "CREATE TRIGGER \(table)_fixed BEFORE UPDATE ON \(table) WHEN OLD.\(column) IS NOT NULL BEGIN SELECT RAISE(ABORT, '\(table): a submitted row is fixed'); END",
                "CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table) BEGIN SELECT RAISE(ABORT, '\(table) rows are never deleted'); END",
            ]
        case .postgres:
            return [
                """
                CREATE OR REPLACE FUNCTION \(function)() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' OR OLD.\(column) IS NOT NULL THEN RAISE EXCEPTION '%: a submitted row is fixed', TG_TABLE_NAME; END IF;
                    RETURN NEW;
                END $$
                """,
                "CREATE TRIGGER \(table)_fixed BEFORE UPDATE OR DELETE ON \(table) FOR EACH ROW EXECUTE FUNCTION \(function)()",
                "CREATE TRIGGER \(table)_no_truncate BEFORE TRUNCATE ON \(table) FOR EACH STATEMENT EXECUTE FUNCTION lumbar_refuse_change()",
            ]
        }
    }

    /// Version 2 of the SQLite no-overlap triggers. The first checked therapist OR room in one condition, which no
    /// index serves, so every booking scanned every appointment (found measuring 100,000 appointments). Each check
    /// now uses its own index, bounded to appointments starting at most two days earlier: no service plus its
    /// turnover lasts that long.
    public func appointmentExclusionIndexed() -> [String] {
        switch engine {
        case .postgres:
            return ["CREATE INDEX appointments_room_time ON appointments(room_id, starts_at)"]
        case .sqlite:
            let active = "status NOT IN ('cancelled', 'late-cancelled')"
            func clash(_ column: String) -> String {
                """
                SELECT RAISE(ABORT, 'appointment overlap') WHERE EXISTS (
                    SELECT 1 FROM appointments a WHERE a.\(column) = NEW.\(column) AND a.id <> NEW.id AND a.\(active)
                      AND a.starts_at < NEW.occupied_until AND a.starts_at > NEW.starts_at - \(Schema.longestOccupancy) AND NEW.starts_at < a.occupied_until)
                """
            }
            return [
                "DROP TRIGGER appointments_no_overlap_insert",
                "DROP TRIGGER appointments_no_overlap_update",
                "CREATE INDEX appointments_room_time ON appointments(room_id, starts_at)",
                "CREATE TRIGGER appointments_no_overlap_insert BEFORE INSERT ON appointments WHEN NEW.\(active) BEGIN \(clash("therapist_id")); \(clash("room_id")); END",
                "CREATE TRIGGER appointments_no_overlap_update BEFORE UPDATE ON appointments WHEN NEW.\(active) BEGIN \(clash("therapist_id")); \(clash("room_id")); END",
            ]
        }
    }

    /// Makes overlapping active appointments of one therapist, or one room, impossible inside the database.
    /// PostgreSQL: exclusion constraints over `tstzrange` (btree_gist); SQLite: triggers that abort the write.
    public func appointmentExclusion() -> [String] {
        let active = "status NOT IN ('cancelled', 'late-cancelled')"
        switch engine {
        case .postgres:
            let range = "tstzrange(to_timestamp(starts_at / 1000.0), to_timestamp(occupied_until / 1000.0), '[)')"
            return [
                "CREATE EXTENSION IF NOT EXISTS btree_gist",
                "ALTER TABLE appointments ADD CONSTRAINT appointments_therapist_no_overlap EXCLUDE USING gist (therapist_id WITH =, \(range) WITH &&) WHERE (\(active))",
                "ALTER TABLE appointments ADD CONSTRAINT appointments_room_no_overlap EXCLUDE USING gist (room_id WITH =, \(range) WITH &&) WHERE (\(active) AND room_id IS NOT NULL)",
            ]
        case .sqlite:
            let clash = """
                SELECT RAISE(ABORT, 'appointment overlap') WHERE EXISTS (
                    SELECT 1 FROM appointments a WHERE a.id <> NEW.id AND a.\(active)
                      AND a.starts_at < NEW.occupied_until AND NEW.starts_at < a.occupied_until
                      AND (a.therapist_id = NEW.therapist_id OR (NEW.room_id IS NOT NULL AND a.room_id = NEW.room_id)))
                """
            return [
                "CREATE TRIGGER appointments_no_overlap_insert BEFORE INSERT ON appointments WHEN NEW.\(active) BEGIN \(clash); END",
                "CREATE TRIGGER appointments_no_overlap_update BEFORE UPDATE ON appointments WHEN NEW.\(active) BEGIN \(clash); END",
            ]
        }
    }
}
