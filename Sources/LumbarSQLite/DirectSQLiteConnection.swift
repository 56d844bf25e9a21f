internal import CSQLite

/// One SQLite connection (the system's libsqlite3, through CSQLite), with its statements kept prepared.
///
/// SQLiteNIO sends every query to a thread pool and back through an event loop, three thread hand-overs per query, and
/// parses the SQL afresh each time; under load that was a third of a booking's CPU (docs/performance.md). Here a
/// connection owns one thread (``SQLiteThread``) and the borrower's whole body runs on it, so a query costs no hand-over
/// and SQLite's blocking calls (the fsync of a COMMIT, a busy wait) never hold one of Swift's cooperative threads.
/// Its own target, so the system's sqlite3.h never meets the copy sqlite-nio builds inside one Clang module
/// (LumbarStorage turns ``SQLiteValue``s into sqlite-kit's `SQLiteData`).
///
/// Not thread-safe on its own: ``DirectSQLitePool`` lends a connection to one task at a time.
public final class DirectSQLiteConnection: @unchecked Sendable {
    /// A failed SQLite call: its extended result code (what ``SQLFailure`` reads) and SQLite's message (for people).
    public struct Failure: Error, CustomStringConvertible {
        public let code: Int32
        public let message: String
        public var description: String { "SQLite error \(code): \(message)" }

        public init(code: Int32, message: String) {
            self.code = code
            self.message = message
        }
    }

    /// Column names of one statement's result, shared by all of its rows.
    public final class Columns: Sendable {
        public let names: [String]
        public let index: [String: Int]

        public init(_ names: [String]) {
            self.names = names
            index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    private struct Prepared {
        let statement: OpaquePointer
        let columns: Columns
    }

    /// Set on every connection: a busy timeout so a writer elsewhere (another connection switching a new file to WAL,
    /// the `lumbar` command) is waited for rather than failed, so it comes first; WAL for concurrent readers; FULL sync
    /// so an acknowledged write survives power loss; and foreign keys enforced.
    public static let pragmas = [
        "PRAGMA busy_timeout = 10000",
        "PRAGMA journal_mode = WAL",
        "PRAGMA synchronous = FULL",
        "PRAGMA foreign_keys = ON",
        // An 8 MB page cache per connection (the default is 2 MB). The file is not memory-mapped: that was no faster
        // under load, and its pages counted towards the server's resident size (docs/performance.md).
        "PRAGMA cache_size = -8000",
    ]

    /// Enough for every query the application writes; lists of varying length make new SQL, so the cache is bounded.
    private static let statementLimit = 256
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private let handle: OpaquePointer
    private var statements: [String: Prepared] = [:]
    /// Where every use of this connection runs (see ``DirectSQLitePool/withConnection(_:)``).
    public let thread: SQLiteThread

    public init(path: String, pragmas: [String]) throws {
        var opened: OpaquePointer?
        let flags = SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE
        let status = sqlite3_open_v2(path, &opened, flags, nil)
        guard status == SQLITE_OK, let opened else {
            let message = opened.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "cannot open \(path)"
            sqlite3_close_v2(opened)
            throw Failure(code: status, message: message)
        }
        handle = opened
        thread = SQLiteThread(name: "lumbar-sqlite")
        do {
            for pragma in pragmas { try run(pragma, []) { _, _ in } }
        } catch {
            close()
            throw error
        }
    }

    /// Runs one statement with `binds`, handing each result row to `onRow` before the next is read.
    public func run(_ sql: String, _ binds: [SQLiteValue], _ onRow: (Columns, [SQLiteValue]) throws -> Void) throws {
        let prepared = try prepare(sql)
        let statement = prepared.statement
        // Reset on every path: a statement left mid-result would hold its read snapshot open. Bindings are not cleared:
        // every parameter is bound afresh below (the count is checked), and clearing them made SQLite re-parse some
        // statements on every run.
        defer { sqlite3_reset(statement) }
        guard sqlite3_bind_parameter_count(statement) == Int32(binds.count) else {
            throw Failure(code: SQLITE_RANGE, message: "\(binds.count) values for \(sqlite3_bind_parameter_count(statement)) parameters")
        }
        for (offset, value) in binds.enumerated() {
            try check(bind(value, at: Int32(offset + 1), of: statement))
        }
        let width = Int32(prepared.columns.names.count)
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw failure(status) }
            var values: [SQLiteValue] = []
            values.reserveCapacity(Int(width))
            for column in 0..<width { values.append(value(at: column, of: statement)) }
            try onRow(prepared.columns, values)
        }
    }

    public func close() {
        for prepared in statements.values { sqlite3_finalize(prepared.statement) }
        statements = [:]
        sqlite3_close_v2(handle)
        thread.stop()
    }

    private func prepare(_ sql: String) throws -> Prepared {
        if let prepared = statements[sql] { return prepared }
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK else { throw failure(status) }
        guard let statement else { throw Failure(code: SQLITE_MISUSE, message: "no statement in the SQL given") }
        let names = (0..<sqlite3_column_count(statement)).map { column in
            sqlite3_column_name(statement, column).map { String(cString: $0) } ?? ""
        }
        if statements.count >= Self.statementLimit {
            for prepared in statements.values { sqlite3_finalize(prepared.statement) }
            statements = [:]
        }
        let prepared = Prepared(statement: statement, columns: Columns(names))
        statements[sql] = prepared
        return prepared
    }

    private func bind(_ value: SQLiteValue, at position: Int32, of statement: OpaquePointer) -> Int32 {
        switch value {
        case .integer(let number): return sqlite3_bind_int64(statement, position, Int64(number))
        case .float(let number): return sqlite3_bind_double(statement, position, number)
        case .null: return sqlite3_bind_null(statement, position)
        case .text(let text):
            return sqlite3_bind_text64(statement, position, text, UInt64(text.utf8.count), Self.transient, UInt8(SQLITE_UTF8))
        case .blob(let buffer):
            return buffer.withUnsafeBytes { bytes in
                sqlite3_bind_blob64(statement, position, bytes.baseAddress, UInt64(bytes.count), Self.transient)
            }
        }
    }

    private func value(at column: Int32, of statement: OpaquePointer) -> SQLiteValue {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(Int(sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT: return .float(sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(statement, column))
            guard let text = sqlite3_column_text(statement, column) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, column))
            guard let bytes = sqlite3_column_blob(statement, column) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }

    private func check(_ status: Int32) throws {
        guard status == SQLITE_OK else { throw failure(status) }
    }

    private func failure(_ status: Int32) -> Failure {
        // The extended code (the connection is opened with SQLITE_OPEN_EXRESCODE): UNIQUE and NOT NULL differ only there.
        let extended = sqlite3_extended_errcode(handle)
        return Failure(code: extended & 0xff == status & 0xff ? extended : status, message: sqlite3_errmsg(handle).map { String(cString: $0) } ?? "unknown")
    }
}
