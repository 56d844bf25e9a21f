/// One SQLite value, as bound to a statement or read from a row: SQLite's five storage classes.
public enum SQLiteValue: Sendable, Equatable {
    case integer(Int)
    case float(Double)
    case text(String)
    case blob([UInt8])
    case null
}
