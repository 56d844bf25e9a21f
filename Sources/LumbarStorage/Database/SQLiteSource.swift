import AsyncKit
import Logging
import NIOCore
import NIOPosix
import SQLiteKit

/// Opens SQLite connections with the durability settings clinical data needs, on every connection.
struct SQLiteSource: ConnectionPoolSource {
    let path: String
    let threadPool: NIOThreadPool

    /// WAL for concurrent readers, FULL sync so an acknowledged write survives power loss, a busy timeout so
    /// writers queue instead of failing, and foreign keys enforced.
    static let pragmas = [
        "PRAGMA journal_mode = WAL",
        "PRAGMA synchronous = FULL",
        "PRAGMA busy_timeout = 10000",
        "PRAGMA foreign_keys = ON",
        // An 8 MB page cache per connection (the default is 2 MB). The file is not memory-mapped: that was no faster
        // under load, and its pages counted towards the server's resident size (docs/performance.md).
        "PRAGMA cache_size = -8000",
    ]

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        SQLiteConnection.open(storage: .file(path: path), threadPool: threadPool, logger: logger, on: eventLoop)
            .flatMap { connection in
                Self.pragmas.reduce(eventLoop.makeSucceededVoidFuture()) { chain, pragma in
                    chain.flatMap { connection.query(pragma).map { _ in } }
                }
                .map { connection }
                .flatMapErrorThrowing { error in
                    _ = connection.close()
                    throw error
                }
            }
    }
}
