/// One forward-only schema step. Statements are shared by both engines except where `Dialect` differs.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let statements: @Sendable (Dialect) -> [String]

    public init(_ version: Int, _ name: String, _ statements: @escaping @Sendable (Dialect) -> [String]) {
        self.version = version
        self.name = name
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
}
