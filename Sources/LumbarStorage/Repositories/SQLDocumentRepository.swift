import LumbarClinic
import LumbarCore
import NIOCore
import SQLKit

/// Documents in SQL: rows in `documents`, bytes in `document_contents` (BLOB on SQLite, BYTEA on PostgreSQL),
/// withdrawals in `document_withdrawals`; the database refuses any change or delete of all three.
public struct SQLDocumentRepository: DocumentRepository {
    let database: Database
    public init(database: Database) { self.database = database }

    public func add(_ document: ClientDocument, content: [UInt8], audit: AuditEntry) async throws {
        let bytes = ByteBuffer(bytes: content)
        do {
            try await database.write { db in
                try await db.raw("""
                    INSERT INTO documents (id, client_id, file_name, media_type, size, sha256, sha1, description, added_by, added_by_name, added_at)
                    VALUES (\(bind: document.id), \(bind: document.clientId), \(bind: document.fileName), \(bind: document.type.mediaType),
                            \(bind: Int64(document.size)), \(bind: document.sha256), \(bind: document.sha1), \(bind: document.description),
                            \(bind: document.addedBy), \(bind: document.addedByName), \(bind: document.addedAt.milliseconds))
                    """).run()
                try await db.raw("INSERT INTO document_contents (document_id, content) VALUES (\(bind: document.id), \(bind: bytes))").run()
                try await SQLAuditRepository.append(audit, on: db)
            }
        } catch where isUniqueViolation(error) {
            throw StorageError.conflict("A document with this id is already kept.")
        }
    }

    static let columns = """
        SELECT d.id, d.client_id, d.file_name, d.media_type, d.size, d.sha256, d.sha1, d.description, d.added_by, d.added_by_name, d.added_at,
               w.reason AS w_reason, w.by_id AS w_by, w.by_name AS w_by_name, w.at AS w_at
        FROM documents d LEFT JOIN document_withdrawals w ON w.document_id = d.id
        """

    public func list(clientId: String) async throws -> [ClientDocument] {
        try await database.read { db in
            try await db.raw("\(unsafeRaw: Self.columns) WHERE d.client_id = \(bind: clientId) ORDER BY d.added_at, d.id").all().compactMap(Self.document)
        }
    }

    public func find(id: String, clientId: String) async throws -> ClientDocument? {
        try await database.read { db in
            try await db.raw("\(unsafeRaw: Self.columns) WHERE d.id = \(bind: id) AND d.client_id = \(bind: clientId)").first().flatMap(Self.document)
        }
    }

    public func content(id: String) async throws -> [UInt8]? {
        try await database.read { db in
            guard let row = try await db.raw("SELECT content FROM document_contents WHERE document_id = \(bind: id)").first() else { return nil }
            return Array(try row.decode(column: "content", as: ByteBuffer.self).readableBytesView)
        }
    }

    public func withdraw(_ withdrawal: DocumentWithdrawal, clientId: String, audit: AuditEntry) async throws {
        do {
            try await database.write { db in
                let owned = try await db.raw("SELECT 1 AS yes FROM documents WHERE id = \(bind: withdrawal.documentId) AND client_id = \(bind: clientId)").first()
                guard owned != nil else { throw StorageError.notFound }
                try await db.raw("""
                    INSERT INTO document_withdrawals (document_id, reason, by_id, by_name, at)
                    VALUES (\(bind: withdrawal.documentId), \(bind: withdrawal.reason), \(bind: withdrawal.by), \(bind: withdrawal.byName),
                            \(bind: withdrawal.at.milliseconds))
                    """).run()
                try await SQLAuditRepository.append(audit, on: db)
            }
        } catch where isUniqueViolation(error) {
            throw StorageError.conflict("This document was already withdrawn.")
        }
    }

    public func summary(clientId: String) async throws -> DocumentSummary {
        try await database.read { db in
            let count = try await db.raw("SELECT COUNT(*) AS n FROM documents WHERE client_id = \(bind: clientId)").first()?.int("n") ?? 0
            let latest = try await db.raw("""
                \(unsafeRaw: Self.columns) WHERE d.client_id = \(bind: clientId) AND w.document_id IS NULL ORDER BY d.added_at DESC, d.id DESC LIMIT 1
                """).first().flatMap(Self.document)
            return DocumentSummary(count: count, latest: latest)
        }
    }

    public func sizeLimitMegabytes() async throws -> Int? {
        try await database.read { db in try await db.raw("SELECT max_megabytes FROM document_settings WHERE id = 1").first()?.int("max_megabytes") }
    }

    public func setSizeLimit(megabytes: Int) async throws {
        try await database.write { db in
            try await db.raw("""
                INSERT INTO document_settings (id, max_megabytes) VALUES (1, \(bind: megabytes))
                ON CONFLICT (id) DO UPDATE SET max_megabytes = excluded.max_megabytes
                """).run()
        }
    }

    static func document(_ row: any SQLRow) throws -> ClientDocument? {
        guard let type = DocumentType.allCases.first(where: { $0.mediaType == (try? row.string("media_type")) }) else { return nil }
        let withdrawal = try row.optionalInstant("w_at").map { at in
            DocumentWithdrawal(documentId: try row.string("id"), reason: try row.string("w_reason"), by: try row.string("w_by"),
                               byName: try row.string("w_by_name"), at: at)
        }
        return ClientDocument(
            id: try row.string("id"), clientId: try row.string("client_id"), fileName: try row.string("file_name"), type: type,
            size: Int(try row.decode(column: "size", as: Int64.self)), sha256: try row.string("sha256"), sha1: try row.string("sha1"),
            description: try row.optionalString("description"), addedBy: try row.string("added_by"), addedByName: try row.string("added_by_name"),
            addedAt: try row.instant("added_at"), withdrawal: withdrawal)
    }
}
