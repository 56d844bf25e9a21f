import LumbarClinic
import LumbarCore
import SQLKit

/// The PHIPA access log. Rows are only ever inserted; the database refuses updates and deletes.
public struct SQLAuditRepository: AuditRepository {
    let database: Database
    public init(database: Database) { self.database = database }

    /// Durable when it returns; rows appended at the same moment share one commit.
    public func append(_ entry: AuditEntry) async throws {
        try await append([entry])
    }

    /// Several rows for one request, committed together (and with any others appended at the same moment).
    public func append(_ entries: [AuditEntry]) async throws {
        try await database.writeTogether { db in
            for entry in entries { try await Self.append(entry, on: db) }
        }
    }

    /// Appends inside a caller's transaction, so the change and its audit row commit together.
    public static func append(_ entry: AuditEntry, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO audit_log (at, actor_id, actor_role, client_id, info_type, action, address, detail)
            VALUES (\(bind: entry.at.milliseconds), \(bind: entry.actorId), \(bind: entry.actorRole?.rawValue), \(bind: entry.clientId),
                    \(bind: entry.infoType.rawValue), \(bind: entry.action.rawValue), \(bind: entry.address), \(bind: entry.detail))
            """).run()
    }

    public func entries(_ filter: AuditFilter) async throws -> [AuditEntry] {
        try await database.read { db in
            var query = db.select().column("*").from("audit_log")
            if let clientId = filter.clientId { query = query.where("client_id", .equal, clientId) }
            if let actorId = filter.actorId { query = query.where("actor_id", .equal, actorId) }
            if let from = filter.from { query = query.where("at", .greaterThanOrEqual, from.milliseconds) }
            if let until = filter.until { query = query.where("at", .lessThan, until.milliseconds) }
            return try await query.orderBy("id", .descending).limit(max(1, min(filter.limit, 10_000))).all().map { row in
                AuditEntry(
                    id: try row.decode(column: "id", as: Int64.self), at: try row.instant("at"),
                    actorId: try row.optionalString("actor_id"), actorRole: try row.optionalString("actor_role").flatMap(Role.init(rawValue:)),
                    clientId: try row.optionalString("client_id"),
                    infoType: AuditEntry.InfoType(rawValue: try row.string("info_type")) ?? .record,
                    action: AuditEntry.Action(rawValue: try row.string("action")) ?? .view,
                    address: try row.string("address"), detail: try row.string("detail"))
            }
        }
    }
}
