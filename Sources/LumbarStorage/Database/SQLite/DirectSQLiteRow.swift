import SQLKit
import SQLiteKit

/// One result row of a ``DirectSQLiteConnection``, decoded by sqlite-kit's decoder, as rows from SQLiteNIO were.
struct DirectSQLiteRow: SQLRow {
    struct MissingColumn: Error, CustomStringConvertible {
        let column: String
        var description: String { "no column \(column) in the result" }
    }

    let columns: DirectSQLiteConnection.Columns
    let values: [SQLiteData]

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.index[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        columns.index[column].map { values[$0] == .null } ?? true
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let offset = columns.index[column] else { throw MissingColumn(column: column) }
        let value = values[offset]
        return try Self.direct(value) ?? SQLiteDataDecoder().decode(D.self, from: value)
    }

    /// The columns the repositories read (text, whole numbers, and either of them or NULL), without a `Decoder`: that
    /// machinery was a sixth of a booking's CPU. Anything else is nil and goes to sqlite-kit's decoder, which gives the
    /// same answers for these, slower (`DirectSQLiteTests` compares the two).
    static func direct<D>(_ value: SQLiteData) -> D? {
        switch value {
        case .text(let text):
            if D.self == String.self || D.self == String?.self { return text as? D }
        case .integer(let number):
            if D.self == Int.self || D.self == Int?.self { return number as? D }
            if D.self == Int64.self || D.self == Int64?.self { return Int64(number) as? D }
        case .null:
            if D.self == String?.self { return String?.none as? D }
            if D.self == Int?.self { return Int?.none as? D }
            if D.self == Int64?.self { return Int64?.none as? D }
        default:
            break
        }
        return nil
    }
}
