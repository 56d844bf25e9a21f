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
        return try SQLiteDataDecoder().decode(D.self, from: values[offset])
    }
}
