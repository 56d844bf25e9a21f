import Logging
import LumbarSQLite
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit

/// SQLKit's view of one borrowed ``DirectSQLiteConnection``: the repositories' queries, serialised with sqlite-kit's
/// dialect and encoder, run on the calling task.
struct DirectSQLiteDatabase: SQLDatabase {
    let connection: DirectSQLiteConnection
    let logger: Logger
    /// Only for SQLKit's future-based interface, which the application does not use.
    var eventLoop: any EventLoop = MultiThreadedEventLoopGroup.singleton.any()

    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        eventLoop.makeCompletedFuture { try run(query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try run(query, onRow)
    }

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> Void) throws {
        let (sql, binds) = serialize(query)
        let encoder = SQLiteDataEncoder()
        try connection.run(sql, try binds.map { SQLiteValue(try encoder.encode($0)) }) { columns, values in
            onRow(DirectSQLiteRow(columns: columns, values: values))
        }
    }
}
