import LumbarClinic
import LumbarCore
import Synchronization

/// Documents in memory, append-only like the tables: a withdrawal names a document of the same client, once.
public final class MemoryDocumentRepository: DocumentRepository {
    private struct State {
        var documents: [ClientDocument] = []
        var contents: [String: [UInt8]] = [:]
        var withdrawals: [String: DocumentWithdrawal] = [:]
        var limit: Int?
    }

    private let state = Mutex(State())

    public init() {}

    public func add(_ document: ClientDocument, content: [UInt8], audit: AuditEntry) async throws {
        try state.withLock { state in
            guard state.contents[document.id] == nil else { throw StorageError.conflict("A document with this id is already kept.") }
            var kept = document
            kept.withdrawal = nil
            state.documents.append(kept)
            state.contents[document.id] = content
        }
    }

    public func list(clientId: String) async throws -> [ClientDocument] {
        state.withLock { state in
            state.documents.filter { $0.clientId == clientId }.sorted { ($0.addedAt, $0.id) < ($1.addedAt, $1.id) }.map { Self.joined($0, state) }
        }
    }

    public func find(id: String, clientId: String) async throws -> ClientDocument? {
        state.withLock { state in state.documents.first { $0.id == id && $0.clientId == clientId }.map { Self.joined($0, state) } }
    }

    public func content(id: String) async throws -> [UInt8]? {
        state.withLock { $0.contents[id] }
    }

    public func withdraw(_ withdrawal: DocumentWithdrawal, clientId: String, audit: AuditEntry) async throws {
        try state.withLock { state in
            guard state.documents.contains(where: { $0.id == withdrawal.documentId && $0.clientId == clientId }) else { throw StorageError.notFound }
            guard state.withdrawals[withdrawal.documentId] == nil else { throw StorageError.conflict("This document was already withdrawn.") }
            state.withdrawals[withdrawal.documentId] = withdrawal
        }
    }

    public func summary(clientId: String) async throws -> DocumentSummary {
        let all = try await list(clientId: clientId)
        return DocumentSummary(count: all.count, latest: all.last { !$0.isWithdrawn })
    }

    public func sizeLimitMegabytes() async throws -> Int? { state.withLock { $0.limit } }

    public func setSizeLimit(megabytes: Int) async throws { state.withLock { $0.limit = megabytes } }

    private static func joined(_ document: ClientDocument, _ state: State) -> ClientDocument {
        var joined = document
        joined.withdrawal = state.withdrawals[document.id]
        return joined
    }
}
