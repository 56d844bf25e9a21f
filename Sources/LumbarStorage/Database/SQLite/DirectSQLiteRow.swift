import LumbarSQLite
import NIOCore
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

    init(columns: DirectSQLiteConnection.Columns, values: [SQLiteValue]) {
        self.columns = columns
        self.values = values.map(SQLiteData.init)
    }

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
        // Each cast below is to the very type just compared, so the bits are that type's; a dynamic cast cost more.
        let type = ObjectIdentifier(D.self)
        switch value {
        case .text(let text):
            if type == Types.string { return unsafeBitCast(text, to: D.self) }
            if type == Types.optionalString { return unsafeBitCast(String?.some(text), to: D.self) }
        case .integer(let number):
            if type == Types.int { return unsafeBitCast(number, to: D.self) }
            if type == Types.optionalInt { return unsafeBitCast(Int?.some(number), to: D.self) }
            if type == Types.int64 { return unsafeBitCast(Int64(number), to: D.self) }
            if type == Types.optionalInt64 { return unsafeBitCast(Int64?.some(Int64(number)), to: D.self) }
        case .null:
            if type == Types.optionalString { return unsafeBitCast(String?.none, to: D.self) }
            if type == Types.optionalInt { return unsafeBitCast(Int?.none, to: D.self) }
            if type == Types.optionalInt64 { return unsafeBitCast(Int64?.none, to: D.self) }
        default:
            break
        }
        return nil
    }

    /// Looked up once: naming `String?.self` in the check above fetched its metadata on every column.
    private enum Types {
        static let string = ObjectIdentifier(String.self)
        static let optionalString = ObjectIdentifier(String?.self)
        static let int = ObjectIdentifier(Int.self)
        static let optionalInt = ObjectIdentifier(Int?.self)
        static let int64 = ObjectIdentifier(Int64.self)
        static let optionalInt64 = ObjectIdentifier(Int64?.self)
    }
}

extension SQLiteData {
    /// sqlite-kit's value for one read by ``DirectSQLiteConnection``.
    init(_ value: SQLiteValue) {
        switch value {
        case .integer(let number): self = .integer(number)
        case .float(let number): self = .float(number)
        case .text(let text): self = .text(text)
        case .blob(let bytes): self = .blob(ByteBuffer(bytes: bytes))
        case .null: self = .null
        }
    }
}

extension SQLiteValue {
    /// The value to bind for one sqlite-kit encoded.
    init(_ data: SQLiteData) {
        switch data {
        case .integer(let number): self = .integer(number)
        case .float(let number): self = .float(number)
        case .text(let text): self = .text(text)
        case .blob(let buffer): self = .blob(Array(buffer.readableBytesView))
        case .null: self = .null
        }
    }
}
